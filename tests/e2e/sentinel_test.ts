// korva sentinel and korva hooks in real git repositories, with real commits through the hook.
import assert from "node:assert/strict";
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { paymentLockRule } from "../_rules.ts";
import { baseEnv, git, runKorva, tempDir, tempHome, tempRepo, writeFiles } from "../_helpers.ts";

const LOCK_RULE = (memory: string) =>
  paymentLockRule(memory, "    fix: Key the lock by payment_id\n");

function commit(cwd: string, env: Record<string, string>, message: string) {
  const out = new Deno.Command("git", {
    args: ["commit", "-q", "-m", message],
    cwd,
    env: { ...baseEnv(), ...env },
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
}

Deno.test("the seed scenario: a user_id lock in src/payments is blocked and the incident is cited", async () => {
  await using home = tempHome();
  const saved = await runKorva([
    "save",
    "--type",
    "incident",
    "--title",
    "Double charge from a user_id lock",
    "--content",
    "Two cards of one user raced",
    "--why",
    "users pay with several cards concurrently",
    "--json",
  ], { env: home.env });
  const incident = JSON.parse(saved.stdout).id;
  await using repo = tempRepo({
    "README.md": "pay\n",
    ".korva/rules/payments.yml": LOCK_RULE(incident),
  });
  const install = await runKorva(["hooks", "install"], {
    env: home.env,
    cwd: join(repo.path, ".korva"),
  });
  assert.equal(install.code, 0, install.stderr);

  writeFiles(repo.path, {
    "src/payments/payments.ts": "export async function pay(user_id: string) {\n" +
      "  await redis.lock(`pay:${user_id}`, 30_000);\n}\n",
  });
  git(repo.path, "add", "-A");
  const blocked = commit(repo.path, home.env, "lock by user");
  assert.equal(blocked.code, 1, blocked.stderr);
  assert.match(blocked.stderr, /src\/payments\/payments\.ts:2:\d+ +error +payments\/lock-key/);
  assert.match(
    blocked.stderr,
    /why: .*"Double charge from a user_id lock" — users pay with several cards/,
  );
  assert.match(blocked.stderr, /commit blocked/);
  assert.equal(git(repo.path, "rev-list", "--count", "HEAD").trim(), "1", "nothing was committed");

  writeFiles(repo.path, {
    "src/payments/payments.ts": "export async function pay(payment_id: string) {\n" +
      "  await redis.lock(`pay:${payment_id}`, 30_000);\n}\n",
  });
  git(repo.path, "add", "-A");
  const clean = commit(repo.path, home.env, "lock by payment");
  assert.equal(clean.code, 0, clean.stderr);
});

Deno.test("korva sentinel check judges the index, not the working tree", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "x\n" });
  writeFiles(repo.path, { "src/a.ts": "export const a = 1;\n" });
  git(repo.path, "add", "-A");
  writeFiles(repo.path, { "src/a.ts": "export const a = 1;\ndebugger;\n" }); // unstaged
  const result = await runKorva(["sentinel", "check", "--format", "json"], {
    env: home.env,
    cwd: repo.path,
  });
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout).findings, []);
});

Deno.test("korva sentinel check: added lines only, CRLF, spaces and non-ASCII names, renames, binaries", async () => {
  await using home = tempHome();
  await using repo = tempRepo({
    "legacy.ts": "debugger;\nconst x = 1;\n",
    "old name.ts": "debugger;\n",
  });
  writeFiles(repo.path, {
    "legacy.ts": "debugger;\nconst x = 1;\nconst y = 2;\n", // legacy violation on an untouched line
    "dir with space/ñandú.ts": "const a = 1;\r\nconst b = 2;\r\ndebugger;\r\n",
    "image.bin": new Uint8Array([0, 1, 2, 0x64, 0x65, 0x62, 0x75, 0x67, 0x67, 0x65, 0x72, 0x3b]),
  });
  renameSync(join(repo.path, "old name.ts"), join(repo.path, "new name.ts"));
  git(repo.path, "add", "-A");
  const result = await runKorva(["sentinel", "check", "--format", "json"], {
    env: home.env,
    cwd: repo.path,
  });
  assert.equal(result.code, 1, result.stderr);
  const findings = JSON.parse(result.stdout).findings.map((
    f: { path: string; line: number; ruleId: string },
  ) => `${f.path}:${f.line}:${f.ruleId}`);
  assert.deepEqual(findings, ["dir with space/ñandú.ts:3:hygiene/debugger-statement"]);
});

Deno.test("korva-ignore with a reason suppresses; without one it warns", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "x\n" });
  writeFiles(repo.path, {
    "a.ts": "// korva-ignore: hygiene/debugger-statement investigating flaky test\ndebugger;\n",
    "b.ts": "// korva-ignore: hygiene/debugger-statement\ndebugger;\n",
  });
  git(repo.path, "add", "-A");
  const result = await runKorva(["sentinel", "check", "--format", "json"], {
    env: home.env,
    cwd: repo.path,
  });
  assert.equal(result.code, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.equal(out.summary.suppressed, 2);
  assert.equal(out.summary.warnings, 1);
  assert.equal(
    out.findings.find((f: { ruleId: string }) => f.ruleId === "korva/suppression-without-reason")
      ?.path,
    "b.ts",
  );
});

Deno.test("a secret on an added line is blocked and never printed", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "x\n" });
  const token = "ghp_" + "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa";
  writeFiles(repo.path, { "config.ts": `export const token = "${token}";\n` });
  git(repo.path, "add", "-A");
  const result = await runKorva(["sentinel", "check"], { env: home.env, cwd: repo.path });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /secrets\/no-hardcoded/);
  assert.equal(result.stderr.includes(token), false);
});

Deno.test("an invalid repository rule file fails closed: exit 2 and the hook blocks", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "x\n" });
  await runKorva(["hooks", "install"], { env: home.env, cwd: repo.path });
  writeFiles(repo.path, {
    ".korva/rules/bad.yml":
      "version: 1\nrules:\n  - id: x\n    message: m\n    severity: loud\n    match: { kind: pattern, pattern: x }\n",
    "a.ts": "const a = 1;\n",
  });
  git(repo.path, "add", "-A");
  const check = await runKorva(["sentinel", "check"], { env: home.env, cwd: repo.path });
  assert.equal(check.code, 2);
  assert.match(
    check.stderr,
    /Invalid rule file ".*bad\.yml:5": rule "x": "severity" must be one of/,
  );
  const blocked = commit(repo.path, home.env, "with a broken rule");
  assert.notEqual(blocked.code, 0, "git reports any hook failure as exit 1");
  assert.match(blocked.stderr, /could not check this commit/);
});

Deno.test("korva hooks install chains an existing hook and uninstall restores it byte for byte", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "x\n" });
  const hook = join(repo.path, ".git", "hooks", "pre-commit");
  const original = "#!/bin/sh\necho previous-hook-ran >&2\n";
  writeFileSync(hook, original);
  chmodSync(hook, 0o755);
  await runKorva(["hooks", "install"], { env: home.env, cwd: repo.path });
  writeFiles(repo.path, { "a.ts": "const a = 1;\n" });
  git(repo.path, "add", "-A");
  const result = commit(repo.path, home.env, "chained");
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /previous-hook-ran/);
  const status = JSON.parse(
    (await runKorva(["hooks", "status", "--json"], { env: home.env, cwd: repo.path })).stdout,
  );
  assert.equal(status[0].installed && status[0].chained && status[0].current, true);
  await runKorva(["hooks", "uninstall"], { env: home.env, cwd: repo.path });
  assert.equal(readFileSync(hook, "utf8"), original);
  assert.equal(existsSync(join(repo.path, ".git", "hooks", "post-merge")), false);
});

Deno.test("korva hooks install respects core.hooksPath; a missing korva lets the commit through", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "x\n" });
  git(repo.path, "config", "core.hooksPath", ".githooks");
  await runKorva(["hooks", "install"], { env: home.env, cwd: repo.path });
  assert.ok(existsSync(join(repo.path, ".githooks", "pre-commit")));
  const script = join(repo.path, ".git", "korva", "hooks", "pre-commit");
  writeFileSync(
    script,
    readFileSync(script, "utf8").replaceAll(Deno.execPath(), "/nonexistent/korva"),
  );
  writeFiles(repo.path, { "a.ts": "debugger;\n" });
  git(repo.path, "add", "-A");
  const result = commit(repo.path, home.env, "no korva");
  assert.equal(result.code, 0);
  assert.match(result.stderr, /korva: warning: korva is not installed/);
});

Deno.test("korva sentinel check --diff and --format sarif for CI", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "x\n" });
  const base = git(repo.path, "rev-parse", "HEAD").trim();
  writeFiles(repo.path, { "src/a.test.ts": "it.only('x', () => {});\n" });
  git(repo.path, "add", "-A");
  git(repo.path, "commit", "-q", "--no-verify", "-m", "focused");
  const result = await runKorva([
    "sentinel",
    "check",
    "--diff",
    `${base}..HEAD`,
    "--format",
    "sarif",
  ], {
    env: home.env,
    cwd: repo.path,
  });
  assert.equal(result.code, 1, result.stderr);
  const sarif = JSON.parse(result.stdout);
  assert.equal(sarif.version, "2.1.0");
  const [first] = sarif.runs[0].results;
  assert.equal(first.ruleId, "hygiene/focused-test");
  assert.equal(first.level, "error");
  assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, "src/a.test.ts");
  assert.equal(first.locations[0].physicalLocation.region.startLine, 1);
});

Deno.test("korva sentinel check outside a repository exits 3", async () => {
  await using home = tempHome();
  await using dir = tempDir();
  const result = await runKorva(["sentinel", "check"], { env: home.env, cwd: dir.path });
  assert.equal(result.code, 3);
  assert.match(result.stderr, /not inside a git repository/);
});

Deno.test("korva rule from-memory drafts a rule whose own examples pass korva sentinel test", async () => {
  await using home = tempHome();
  await using dir = tempRepo({ "README.md": "x\n" });
  const saved = await runKorva([
    "save",
    "--type",
    "decision",
    "--title",
    "Lock payments by order_id",
    "--content",
    "Payment locks are keyed by order_id, never by user_id: await redis.lock(`pay:${order_id}`).",
    "--why",
    "One user pays several orders at once. A user_id lock serialised them and retries double-charged.",
    "--files",
    "src/payments/**",
    "--json",
  ], { env: home.env });
  const id = JSON.parse(saved.stdout).id;
  const draft = await runKorva(["rule", "from-memory", id, "-o", ".korva/rules/draft.yml"], {
    env: home.env,
    cwd: dir.path,
  });
  assert.equal(draft.code, 0, draft.stderr);
  const text = readFileSync(join(dir.path, ".korva/rules/draft.yml"), "utf8");
  assert.match(text, new RegExp(`memory:\\n\\s+- ${id}`));
  const test = await runKorva(["sentinel", "test", ".korva/rules/draft.yml"], {
    env: home.env,
    cwd: dir.path,
  });
  assert.deepEqual([test.code, test.stderr], [0, ""]);
  const rule = "decision/lock-payments-by-order-id";
  assert.equal(
    test.stdout,
    `ok    ${rule}  bad: await client.lock(\`key:\${input.user_id}\`);\n` +
      `ok    ${rule}  bad: const key = \`key:\${input.user_id}\`;\\nawait client.lock(key);\n` +
      `ok    ${rule}  good: await client.lock(\`key:\${input.order_id}\`);\n` +
      "3 passed, 0 failed\n",
  );
  // The drafted rule blocks the incident's own shape and lets the fix through.
  writeFiles(dir.path, {
    "src/payments/pay.ts": "export async function pay(p) {\n  const key = `pay:${p.user_id}`;\n" +
      "  await redis.lock(key, 30000);\n}\nexport async function fixed(p) {\n" +
      "  await redis.lock(`pay:${p.order_id}`, 30000);\n}\n",
  });
  const check = await runKorva([
    "sentinel",
    "check",
    "--files",
    "src/payments/pay.ts",
    "--format",
    "json",
  ], { env: home.env, cwd: dir.path });
  assert.deepEqual(
    JSON.parse(check.stdout).findings.map((f: { ruleId: string; line: number }) =>
      `${f.ruleId}:${f.line}`
    ),
    [`${rule}:3`],
  );
});

Deno.test("korva sentinel test prints each example's result exactly and fails on a failing example", async () => {
  await using home = tempHome();
  await using dir = tempDir();
  writeFiles(dir.path, {
    "r.yml": `version: 1
rules:
  - id: team/no-foo
    message: no foo
    memory: [01JC4R7W0000000000000000ZZ]
    match: { kind: pattern, pattern: 'foo\\(' }
    examples:
      bad: ["foo(1)", "bar(1)"]
      good: ["food(1)"]
  - id: team/no-bar
    message: no bar
    match: { kind: pattern, pattern: 'bar' }
`,
  });
  const test = await runKorva(["sentinel", "test", "r.yml"], { env: home.env, cwd: dir.path });
  assert.equal(test.code, 1);
  assert.equal(
    test.stdout,
    "ok    team/no-foo  bad: foo(1)\nFAIL  team/no-foo  bad: bar(1)\nok    team/no-foo  good: food(1)\n" +
      "2 passed, 1 failed\n",
  );
  assert.equal(
    test.stderr,
    'korva: warning: rule "team/no-bar" needs at least one bad and one good example\n' +
      'korva: warning: rule "team/no-foo" cites memory "01JC4R7W0000000000000000ZZ", which is neither in your vault nor in .korva/memories\n',
  );
  const rules = await runKorva(["sentinel", "rules"], { env: home.env, cwd: dir.path });
  assert.equal(rules.stderr, "");
});
