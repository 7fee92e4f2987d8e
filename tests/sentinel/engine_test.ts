// evaluate(): matchers over in-memory files (pure).
import assert from "node:assert/strict";
import { createRedactor } from "../../lib/privacy/redact.ts";
import type { ChangedFile } from "../../lib/sentinel/diff.ts";
import { evaluate } from "../../lib/sentinel/engine.ts";
import { importsOf } from "../../lib/sentinel/matchers/imports.ts";
import { parseAddedLines } from "../../lib/sentinel/diff.ts";
import { parsersFor } from "../../lib/sentinel/parsers_for.ts";
import { type LoadedRule, parseRuleFile } from "../../lib/sentinel/rules.ts";
import { loadGlobCompiler } from "../../lib/glob.ts";

await loadGlobCompiler(); // as the CLI does at start

const redactor = createRedactor();

function rules(yaml: string): LoadedRule[] {
  return parseRuleFile(yaml, "test.yml").map((r) => ({
    ...r,
    source: "test.yml",
    origin: "repository",
  }));
}

function file(path: string, content: string, added: number[] | "all" = "all"): ChangedFile {
  return {
    path,
    content,
    added: added === "all" ? "all" : new Set(added),
    size: content.length,
    binary: false,
  };
}

Deno.test("forbid-import blocks layer violations in TS, Python and Go", () => {
  const layer = rules(`version: 1
rules:
  - id: arch/domain-no-infra
    message: "{{from}} imports {{to}}"
    match: { kind: forbid-import, from: ["src/domain/**"], to: ["src/infra/**", "pg"], allowTypeOnly: true }
`);
  const ts = file(
    "src/domain/order.ts",
    'import { db } from "../infra/db";\nimport type { Row } from "../infra/types.ts";\nimport pg from "pg";\nimport { x } from "./ok";\n',
  );
  const py = file("src/domain/order.py", "from ..infra.db import session\nimport os\n");
  const go = file("src/domain/order.go", 'import (\n  "fmt"\n  "src/infra/db"\n)\n');
  const outside = file("src/api/handler.ts", 'import { db } from "../infra/db";\n');
  const { findings } = evaluate(layer, [ts, py, go, outside], redactor);
  assert.deepEqual(findings.map((f) => `${f.path}:${f.line}`), [
    "src/domain/order.go:3",
    "src/domain/order.py:1",
    "src/domain/order.ts:1",
    "src/domain/order.ts:3",
  ]);
  assert.equal(
    findings.find((f) => f.path === "src/domain/order.ts")?.message,
    "src/domain/order.ts imports src/infra/db",
  );
});

Deno.test("require: a redis.lock( call must use a key built from payment_id", () => {
  const rule = rules(`version: 1
rules:
  - id: payments/lock-needs-payment-id
    message: lock without payment_id
    match: { kind: require, when: 'redis\\.lock\\(', must: 'payment_id' }
`);
  const bad = file("src/pay.ts", "await redis.lock(`pay:${user_id}`);\n");
  const good = file("src/pay2.ts", "await redis.lock(`pay:${payment_id}`);\n");
  assert.deepEqual(evaluate(rule, [bad, good], redactor).findings.map((f) => f.path), [
    "src/pay.ts",
  ]);
});

Deno.test("pattern findings only on added lines; pattern-not and paths apply", () => {
  const rule = rules(`version: 1
rules:
  - id: no-console
    message: no console
    paths: { include: ["src/**"], exclude: ["src/cli/**"] }
    match: { kind: pattern, pattern: 'console\\.log', pattern-not: ['// allowed'] }
`);
  const files = [
    file("src/a.ts", "console.log(1);\nconsole.log(2);\nconsole.log(3); // allowed\n", [2, 3]),
    file("src/cli/main.ts", "console.log(1);\n"),
    file("lib/b.ts", "console.log(1);\n"),
  ];
  const { findings, summary } = evaluate(rule, files, redactor);
  assert.deepEqual(findings.map((f) => `${f.path}:${f.line}`), ["src/a.ts:2"]);
  assert.equal(summary.errors, 1);
});

Deno.test("parseAddedLines() maps -U0 hunks to new-file line numbers", () => {
  const patch = [
    "diff --git a/x.ts b/x.ts",
    "--- a/x.ts",
    "+++ b/x.ts",
    "@@ -1,0 +2,2 @@",
    "+two",
    "+three",
    "@@ -10 +12 @@",
    "-old",
    "+twelve",
    'diff --git "a/sp\\303\\261.ts" "b/sp\\303\\261.ts"',
    '+++ "b/sp\\303\\261.ts"',
    "@@ -0,0 +1 @@",
    "+one",
  ].join("\n");
  const added = parseAddedLines(patch);
  assert.deepEqual([...(added.get("x.ts") ?? [])], [2, 3, 12]);
  assert.deepEqual([...(added.get("spñ.ts") ?? [])], [1]);
});

Deno.test("importsOf() reads import, export-from, require and dynamic import", () => {
  const found = importsOf("src/a/b.ts", [
    'import x from "./x";',
    'export { y } from "../y.ts";',
    'const z = require("z");',
    'const w = await import("./w.js");',
  ]);
  assert.deepEqual(found.map((i) => i.resolved ?? i.specifier), [
    "src/a/x",
    "src/y.ts",
    "z",
    "src/a/w.js",
  ]);
});

const LOCK_CALL = `version: 1
rules:
  - id: payments/lock-key
    message: "lock keyed by {{match}}"
    match:
      kind: call
      callee: '(?:^|\\.)(?:lock|acquire)$'
      argument: 0
      built-from: '\\buser_?[iI]d\\b'
`;

Deno.test("call: a lock keyed by a user id is found directly and through local variables", async () => {
  const rule = rules(LOCK_CALL);
  const cases: Array<[string, string, number[]]> = [
    ["direct.ts", "async function pay(p) {\n  await redis.lock(`pay:${p.user_id}`, 30000);\n}\n", [
      2,
    ]],
    [
      "variable.ts",
      "async function pay(p) {\n  const key = `pay:${p.user_id}`;\n  await redis.lock(key, 30000);\n}\n",
      [3],
    ],
    [
      "two_steps.ts",
      "async function pay(p) {\n  const uid = p.userId;\n  let key = 'pay:' + uid;\n  await redlock.acquire(key);\n}\n",
      [4],
    ],
    [
      "fixed.ts",
      "async function pay(p) {\n  const key = `pay:${p.order_id}`;\n  await redis.lock(key, 30000);\n}\n",
      [],
    ],
    [
      "other_function.ts",
      "function a(p) { const key = p.user_id; }\nasync function b(key) { await redis.lock(key); }\n",
      [],
    ],
    [
      "assigned_after.ts",
      "async function pay(p) {\n  let key = p.order_id;\n  await redis.lock(key);\n  key = p.user_id;\n}\n",
      [],
    ],
    [
      "pay.py",
      "def pay(p):\n    key = f'pay:{p.user_id}'\n    with redis.lock(key, timeout=30):\n        pass\n",
      [3],
    ],
    ["component.jsx", "const A = () => { const k = u.userId; lock(k); return <div/>; };\n", [1]],
  ];
  const files = cases.map(([path, code]) => file(path, code));
  const { findings } = evaluate(rule, files, redactor, { parsers: await parsersFor(rule, files) });
  for (const [path, , lines] of cases) {
    assert.deepEqual(findings.filter((f) => f.path === path).map((f) => f.line), lines, path);
  }
  assert.equal(
    findings.find((f) => f.path === "direct.ts")?.message,
    "lock keyed by redis.lock(`pay:${p.user_id}`, 30000)",
  );
});

Deno.test("call: only added lines count, the call's or the variable's", async () => {
  const rule = rules(LOCK_CALL);
  const code =
    "async function pay(p) {\n  const key = `pay:${p.user_id}`;\n  await redis.lock(key, 30000);\n}\n";
  const check = async (added: number[]) => {
    const files = [file("a.ts", code, added)];
    return evaluate(rule, files, redactor, { parsers: await parsersFor(rule, files) }).findings
      .length;
  };
  assert.equal(await check([2]), 1);
  assert.equal(await check([3]), 1);
  assert.equal(await check([1, 4]), 0);
});

Deno.test("parsersFor() loads no parser when no structural rule applies", async () => {
  const regexOnly = rules(
    "version: 1\nrules:\n  - id: a\n    message: m\n    match: { kind: pattern, pattern: x }\n",
  );
  assert.equal((await parsersFor(regexOnly, [file("a.ts", "x")])).size, 0);
  assert.equal((await parsersFor(rules(LOCK_CALL), [file("a.go", "lock(user_id)")])).size, 0);
  assert.deepEqual([
    ...(await parsersFor(rules(LOCK_CALL), [file("a.ts", "redis.lock(user_id)")])).keys(),
  ], [
    "typescript",
  ]);
});
