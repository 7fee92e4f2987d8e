// A command resolves its repository context once: one `git rev-parse --show-toplevel` per
// process however many helpers need the root, project, author or privacy settings.
import assert from "node:assert/strict";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { baseEnv, runKorva, tempDir, tempHome, tempRepo } from "../_helpers.ts";

/** A `git` first on PATH that logs its arguments, then runs the real git. */
function loggingGit(dir: string, log: string): string {
  const real = new TextDecoder().decode(
    new Deno.Command("sh", { args: ["-c", "command -v git"], stdout: "piped" }).outputSync()
      .stdout,
  ).trim();
  const wrapper = join(dir, "git");
  writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> "${log}"\nexec "${real}" "$@"\n`);
  chmodSync(wrapper, 0o755);
  return `${dir}:${baseEnv().PATH}`;
}

Deno.test("korva save and korva context ask git for the repository root once each", async (t) => {
  await using home = tempHome();
  await using bin = tempDir();
  await using repo = tempRepo({ "src/pay.ts": "x\n", ".korva/config.yml": "schema: 1\n" }, {
    origin: "git@example.test:acme/pay.git",
  });
  const log = join(bin.path, "git.log");
  const env = { ...home.env, PATH: loggingGit(bin.path, log) };
  for (
    const args of [
      ["save", "--type", "note", "--title", "t", "--content", "c", "--scope", "team"],
      ["context", "--file", "src/pay.ts", "--task", "refunds"],
    ]
  ) {
    await t.step(args[0] ?? "", async () => {
      writeFileSync(log, "");
      const result = await runKorva(args, { env, cwd: repo.path });
      assert.equal(result.code, 0, result.stderr);
      const calls = readFileSync(log, "utf8").trim().split("\n");
      assert.equal(
        calls.filter((c) => c === "rev-parse --show-toplevel").length,
        1,
        calls.join("; "),
      );
      assert.equal(calls.filter((c) => c === "config --get remote.origin.url").length, 1);
    });
  }
});

Deno.test("korva hook file-context runs no git on a session's second call until .korva/config.yml changes", async () => {
  await using home = tempHome();
  await using bin = tempDir();
  await using repo = tempRepo({ "src/pay.ts": "x\n", ".korva/config.yml": "schema: 1\n" }, {
    origin: "git@example.test:acme/pay.git",
  });
  assert.equal((await runKorva(["init"], { env: home.env })).code, 0);
  const log = join(bin.path, "git.log");
  const env = { ...home.env, PATH: loggingGit(bin.path, log) };
  const stdin = JSON.stringify({
    session_id: "s-1",
    cwd: repo.path,
    hook_event_name: "PreToolUse",
    tool_name: "Read",
    tool_input: { file_path: join(repo.path, "src/pay.ts") },
  });
  const gitCalls = async () => {
    writeFileSync(log, "");
    const result = await runKorva(["hook", "file-context"], { env, cwd: repo.path, stdin });
    assert.deepEqual([result.code, result.stderr], [0, ""]);
    return readFileSync(log, "utf8").trim().split("\n").filter((line) => line !== "");
  };
  // The first call resolves the root and project (and indexes renames once per HEAD).
  const first = await gitCalls();
  assert.deepEqual(first.slice(0, 2), [
    "rev-parse --show-toplevel",
    "config --get remote.origin.url",
  ]);
  assert.equal(first.filter((call) => call.startsWith("rev-parse")).length, 1, first.join("; "));
  assert.deepEqual(await gitCalls(), []);
  writeFileSync(join(repo.path, ".korva/config.yml"), "schema: 1\nproject: renamed\n");
  assert.deepEqual(await gitCalls(), ["rev-parse --show-toplevel"]);
  assert.deepEqual(await gitCalls(), []);
});
