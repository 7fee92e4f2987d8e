// korva hook post-commit: a fix of a race, data loss, security or outage problem becomes one
// draft candidate; the next file hook on its files asks why, once.
import assert from "node:assert/strict";
import { join } from "node:path";
import { git, runKorva, tempHome, tempRepo, writeFiles } from "../_helpers.ts";

Deno.test("korva hook post-commit drafts one candidate from a race fix and the file hook asks about it once", async () => {
  await using home = tempHome();
  await using repo = tempRepo({
    "src/payments/payments.ts": "lock(user.id)\n",
    "README.md": "x\n",
  });
  assert.equal((await runKorva(["init"], { env: home.env, cwd: repo.path })).code, 0);
  const postCommit = () => runKorva(["hook", "post-commit"], { env: home.env, cwd: repo.path });

  writeFiles(repo.path, { "README.md": "race conditions explained\n" });
  git(repo.path, "commit", "-qam", "docs: explain the race condition");
  assert.deepEqual(await postCommit(), { code: 0, stdout: "", stderr: "" }, "docs-only: nothing");

  writeFiles(repo.path, { "src/payments/payments.ts": "lock(payment.id)\n" });
  git(repo.path, "commit", "-qam", "Fix race condition in the payment lock");
  const sha = git(repo.path, "rev-parse", "HEAD").trim();
  const first = await postCommit();
  assert.equal(first.code, 0);
  assert.equal(
    first.stderr,
    `korva: ${
      sha.slice(0, 7)
    } looks like a concurrency fix; the next session that opens its files will ask why\n`,
  );
  assert.equal((await postCommit()).stderr, "", "a commit never becomes two drafts");

  const payload = (session: string) =>
    JSON.stringify({
      session_id: session,
      cwd: repo.path,
      hook_event_name: "PreToolUse",
      tool_name: "Read",
      tool_input: { file_path: join(repo.path, "src/payments/payments.ts") },
    });
  const hook = await runKorva(["hook", "file-context"], {
    env: home.env,
    cwd: repo.path,
    stdin: payload("s1"),
  });
  const context = JSON.parse(hook.stdout).hookSpecificOutput.additionalContext as string;
  assert.equal(
    context,
    `Commit ${sha.slice(0, 7)} changed src/payments/payments.ts (fix, concurrency) and nobody ` +
      `has recorded why yet. Its subject, quoted: "Fix race condition in the payment lock". If ` +
      "the developer knows the reason, ask and save it with vault_save as a decision or incident.",
  );
  const again = await runKorva(["hook", "file-context"], {
    env: home.env,
    cwd: repo.path,
    stdin: payload("s1"),
  });
  assert.equal(again.stdout, "", "asked once per session");
});
