// Sentinel output never prints a secret: excerpts are redacted whole, then cut, including the
// korva-ignore warnings (suppression without reason, unknown rule).
import assert from "node:assert/strict";
import { Charset, fakeToken } from "../../lib/privacy/fake.ts";
import { createRedactor } from "../../lib/privacy/redact.ts";
import type { ChangedFile } from "../../lib/sentinel/diff.ts";
import { evaluate } from "../../lib/sentinel/engine.ts";
import { type LoadedRule, parseRuleFile } from "../../lib/sentinel/rules.ts";

const redactor = createRedactor();
const token = "ghp_" + fakeToken("sentinel-excerpt", Charset.alnum, 36);
const rules: LoadedRule[] = parseRuleFile(
  `version: 1
rules:
  - id: style/no-console
    message: no console.log
    match: { kind: pattern, pattern: 'console\\.log' }
`,
  "test.yml",
).map((r) => ({ ...r, source: "test.yml", origin: "repository" }));

function file(content: string): ChangedFile {
  return { path: "src/a.ts", content, added: "all", size: content.length, binary: false };
}

Deno.test("evaluate() redacts a line before cutting its excerpt at 300 characters", () => {
  // The token starts at column 290: cutting first would keep "ghp_" plus 6 characters.
  const line = `console.log("${"x".repeat(276)}", "${token}");`;
  const { findings } = evaluate(rules, [file(line + "\n")], redactor);
  assert.equal(findings.length, 1);
  const excerpt = findings[0]!.excerpt;
  assert.ok(!excerpt.includes(token.slice(4, 10)), excerpt);
  assert.equal(excerpt, `console.log("${"x".repeat(276)}", "ghp_…[REDACTED:github-token]…`);
});

Deno.test("evaluate() redacts the excerpt of a korva-ignore without a reason", () => {
  const line = `const t = "${token}"; // korva-ignore: style/no-console`;
  const { findings } = evaluate(rules, [file(line + "\n")], redactor);
  assert.deepEqual(findings.map((f) => [f.ruleId, f.message, f.excerpt]), [[
    "korva/suppression-without-reason",
    "korva-ignore for style/no-console gives no reason; add one after the rule id",
    'const t = "ghp_…[REDACTED:github-token]"; // korva-ignore: style/no-console',
  ]]);
});

Deno.test("evaluate() redacts the excerpt and message of a korva-ignore naming an unknown rule", () => {
  const slack = "xoxb-" + fakeToken("sentinel-slack", Charset.digits, 12) + "-" +
    fakeToken("sentinel-slack2", Charset.digits, 13) + "-" +
    fakeToken("sentinel-slack3", Charset.lowerAlnum, 24);
  const line = `x = 1; // korva-ignore: ${slack} reason given`;
  const { findings } = evaluate(rules, [file(line + "\n")], redactor);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.ruleId, "korva/suppression-without-reason");
  assert.ok(!findings[0]!.message.includes(slack), findings[0]!.message);
  assert.ok(!findings[0]!.excerpt.includes(slack), findings[0]!.excerpt);
  assert.match(findings[0]!.excerpt, /\[REDACTED:slack-[a-z-]+\]/);
});
