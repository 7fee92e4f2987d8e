// The structural rules' prefilter: a file whose text cannot hold a call the callee regex matches
// skips the parser, and it never says "cannot" for a file the parser finds such a call in.
import assert from "node:assert/strict";
import { type CompiledMatch, compileRule } from "../../lib/sentinel/compile.ts";
import { loadParsers } from "../../lib/sentinel/parsers.ts";
import { parsersFor } from "../../lib/sentinel/parsers_for.ts";
import { callHits, mayCall } from "../../lib/sentinel/matchers/call.ts";
import { KorvaError } from "../../lib/errors.ts";
import type { LoadedRule } from "../../lib/sentinel/rules.ts";
import type { Rule } from "../../lib/sentinel/rule_schema.ts";

type Call = Extract<CompiledMatch, { kind: "call" }>;

function callRule(callee: string, flags?: string): LoadedRule {
  const rule: Rule = {
    id: "t/lock",
    message: "m",
    severity: "error",
    match: { kind: "call", callee, "built-from": "user_?[iI]d", ...(flags ? { flags } : {}) },
  } as Rule;
  const compiled = compileRule(rule, (reason) => new KorvaError(reason));
  return { ...rule, compiled, source: "t.yml", origin: "repository" };
}

const call = (rule: LoadedRule) => rule.compiled.match as Call;

const CASES: Array<[string, string | undefined, string, boolean]> = [
  // callee, flags, content, whether a call can be there
  ["redis\\.lock", undefined, "export const pay = 1;\n", false],
  ["redis\\.lock", undefined, "await redis.lock(`pay:${p.user_id}`);\n", true],
  ["redis\\.lock", undefined, "await redis\n  .lock(key);\n", true],
  ["redis\\.lock", undefined, "await redis?.lock(key);\n", true],
  ["(?:^|\\.)(?:lock|acquire)$", undefined, "const x = 1;\n", false],
  ["(?:^|\\.)(?:lock|acquire)$", undefined, "await redlock.acquire(key);\n", true],
  ["\\block\\b", undefined, "unlock();\n", true],
  ["^LOCK$", "i", "lock(key);\n", true],
  ["^LOCK$", undefined, "lock(key);\n", false],
  ["[^a-z]lock", undefined, "x.lock(key);\n", true],
  ["(?<=\\.)lock", undefined, "nothing here\n", true],
];

Deno.test("mayCall() is false only when no callee in the text can match", () => {
  for (const [callee, flags, content, expected] of CASES) {
    assert.equal(
      mayCall(call(callRule(callee, flags)), content),
      expected,
      `${callee} in ${content}`,
    );
  }
});

Deno.test("mayCall() is true wherever the parser finds a matching call", async () => {
  const parsers = await loadParsers(["typescript"]);
  let withCalls = 0;
  for (const [callee, flags, content] of CASES) {
    const m = call(callRule(callee, flags));
    const hits = callHits(
      { ...m, builtFrom: /./ },
      "a.ts",
      `function f(key) {\n${content}}\n`,
      parsers,
      () => true,
    );
    if (hits.length === 0) continue;
    withCalls++;
    assert.equal(mayCall(m, content), true, `${callee} in ${content}`);
  }
  assert.equal(withCalls, 6, "the cases the parser finds a matching call in");
});

Deno.test("parsersFor() loads no parser for a file that cannot hold the rule's call", async () => {
  const rules = [callRule("(?:^|\\.)lock$")];
  const file = (content: string) => ({
    path: "src/a.ts",
    content,
    added: "all" as const,
    binary: false,
    size: content.length,
  });
  assert.deepEqual([...(await parsersFor(rules, [file("const a = 1;\n")])).keys()], []);
  assert.deepEqual([...(await parsersFor(rules, [file("redis.lock(k);\n")])).keys()], [
    "typescript",
  ]);
});
