// Rule files: built-in rules carry passing examples; invalid files fail with file, line, rule, field.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { KorvaError } from "../../lib/errors.ts";
import { createRedactor } from "../../lib/privacy/redact.ts";
import { runExamples } from "../../lib/sentinel/examples.ts";
import { evaluate } from "../../lib/sentinel/engine.ts";
import { hasNestedQuantifier } from "../../lib/sentinel/regex_safety.ts";
import { loadBuiltinRules, parseRuleFile } from "../../lib/sentinel/rules.ts";
import { loadGlobCompiler } from "../../lib/glob.ts";

await loadGlobCompiler(); // as the CLI does at start

const INVALID = fileURLToPath(new URL("../testdata/rules/invalid/", import.meta.url));

Deno.test("built-in rules validate, each has a bad and a good example, and every example behaves", async (t) => {
  const rules = loadBuiltinRules();
  assert.ok(rules.length >= 6);
  const results = await runExamples(rules, createRedactor());
  for (const rule of rules) {
    await t.step(`${rule.id} has examples`, () => {
      assert.ok(results.some((r) => r.ruleId === rule.id && r.kind === "bad"), "no bad example");
      assert.ok(results.some((r) => r.ruleId === rule.id && r.kind === "good"), "no good example");
    });
  }
  for (const result of results) {
    await t.step(`${result.ruleId} ${result.kind}: ${result.example}`, () => assert.ok(result.ok));
  }
});

Deno.test("parseRuleFile() rejects invalid files with the exact message", async (t) => {
  // Each message in full, after the common `Invalid rule file "<dir>` prefix.
  const cases: Array<[string, string]> = [
    [
      "bad_severity.yml",
      'bad_severity.yml:5": rule "bad/severity": "severity" must be one of error, warning, info, off',
    ],
    ["bad_id.yml", 'bad_id.yml:3": rule "Bad Id": "id" must be lower-case words joined by - and /'],
    [
      "redos.yml",
      'redos.yml": rule "redos/nested": "match.pattern" can backtrack catastrophically ' +
      "(a repeated group containing a repeat, e.g. (a+)+); use a bounded form such as {0,50}",
    ],
    [
      "bad_regex.yml",
      'bad_regex.yml": rule "regex/broken": "match.pattern" is not a valid regex: ' +
      "Invalid regular expression: /(unclosed/g: Unterminated group",
    ],
    [
      "unknown_kind.yml",
      'unknown_kind.yml:5": rule "kind/unknown": "match.kind" Invalid discriminator value. ' +
      "Expected 'pattern' | 'forbid-import' | 'require' | 'secret' | 'max-size' | 'call'",
    ],
    [
      "unknown_field.yml",
      'unknown_field.yml:3": rule "field/unknown": has unknown field "sevrity"',
    ],
    ["duplicate.yml", 'duplicate.yml": rule "a": duplicate rule id'],
    [
      "not_yaml.yml",
      'not_yaml.yml:3": invalid YAML: Flow sequence in block collection must be sufficiently ' +
      "indented and end with a ] at line 3, column 1:",
    ],
    ["future.yml", 'future.yml": version 3 is newer than this korva understands (1)'],
  ];
  for (const [file, expected] of cases) {
    await t.step(file, () => {
      const text = readFileSync(INVALID + file, "utf8");
      assert.throws(
        () => parseRuleFile(text, INVALID + file),
        (error) => {
          assert.ok(error instanceof KorvaError);
          assert.equal(error.exitCode, 2);
          assert.equal(error.message, `Invalid rule file "${INVALID}${expected}`);
          return true;
        },
      );
    });
  }
});

Deno.test("hasNestedQuantifier() flags catastrophic shapes only", () => {
  for (const bad of ["(a+)+", "(.*)*", "(x|y+)*z", "((ab)*)+", "(\\w+\\s?){2,}"]) {
    assert.equal(hasNestedQuantifier(bad), true, bad);
  }
  for (
    const good of ["a+b*", "(ab)+", "(a|b){0,50}", "[(+)]+", "\\(a+\\)+", "(?:lock)\\w*\\s*\\("]
  ) {
    assert.equal(hasNestedQuantifier(good), false, good);
  }
});

function loaded(yaml: string) {
  return parseRuleFile(yaml, "flags.yml").map((r) => ({
    ...r,
    source: "flags.yml",
    origin: "repository" as const,
  }));
}

function hits(yaml: string, code: string): number {
  const file = {
    path: "a.ts",
    content: code,
    added: "all" as const,
    size: code.length,
    binary: false,
  };
  return evaluate(loaded(yaml), [file], createRedactor()).findings.length;
}

Deno.test("parseRuleFile() compiles a regex with the flags it runs with", async (t) => {
  await t.step("\\p{Lu} with flags: u matches", () => {
    const yaml =
      "rules:\n  - id: a\n    message: m\n    match: { kind: pattern, pattern: '\\bconst \\p{Lu}', flags: u }\n";
    assert.equal(hits(yaml, "const Ärger = 1;"), 1);
  });
  await t.step("foo\\_bar without u loads and matches foo_bar", () => {
    const yaml =
      "rules:\n  - id: a\n    message: m\n    match: { kind: pattern, pattern: 'foo\\_bar' }\n";
    assert.equal(hits(yaml, "foo_bar();"), 1);
  });
  await t.step("\\p{Lu} without u is refused instead of never matching", () => {
    const yaml =
      "rules:\n  - id: a\n    message: m\n    match: { kind: pattern, pattern: '\\p{Lu}' }\n";
    assert.throws(() => loaded(yaml), {
      message:
        'Invalid rule file "flags.yml": rule "a": "match.pattern" uses \\p{…}, which matches only with the u flag: add "flags: u"',
    });
  });
  await t.step("the compiled regex and globs are kept on the loaded rule", () => {
    const [rule] = loaded(
      "rules:\n  - id: a\n    message: m\n    paths: { include: ['src/**'] }\n    match: { kind: pattern, pattern: x, flags: i }\n",
    );
    assert.ok(rule?.compiled.match.kind === "pattern");
    assert.equal(rule.compiled.match.pattern.flags, "gi");
    assert.equal(rule.compiled.include?.("src/a.ts"), true);
    assert.equal(rule.compiled.include?.("lib/a.ts"), false);
  });
});
