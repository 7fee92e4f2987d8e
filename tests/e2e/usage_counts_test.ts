// Recall and rule-hit counts recorded by the command line and the editor hooks, read back from
// the vault: korva search / get, the file-context and prompt hooks (journaled, then folded in by
// the next command), korva sentinel check and the edit gate.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { paymentLockRule } from "../_rules.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { git, runKorva, tempHome, tempRepo, writeFiles } from "../_helpers.ts";

const RULE = paymentLockRule();

Deno.test("korva search, korva get and the file-context and prompt hooks each count a recall (the hooks through the journal)", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "x\n" });
  const saved = await runKorva([
    "save",
    "--type",
    "decision",
    "--title",
    "Payment locks are keyed by payment_id",
    "--content",
    "Two cards of one user raced when the payment lock was keyed by user_id.",
    "--files",
    "src/payments/**",
    "--json",
  ], { env: home.env, cwd: repo.path });
  assert.equal(saved.code, 0, saved.stderr);
  const id = JSON.parse(saved.stdout).id as string;
  const korva = async (args: string[], stdin?: string) => {
    const result = await runKorva(args, {
      env: home.env,
      cwd: repo.path,
      ...(stdin === undefined ? {} : { stdin }),
    });
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
  };
  await korva(["search", "payment", "lock"]);
  await korva(["search", "payment", "lock", "--json"]);
  await korva(["get", id]);
  const fileHook = JSON.stringify({
    hook_event_name: "PreToolUse",
    cwd: repo.path,
    tool_name: "Read",
    tool_input: { file_path: join(repo.path, "src/payments/pay.ts") },
  });
  assert.match(await korva(["hook", "file-context"], fileHook), new RegExp(id));
  assert.match(await korva(["hook", "file-context"], fileHook), new RegExp(id));
  const prompt = JSON.stringify({
    hook_event_name: "UserPromptSubmit",
    cwd: repo.path,
    prompt: "why are payment locks keyed by payment_id?",
  });
  assert.match(await korva(["hook", "prompt"], prompt), /Payment locks are keyed by payment_id/);
  const recalls = () => {
    using vault = openVault(join(home.korvaHome, "vault.db"), { readonly: true });
    return vault.recallsOf(id)?.count;
  };
  // The hooks never write the vault: their three counts wait in the journal…
  assert.equal(recalls(), 3);
  const journal = Deno.readTextFileSync(join(home.korvaHome, "run", "recalls.log"));
  assert.equal(journal.trim().split("\n").length, 3);
  assert.equal(Deno.statSync(join(home.korvaHome, "run", "recalls.log")).mode! & 0o777, 0o600);
  // …which the next command that opens the vault folds in.
  await korva(["list"]);
  assert.equal(recalls(), 6);
  assert.equal(existsSync(join(home.korvaHome, "run", "recalls.log")), false);
});

Deno.test("korva sentinel check and korva hook edit-gate count each finding for its rule", async () => {
  await using home = tempHome();
  const init = await runKorva(["init"], { env: home.env });
  assert.equal(init.code, 0, init.stderr);
  await using repo = tempRepo({ "README.md": "x\n", ".korva/rules/payments.yml": RULE });
  writeFiles(repo.path, { "src/payments/pay.ts": "await redis.lock(`pay:${user_id}`);\n" });
  git(repo.path, "add", "-A");
  // What the pre-commit hook runs: the staged change.
  const check = await runKorva(["sentinel", "check"], {
    env: home.env,
    cwd: repo.path,
  });
  assert.equal(check.code, 1, check.stderr);
  const gate = await runKorva(["hook", "edit-gate"], {
    env: home.env,
    stdin: JSON.stringify({
      session_id: "s1",
      hook_event_name: "PreToolUse",
      cwd: repo.path,
      tool_name: "Write",
      tool_input: {
        file_path: join(repo.path, "src/payments/pay.ts"),
        content: "await redis.lock(user_id);\nawait redis.lock(userId);\n",
      },
    }),
  });
  assert.equal(gate.code, 0, gate.stderr);
  assert.match(gate.stdout, /"permissionDecision":"deny"/);
  using vault = openVault(join(home.korvaHome, "vault.db"), { readonly: true });
  assert.deepEqual(vault.ruleHits().map((hit) => [hit.rule_id, hit.count]), [
    ["payments/lock-key", 3],
  ]);
});
