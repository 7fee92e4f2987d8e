// The origin scenario end to end: a team's rule, written after an incident, stops a new
// developer's user_id-keyed lock at edit time and at commit — in a fresh clone whose developer
// ran only the documented onboarding commands (korva init, korva setup --all).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { git, runCommand, runKorva, tempDir, tempHome, writeFiles } from "../_helpers.ts";

const RULE = (incident: string) =>
  `version: 1
rules:
  - id: payments/no-user-id-lock-key
    title: Payment locks are keyed by order, never by user
    message: "A payment lock keyed by a user id serialises one user's orders and retries double-charge"
    memory: [${incident}]
    fix: "Key the lock by the order: redis.lock(\`pay:\${order.id}\`)"
    paths: { include: ["src/payments/**"] }
    match:
      kind: call
      callee: '(?:^|\\.)(?:lock|acquire)$'
      built-from: '\\buser_?[iI]d\\b'
    examples:
      bad: ['await redis.lock(\`pay:\${p.user_id}\`, 30000)']
      good: ['await redis.lock(\`pay:\${p.order_id}\`, 30000)']
`;

const DIRECT =
  "export async function pay(p) {\n  await redis.lock(`pay:${p.user_id}`, 30000);\n}\n";
const VARIABLE = "export async function pay(p) {\n  const key = `pay:${p.user_id}`;\n" +
  "  await redis.lock(key, 30000);\n}\n";
const FIXED = "export async function pay(p) {\n  const key = `pay:${p.order_id}`;\n" +
  "  await redis.lock(key, 30000);\n}\n";

/** Clone the bare repository into `dir/repo` with a committer identity. */
function cloneAs(bare: string, dir: string, name: string): string {
  git(dir, "clone", "-q", bare, "repo");
  const clone = join(dir, "repo");
  git(clone, "config", "user.name", name);
  git(clone, "config", "user.email", `${name.toLowerCase().replace(" ", ".")}@example.test`);
  return clone;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string>, stdin = "") {
  return runCommand(cmd, args, { cwd, env, stdin });
}

Deno.test("origin scenario: a second clone, onboarded with korva init and korva setup --all, blocks a user_id lock at edit time and at commit", async () => {
  await using bare = tempDir("korva-origin-");
  git(bare.path, "init", "-q", "--bare", "-b", "main");

  // Developer 1: the incident, shared with the team, and the rule that cites it.
  await using dev1 = tempHome();
  await using work1 = tempDir("korva-clone1-");
  const clone1 = cloneAs(bare.path, work1.path, "Dev One");
  const saved = await runKorva([
    "save",
    "--type",
    "incident",
    "--title",
    "Double charge from a user_id payment lock",
    "--content",
    "Two orders of one user raced under redis.lock(`pay:${user_id}`); the retry charged twice.",
    "--why",
    "one user pays several orders at once, so the lock must be per order",
    "--json",
  ], { env: dev1.env, cwd: clone1 });
  assert.equal(saved.code, 0, saved.stderr);
  const incident = JSON.parse(saved.stdout).id as string;
  const shared = await runKorva(["share", incident, "--yes"], { env: dev1.env, cwd: clone1 });
  assert.equal(shared.code, 0, shared.stderr);
  writeFiles(clone1, { ".korva/rules/payments.yml": RULE(incident), "README.md": "shop\n" });
  git(clone1, "add", "-A");
  git(clone1, "commit", "-q", "--no-verify", "-m", "payments rule after the double charge");
  git(clone1, "push", "-q", "origin", "main");

  // Developer 2: a fresh clone and only the documented onboarding commands.
  await using dev2 = tempHome();
  await using work2 = tempDir("korva-clone2-");
  const clone2 = cloneAs(bare.path, work2.path, "Dev Two");
  const init = await runKorva(["init"], { env: dev2.env, cwd: clone2 });
  assert.equal(init.code, 0, init.stderr);
  const setup = await runKorva(["setup", "--all"], { env: dev2.env, cwd: clone2 });
  assert.equal(setup.code, 0, setup.stderr);

  // Edit time: run the exact command korva setup wired into Claude Code's PreToolUse.
  const settings = JSON.parse(readFileSync(join(dev2.home, ".claude", "settings.json"), "utf8"));
  const gate = settings.hooks.PreToolUse.find((e: { matcher: string }) =>
    e.matcher === "Edit|Write|MultiEdit"
  ).hooks[0].command as string;
  for (const content of [DIRECT, VARIABLE]) {
    const payload = JSON.stringify({
      session_id: "s2",
      hook_event_name: "PreToolUse",
      cwd: clone2,
      tool_name: "Write",
      tool_input: { file_path: join(clone2, "src/payments/pay.ts"), content },
    });
    const answer = await run("sh", ["-c", gate], clone2, dev2.env, payload);
    assert.equal(answer.code, 0, answer.stderr);
    const out = JSON.parse(answer.stdout).hookSpecificOutput;
    assert.equal(out.permissionDecision, "deny");
    for (
      const part of [
        "payments/no-user-id-lock-key",
        incident,
        '"Double charge from a user_id payment lock"',
        "one user pays several orders at once",
        "fix: Key the lock by the order",
      ]
    ) {
      assert.ok(
        out.permissionDecisionReason.includes(part),
        `${part} in ${out.permissionDecisionReason}`,
      );
    }
  }

  // Commit time: the pre-commit hook init/setup installed blocks both shapes and cites the incident.
  for (const [name, content] of [["direct", DIRECT], ["variable", VARIABLE]] as const) {
    writeFiles(clone2, { "src/payments/pay.ts": content });
    git(clone2, "add", "-A");
    const commit = await run("git", ["commit", "-q", "-m", name], clone2, dev2.env);
    assert.equal(commit.code, 1, `${name}: ${commit.stderr}`);
    assert.match(
      commit.stderr,
      /src\/payments\/pay\.ts:\d+:\d+ +error +payments\/no-user-id-lock-key/,
    );
    assert.ok(
      commit.stderr.includes(
        `why: ${incident} "Double charge from a user_id payment lock" — one user pays several orders at once, so the lock must be per order`,
      ),
      commit.stderr,
    );
    assert.match(commit.stderr, /— commit blocked/);
  }
  assert.equal(git(clone2, "rev-list", "--count", "HEAD").trim(), "1", "nothing was committed");
  writeFiles(clone2, { "src/payments/pay.ts": FIXED });
  git(clone2, "add", "-A");
  const fixed = await run("git", ["commit", "-q", "-m", "lock per order"], clone2, dev2.env);
  assert.equal(fixed.code, 0, fixed.stderr);
});
