// The seed scenario: the payment incident reaches a new developer who opens payments.ts.
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildContext } from "../../lib/discovery/context.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { fakeMemory } from "../../bench/fixtures.ts";
import { codexContext, codexPayload } from "../_codex.ts";
import { FIXED_NOW, runKorva, tempDir, type TempHome, tempHome, tempRepo } from "../_helpers.ts";

export const INCIDENT = {
  type: "incident" as const,
  title: "Double charge: payment lock must be keyed by payment_id, not user_id",
  content:
    "Customers with several cards were charged twice. The Redis lock in the payment processor " +
    "was keyed by user_id, so a retry of one card's payment waited on another card's lock and " +
    "ran again after the 30 s TTL. Fixed by keying the lock by payment_id with a 30 s TTL.",
  why: "Users with several cards pay concurrently; a user_id key serialises unrelated payments " +
    "and retries double-charge. payment_id is unique per attempt.",
  files: ["src/payments/**"],
  tags: ["payments", "redis", "locking"],
  scope: "team" as const,
};

/** `korva hook file-context` with an editor's payload, from `cwd`. */
function fileContextHook(home: TempHome, cwd: string, payload: object) {
  return runKorva(["hook", "file-context"], {
    env: home.env,
    cwd,
    stdin: JSON.stringify(payload),
  });
}

function seedVault(path: string, project: string) {
  const sixMonthsAgo = FIXED_NOW.getTime() - 183 * 86_400_000;
  let t = sixMonthsAgo;
  const vault = openVault(path, { now: () => new Date(t += 60_000), project });
  vault.save({ ...INCIDENT, project });
  const noise = Array.from({ length: 300 }, (_, i) => {
    const m = fakeMemory(i, project);
    // Noise never anchors to src/payments; it keeps the realistic vocabulary otherwise.
    return { ...m, files: (m.files ?? []).map((f) => f.replace("src/payments/", "src/ledger/")) };
  });
  vault.importLines(noise);
  return vault;
}

Deno.test("buildContext() puts the payment incident first for src/payments/payments.ts", async () => {
  await using dir = tempDir();
  using vault = seedVault(join(dir.path, "vault.db"), "bench");
  const result = buildContext(vault, {
    project: "bench",
    files: ["src/payments/payments.ts"],
    now: FIXED_NOW,
  });
  assert.equal(result.memories[0]?.title, INCIDENT.title);
  assert.ok(result.memories[0]?.reasons.includes("anchored to src/payments/**"));
  assert.match(result.text, /why: Users with several cards pay concurrently/);
  assert.ok(result.tokens <= 1500);
});

Deno.test("korva context --file src/payments/payments.ts --json returns the incident first", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "src/payments/payments.ts": "export const pay = 1;\n" });
  seedVault(join(home.korvaHome, "vault.db"), "acme").close();
  const result = await runKorva(
    ["context", "--file", "src/payments/payments.ts", "--project", "acme", "--json"],
    { env: home.env, cwd: repo.path },
  );
  assert.equal(result.code, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.equal(out.memories[0].title, INCIDENT.title);
  assert.ok(Array.isArray(out.memories[0].reasons) && out.memories[0].reasons.length > 0);
  assert.equal(typeof out.memories[0].id, "string");
  assert.equal(out.memories[0].type, "incident");
  assert.match(out.text, /payment_id/);
});

Deno.test("korva hook file-context answers a Claude Code PreToolUse payload with the incident", async () => {
  await using home = tempHome();
  await using repo = tempRepo({
    "src/payments/payments.ts": "export const pay = 1;\n",
    ".korva/config.yml": "schema: 1\nproject: acme\n",
  });
  seedVault(join(home.korvaHome, "vault.db"), "acme").close();
  const payload = {
    session_id: "abc123",
    hook_event_name: "PreToolUse",
    cwd: repo.path,
    tool_name: "Read",
    tool_input: { file_path: join(repo.path, "src/payments/payments.ts") },
  };
  const run = () => fileContextHook(home, repo.path, payload);
  const result = await run();
  assert.equal(result.code, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.equal(out.hookSpecificOutput.hookEventName, "PreToolUse");
  assert.match(out.hookSpecificOutput.additionalContext, /Double charge/);
  assert.match(out.hookSpecificOutput.additionalContext, /why: Users with several cards/);
  assert.equal("permissionDecision" in out.hookSpecificOutput, false, "never blocks the tool");
  const again = await run();
  assert.equal(again.code, 0);
  assert.equal(again.stdout.trim(), "", "the same session is not told twice");
});

Deno.test("korva hook file-context stays silent and exits 0 on garbage or an unrelated file", async () => {
  await using home = tempHome();
  await runKorva(["init"], { env: home.env });
  for (
    const stdin of ["not json", "{}", JSON.stringify({ tool_input: { file_path: "/x/y.ts" } })]
  ) {
    const result = await runKorva(["hook", "file-context"], { env: home.env, stdin });
    assert.equal(result.code, 0);
    assert.equal(result.stdout, "");
  }
  const broken = await runKorva(["hook", "session-start"], {
    env: { ...home.env, KORVA_HOME: join(home.path, "nowhere") },
    stdin: "{}",
  });
  assert.equal(broken.code, 0);
  assert.equal(broken.stdout, "");
});

Deno.test("korva hook file-context answers a Gemini CLI AfterTool payload for read_file", async () => {
  await using home = tempHome();
  await using repo = tempRepo({
    "src/payments/payments.ts": "export const pay = 1;\n",
    ".korva/config.yml": "schema: 1\nproject: acme\n",
  });
  seedVault(join(home.korvaHome, "vault.db"), "acme").close();
  const result = await fileContextHook(home, repo.path, {
    session_id: "gemini-1",
    hook_event_name: "AfterTool",
    cwd: repo.path,
    tool_name: "read_file",
    tool_input: { absolute_path: join(repo.path, "src/payments/payments.ts") },
  });
  assert.equal(result.code, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.equal(out.hookSpecificOutput.hookEventName, "AfterTool");
  assert.match(out.hookSpecificOutput.additionalContext, /Double charge/);
  assert.equal("decision" in out, false, "never blocks or hides the tool result");
});

/**
 * `korva hook file-context` with the PreToolUse payload the Cline CLI 3.0 sends for a read_files
 * call (its parameters also as JSON text, as the 4.1 extension sends them), from the neutral
 * folder: Cline sends no cwd and runs the hook elsewhere.
 */
function clineRead(home: TempHome, root: string, taskId: string, ...paths: string[]) {
  const files = paths.map((path) => ({ path: join(root, path) }));
  return runKorva(["hook", "file-context"], {
    env: home.env,
    stdin: JSON.stringify({
      clineVersion: "",
      taskId,
      workspaceRoots: [root],
      hookName: "tool_call",
      tool_call: { id: "call_1", name: "read_files", input: { files } },
      preToolUse: { toolName: "read_files", parameters: { files: JSON.stringify(files) } },
    }),
  });
}

Deno.test("korva hook file-context answers Cline's PreToolUse on read_files in its shape, for the project of its first workspace root", async () => {
  await using home = tempHome();
  await using repo = tempRepo({
    "src/payments/payments.ts": "export const pay = 1;\n",
    "README.md": "# acme\n",
    ".korva/config.yml": "schema: 1\nproject: acme\n",
  });
  seedVault(join(home.korvaHome, "vault.db"), "acme").close();
  const result = await clineRead(
    home,
    repo.path,
    "conv_1795746201356_zwfi0fk",
    "README.md",
    "src/payments/payments.ts",
  );
  assert.equal(result.code, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(out), ["cancel", "contextModification"]);
  assert.equal(out.cancel, false);
  assert.match(out.contextModification, /^## korva: what this team knows \(acme\)\n/);
  assert.match(out.contextModification, /Double charge/);
});

Deno.test("a Cline task's first file hook brings the project's context, once; its later ones only the new file memories", async () => {
  await using home = tempHome();
  await using repo = tempRepo({
    "src/payments/payments.ts": "export const pay = 1;\n",
    "README.md": "# acme\n",
    ".korva/config.yml": "schema: 1\nproject: acme\n",
  });
  seedVault(join(home.korvaHome, "vault.db"), "acme").close();
  const read = async (taskId: string, file: string) => {
    const result = await clineRead(home, repo.path, taskId, file);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout === "" ? "" : JSON.parse(result.stdout).contextModification as string;
  };
  // README.md has no memory of its own: what comes is the project's context.
  const first = await read("conv_1_first", "README.md");
  assert.match(first, /^## korva: what this team knows \(acme\)\n/);
  assert.match(first, /chosen because: project convention\n/);
  assert.doesNotMatch(first, /Double charge/);
  // The same task opening src/payments gets the incident anchored there, not the context again.
  const second = await read("conv_1_first", "src/payments/payments.ts");
  assert.match(second, /\[incident\] Double charge/);
  assert.doesNotMatch(second, /project convention/);
  assert.equal(await read("conv_1_first", "src/payments/payments.ts"), "");
  // Another task starts with the project's context again.
  const other = await read("conv_2_other", "src/payments/payments.ts");
  assert.match(other, /chosen because: project convention\n/);
  assert.match(other, /\[incident\] Double charge/);
});

Deno.test("korva hook file-context finds a memory anchored by a glob that needs the glob compiler", async () => {
  await using home = tempHome();
  await using repo = tempRepo({
    "src/payments/payments.ts": "export const pay = 1;\n",
    ".korva/config.yml": "schema: 1\nproject: acme\n",
  });
  const saved = await runKorva([
    "save",
    "--type",
    "convention",
    "--title",
    "Payment modules export one function",
    "--content",
    "Each file under src/payments exports a single entry point.",
    "--files",
    "src/*/pay*.ts",
  ], { env: home.env, cwd: repo.path });
  assert.equal(saved.code, 0, saved.stderr);
  const result = await fileContextHook(home, repo.path, {
    session_id: "glob1",
    hook_event_name: "PreToolUse",
    cwd: repo.path,
    tool_name: "Read",
    tool_input: { file_path: join(repo.path, "src/payments/payments.ts") },
  });
  assert.equal(result.code, 0, result.stderr);
  const context = JSON.parse(result.stdout).hookSpecificOutput.additionalContext as string;
  assert.match(context, /Payment modules export one function/);
  assert.match(context, /anchored to src\/\*\/pay\*\.ts/);
});

Deno.test("korva hook session-start answers a Codex SessionStart payload with only the keys Codex's output schema allows", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ ".korva/config.yml": "schema: 1\nproject: acme\n" });
  seedVault(join(home.korvaHome, "vault.db"), "acme").close();
  const result = await runKorva(["hook", "session-start"], {
    env: home.env,
    cwd: repo.path,
    stdin: codexPayload("SessionStart", repo.path, { source: "startup" }),
  });
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    codexContext(result.stdout, "SessionStart"),
    /^## korva: what this team knows \(acme\)\n/,
  );
});

Deno.test("korva hook session-start answers Cursor's sessionStart in its shape, for the project of its first workspace root", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ ".korva/config.yml": "schema: 1\nproject: acme\n" });
  seedVault(join(home.korvaHome, "vault.db"), "acme").close();
  // Cursor sends no cwd, and runs the hook from elsewhere (here: the neutral folder).
  const result = await runKorva(["hook", "session-start"], {
    env: home.env,
    stdin: JSON.stringify({
      conversation_id: "c0ffee00-1111-2222-3333-444455556666",
      generation_id: "9d1e-01",
      session_id: "c0ffee00-1111-2222-3333-444455556666",
      hook_event_name: "sessionStart",
      cursor_version: "3.20.17",
      workspace_roots: [repo.path],
      is_background_agent: false,
      composer_mode: "agent",
    }),
  });
  assert.equal(result.code, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(out), ["additional_context"]);
  // "acme" is the project of the workspace root, not of the folder the hook ran in.
  assert.match(out.additional_context, /^## korva: what this team knows \(acme\)\n/);
});

Deno.test("korva hook session-start run by GitHub Copilot CLI also answers the top-level additionalContext it reads", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ ".korva/config.yml": "schema: 1\nproject: acme\n" });
  seedVault(join(home.korvaHome, "vault.db"), "acme").close();
  const result = await runKorva(["hook", "session-start"], {
    env: { ...home.env, COPILOT_CLI: "1" },
    stdin: JSON.stringify({
      hook_event_name: "SessionStart",
      session_id: "74329f2e-e243-4cca-a557-535f45ef6be1",
      timestamp: "2026-11-27T01:13:28.702Z",
      cwd: repo.path,
      source: "new",
      initial_prompt: "Why does the payment retry take a redis lock?",
    }),
  });
  assert.equal(result.code, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(out), ["additionalContext", "hookSpecificOutput", "suppressOutput"]);
  assert.equal(out.additionalContext, out.hookSpecificOutput.additionalContext);
  assert.match(out.additionalContext, /^## korva: what this team knows \(acme\)\n/);
});
