// Git hooks on by default: korva init, setup and sync install them in a clone of a repository
// that has .korva/, unless opted out; doctor and session-start point out a clone without them.
import assert from "node:assert/strict";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { git, runKorva, tempHome, tempRepo, writeFiles } from "../_helpers.ts";

const RULES = {
  ".korva/rules/team.yml":
    "version: 1\nrules:\n  - id: team/no-foo\n    message: no foo\n    match: { kind: pattern, pattern: 'foo\\(' }\n",
};

function hookPath(repo: string, name = "pre-commit"): string {
  const dir = git(repo, "rev-parse", "--git-path", "hooks").trim();
  return join(repo, dir, name);
}

/** korva's own script for a hook, which the hook git runs calls. */
function korvaScript(repo: string, name = "pre-commit"): string {
  return join(repo, ".git", "korva", "hooks", name);
}

Deno.test("korva init installs the git hooks in a repository with .korva/rules and says so", async () => {
  await using home = tempHome();
  await using repo = tempRepo(RULES);
  const result = await runKorva(["init"], { env: home.env, cwd: repo.path });
  assert.equal(result.code, 0, result.stderr);
  const dir = join(repo.path, ".git", "hooks");
  assert.ok(
    result.stdout.includes(
      `git hooks: installed pre-commit, post-merge, post-checkout in ${dir} (korva hooks uninstall removes them; opt out with --no-hooks or "hooks": false in config.json)\n`,
    ),
    result.stdout,
  );
  assert.match(readFileSync(hookPath(repo.path), "utf8"), /\/korva\/hooks\/pre-commit"/);
  assert.match(readFileSync(korvaScript(repo.path), "utf8"), /sentinel check --staged/);
});

Deno.test("korva setup installs the hooks where core.hooksPath points; --no-hooks and config opt out", async () => {
  await using home = tempHome();
  await using repo = tempRepo(RULES);
  git(repo.path, "config", "core.hooksPath", ".githooks");
  const optedOut = await runKorva(["setup", "--claude", "--no-hooks"], {
    env: home.env,
    cwd: repo.path,
  });
  assert.equal(optedOut.code, 0, optedOut.stderr);
  assert.equal(existsSync(join(repo.path, ".githooks", "pre-commit")), false);
  writeFiles(home.korvaHome, { "config.json": '{ "hooks": false }\n' });
  await runKorva(["setup", "--claude"], { env: home.env, cwd: repo.path });
  assert.equal(existsSync(join(repo.path, ".githooks", "pre-commit")), false, "hooks: false");
  writeFiles(home.korvaHome, { "config.json": "{}\n" });
  const setup = await runKorva(["setup", "--claude"], { env: home.env, cwd: repo.path });
  assert.equal(setup.code, 0, setup.stderr);
  assert.match(setup.stderr, /^git hooks: installed pre-commit, post-merge, post-checkout in /);
  assert.ok(existsSync(join(repo.path, ".githooks", "pre-commit")));
  const again = await runKorva(["setup", "--claude"], { env: home.env, cwd: repo.path });
  assert.equal(again.stderr, "", "already current: nothing to say");
});

Deno.test("korva sync installs the hooks; korva hooks uninstall still restores a chained hook byte for byte", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ ...RULES, "README.md": "x\n" });
  const original = "#!/bin/sh\necho mine >&2\n";
  writeFileSync(hookPath(repo.path), original);
  chmodSync(hookPath(repo.path), 0o755);
  await runKorva(["init", "--no-hooks"], { env: home.env, cwd: repo.path });
  assert.equal(readFileSync(hookPath(repo.path), "utf8"), original, "--no-hooks");
  const sync = await runKorva(["sync"], { env: home.env, cwd: repo.path });
  assert.equal(sync.code, 0, sync.stderr);
  assert.match(sync.stderr, /git hooks: installed pre-commit/);
  assert.match(readFileSync(hookPath(repo.path), "utf8"), /^# >>> korva hook >>>/m);
  assert.match(readFileSync(hookPath(repo.path), "utf8"), /echo mine >&2\n$/);
  assert.match(readFileSync(korvaScript(repo.path), "utf8"), /korva-managed-hook/);
  await runKorva(["hooks", "uninstall"], { env: home.env, cwd: repo.path });
  assert.equal(readFileSync(hookPath(repo.path), "utf8"), original);
  assert.equal(existsSync(hookPath(repo.path, "post-merge")), false);
});

Deno.test("korva doctor and the session-start hook say when a clone with rules has no hooks", async () => {
  await using home = tempHome();
  await using repo = tempRepo(RULES);
  await runKorva(["init", "--no-hooks"], { env: home.env, cwd: repo.path });
  const doctor = await runKorva(["doctor", "--json"], { env: home.env, cwd: repo.path });
  assert.deepEqual(
    JSON.parse(doctor.stdout).checks.find((c: { id: string }) => c.id === "hooks"),
    {
      id: "hooks",
      status: "warn",
      message:
        "This repository has team rules in .korva/rules but this clone has no korva pre-commit hook, so commits are not checked",
      fix: "korva hooks install",
    },
  );
  const start = await runKorva(["hook", "session-start"], {
    env: home.env,
    stdin: JSON.stringify({ hook_event_name: "SessionStart", cwd: repo.path }),
  });
  assert.equal(
    JSON.parse(start.stdout).hookSpecificOutput.additionalContext,
    "korva: This repository has team rules in .korva/rules but this clone has no korva pre-commit hook, so commits are not checked: run `korva hooks install`.",
  );
});
