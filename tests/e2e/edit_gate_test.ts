// korva hook edit-gate: the sentinel at edit time, answering Claude Code and Gemini CLI payloads.
import assert from "node:assert/strict";
import { join } from "node:path";
import { runKorva, tempHome, tempRepo, writeFiles } from "../_helpers.ts";

const RULE = (memory: string, extra = "") =>
  `version: 1
rules:
  - id: payments/lock-key
    title: Payment locks are keyed by order
    message: "Payment lock keyed by a user id"
    memory: [${memory}]
    fix: Key the lock by the order id
    match:
      kind: call
      callee: '(?:^|\\.)lock$'
      built-from: '\\buser_?id\\b'
${extra}`;

const VARIABLE_LOCK = "export async function pay(p) {\n" +
  "  const key = `pay:${p.user_id}`;\n  await redis.lock(key, 30000);\n}\n";

async function saveIncident(env: Record<string, string>): Promise<string> {
  const saved = await runKorva([
    "save",
    "--type",
    "incident",
    "--title",
    "Double charge from a user_id lock",
    "--content",
    "Two cards of one user raced",
    "--why",
    "users pay with several cards at once",
    "--json",
  ], { env });
  return JSON.parse(saved.stdout).id;
}

function claudePayload(repo: string, tool: string, input: Record<string, unknown>) {
  return JSON.stringify({
    session_id: "s1",
    hook_event_name: "PreToolUse",
    cwd: repo,
    tool_name: tool,
    tool_input: { file_path: join(repo, "src/pay.ts"), ...input },
  });
}

Deno.test("korva hook edit-gate denies a Claude Code Write that locks by user id through a variable", async () => {
  await using home = tempHome();
  const id = await saveIncident(home.env);
  await using repo = tempRepo({ ".korva/rules/pay.yml": RULE(id) });
  const result = await runKorva(["hook", "edit-gate"], {
    env: home.env,
    stdin: claudePayload(repo.path, "Write", { content: VARIABLE_LOCK }),
  });
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), {
    hookSpecificOutput: {
      hookEventName: "PreToolUse",
      permissionDecision: "deny",
      permissionDecisionReason: "korva sentinel: this edit breaks 1 team rule:\n" +
        "- src/pay.ts:3 payments/lock-key (Payment locks are keyed by order): Payment lock keyed by a user id\n" +
        `  why: memory ${id} "Double charge from a user_id lock" — users pay with several cards at once\n` +
        "  fix: Key the lock by the order id\n" +
        "Change the code to follow the rule; if this case is safe, add a `korva-ignore: RULE_ID why` comment on the line.",
    },
  });
});

Deno.test("korva hook edit-gate judges an Edit and a MultiEdit on the file's new content", async () => {
  await using home = tempHome();
  const id = await saveIncident(home.env);
  await using repo = tempRepo({
    ".korva/rules/pay.yml": RULE(id),
    "src/pay.ts": "export async function pay(p) {\n  const key = `pay:${p.order_id}`;\n" +
      "  await redis.lock(key, 30000);\n}\n",
  });
  const edit = await runKorva(["hook", "edit-gate"], {
    env: home.env,
    stdin: claudePayload(repo.path, "Edit", {
      old_string: "p.order_id",
      new_string: "p.user_id",
    }),
  });
  const decision = (stdout: string) => JSON.parse(stdout).hookSpecificOutput.permissionDecision;
  assert.equal(decision(edit.stdout), "deny");
  const multi = await runKorva(["hook", "edit-gate"], {
    env: home.env,
    stdin: claudePayload(repo.path, "MultiEdit", {
      edits: [{ old_string: "const key", new_string: "const k" }, {
        old_string: "lock(key",
        new_string: "lock(`${p.user_id}`",
      }],
    }),
  });
  assert.equal(decision(multi.stdout), "deny");
  const fix = await runKorva(["hook", "edit-gate"], {
    env: home.env,
    stdin: claudePayload(repo.path, "Edit", { old_string: "30000", new_string: "10000" }),
  });
  assert.equal(fix.code, 0);
  assert.equal(fix.stdout, "", "an edit that keeps the order key is allowed silently");
});

Deno.test("korva hook edit-gate answers ask or warn as .korva/config.yml says", async () => {
  await using home = tempHome();
  const id = await saveIncident(home.env);
  await using repo = tempRepo({ ".korva/rules/pay.yml": RULE(id) });
  writeFiles(repo.path, { ".korva/config.yml": "sentinel:\n  edit: ask\n" });
  const ask = await runKorva(["hook", "edit-gate"], {
    env: home.env,
    stdin: claudePayload(repo.path, "Write", { content: VARIABLE_LOCK }),
  });
  assert.equal(JSON.parse(ask.stdout).hookSpecificOutput.permissionDecision, "ask");
  writeFiles(repo.path, { ".korva/config.yml": "sentinel:\n  edit: warn\n" });
  const warn = await runKorva(["hook", "edit-gate"], {
    env: home.env,
    stdin: claudePayload(repo.path, "Write", { content: VARIABLE_LOCK }),
  });
  const out = JSON.parse(warn.stdout).hookSpecificOutput;
  assert.equal(out.permissionDecision, undefined);
  assert.match(out.additionalContext, /payments\/lock-key/);
});

Deno.test("korva hook edit-gate denies a Gemini CLI write_file with decision and reason", async () => {
  await using home = tempHome();
  const id = await saveIncident(home.env);
  await using repo = tempRepo({ ".korva/rules/pay.yml": RULE(id) });
  const result = await runKorva(["hook", "edit-gate"], {
    env: home.env,
    stdin: JSON.stringify({
      hook_event_name: "BeforeTool",
      cwd: repo.path,
      tool_name: "write_file",
      tool_input: { file_path: join(repo.path, "src/pay.ts"), content: VARIABLE_LOCK },
    }),
  });
  const out = JSON.parse(result.stdout);
  assert.equal(out.decision, "deny");
  assert.match(out.reason, new RegExp(`payments/lock-key .*\\n  why: memory ${id} "Double charge`));
});

Deno.test("korva hook edit-gate never fails or blocks on its own error", async () => {
  await using home = tempHome();
  await using repo = tempRepo({
    ".korva/rules/broken.yml": "version: 1\nrules:\n  - id: x\n    severity: loud\n",
  });
  for (
    const stdin of [
      "not json",
      "",
      claudePayload(repo.path, "Write", { content: VARIABLE_LOCK }), // broken rule file
      claudePayload(repo.path, "Read", {}),
    ]
  ) {
    const result = await runKorva(["hook", "edit-gate"], { env: home.env, stdin });
    assert.deepEqual([result.code, result.stdout, result.stderr], [0, "", ""], stdin);
  }
});
