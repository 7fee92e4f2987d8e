// Team memory through git: two clones of one bare repository, each with its own KORVA_HOME.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  baseEnv,
  git,
  runKorva,
  tempDir,
  type TempHome,
  tempHome,
  writeFiles,
} from "../_helpers.ts";

function gitAs(cwd: string, env: Record<string, string>, ...args: string[]) {
  const out = new Deno.Command("git", {
    args,
    cwd,
    env: { ...baseEnv(), ...env },
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
}

function twoClones() {
  const dir = tempDir();
  const remote = join(dir.path, "remote.git");
  git(dir.path, "init", "-q", "--bare", "-b", "main", remote);
  const a = join(dir.path, "alice");
  const b = join(dir.path, "bob");
  git(dir.path, "clone", "-q", remote, a);
  writeFiles(a, { "src/payments/payments.ts": "export const pay = 1;\n" });
  git(a, "add", "-A");
  git(a, "commit", "-q", "-m", "init");
  git(a, "push", "-q", "origin", "main");
  git(dir.path, "clone", "-q", remote, b);
  return { dir, a, b };
}

async function saveIncident(home: TempHome, cwd: string, title: string, content: string) {
  const saved = await runKorva([
    "save",
    "--type",
    "incident",
    "--title",
    title,
    "--content",
    content,
    "--why",
    "users pay with several cards concurrently",
    "--files",
    "src/payments/**",
    "--json",
  ], { env: home.env, cwd });
  assert.equal(saved.code, 0, saved.stderr);
  return JSON.parse(saved.stdout).id as string;
}

/** Save an incident in clone `cwd`, share it, and push the team file. */
async function shareIncident(home: TempHome, cwd: string, title: string, content: string) {
  const id = await saveIncident(home, cwd, title, content);
  await runKorva(["share", id, "--yes"], { env: home.env, cwd });
  git(cwd, "add", "-A");
  git(cwd, "commit", "-q", "-m", "share");
  git(cwd, "push", "-q", "origin", "main");
  return id;
}

Deno.test("a shared incident reaches the other clone on pull (hooks) and korva context returns it", async () => {
  const { dir, a, b } = twoClones();
  await using _dir = dir;
  await using alice = tempHome();
  await using bob = tempHome();
  const secret = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
  const id = await saveIncident(
    alice,
    a,
    "Double charge: payment lock keyed by user_id",
    `Lock by payment_id; the old code logged ${secret}.`,
  );
  const share = await runKorva(["share", id, "--yes"], { env: alice.env, cwd: a });
  assert.equal(share.code, 0, share.stderr);
  git(a, "add", "-A");
  git(a, "commit", "-q", "-m", "share the payment incident");
  git(a, "push", "-q", "origin", "main");
  assert.equal(
    gitAs(a, {}, "grep", "-q", secret, "HEAD").code,
    1,
    "the secret never reaches the repository",
  );
  assert.equal(gitAs(a, {}, "grep", "-q", "sk_live_4eC3", "HEAD").code, 1);

  const hooks = await runKorva(["hooks", "install"], { env: bob.env, cwd: b });
  assert.equal(hooks.code, 0, hooks.stderr);
  const pull = gitAs(b, bob.env, "pull", "-q", "--no-rebase", "origin", "main");
  assert.equal(pull.code, 0, pull.stderr);
  const list = JSON.parse((await runKorva(["list", "--json"], { env: bob.env, cwd: b })).stdout);
  assert.equal(list[0]?.id, id, "the post-merge hook ran korva sync");
  assert.equal(list[0]?.scope, "team");

  const context = await runKorva(["context", "--file", "src/payments/payments.ts", "--json"], {
    env: bob.env,
    cwd: b,
  });
  const out = JSON.parse(context.stdout);
  assert.equal(out.memories[0].id, id);
  assert.match(out.text, /why: users pay with several cards/);
});

Deno.test("korva context sees pulled memories even when no sync ran", async () => {
  const { dir, a, b } = twoClones();
  await using _dir = dir;
  await using alice = tempHome();
  await using bob = tempHome();
  const id = await shareIncident(alice, a, "Lock TTL is 30 s", "payment lock TTL 30 s");
  git(b, "pull", "-q", "--no-rebase", "origin", "main");
  const context = await runKorva(["context", "--file", "src/payments/payments.ts", "--json"], {
    env: bob.env,
    cwd: b,
  });
  assert.equal(JSON.parse(context.stdout).memories[0]?.id, id);
});

Deno.test("korva hook file-context sees memories pulled during the session", async () => {
  const { dir, a, b } = twoClones();
  await using _dir = dir;
  await using alice = tempHome();
  await using bob = tempHome();
  const file = join(b, "src/payments/payments.ts");
  const hook = () =>
    runKorva(["hook", "file-context"], {
      env: bob.env,
      cwd: b,
      stdin: JSON.stringify({
        session_id: "pull-session",
        cwd: b,
        hook_event_name: "PreToolUse",
        tool_name: "Read",
        tool_input: { file_path: file },
      }),
    });
  assert.equal((await runKorva(["init"], { env: bob.env, cwd: b })).code, 0);
  const before = await hook();
  assert.equal(before.code, 0, before.stderr);
  assert.equal(before.stdout, "", "nothing shared yet");
  const id = await shareIncident(alice, a, "Lock TTL is 30 s", "payment lock TTL 30 s");
  git(b, "pull", "-q", "--no-rebase", "origin", "main");
  const after = await hook();
  assert.equal(after.code, 0, after.stderr);
  const context = JSON.parse(after.stdout).hookSpecificOutput.additionalContext as string;
  assert.match(context, new RegExp(`id ${id} `));
});

Deno.test("shares on two branches merge without conflict", async () => {
  const { dir, a } = twoClones();
  await using _dir = dir;
  await using alice = tempHome();
  git(a, "checkout", "-q", "-b", "one");
  const first = await saveIncident(alice, a, "First incident", "one");
  await runKorva(["share", first, "--yes"], { env: alice.env, cwd: a });
  git(a, "add", "-A");
  git(a, "commit", "-q", "-m", "one");
  git(a, "checkout", "-q", "main");
  git(a, "checkout", "-q", "-b", "two");
  const second = await saveIncident(alice, a, "Second incident", "two");
  await runKorva(["share", second, "--yes"], { env: alice.env, cwd: a });
  git(a, "add", "-A");
  git(a, "commit", "-q", "-m", "two");
  git(a, "checkout", "-q", "main");
  git(a, "merge", "-q", "--no-edit", "one");
  const merge = gitAs(a, {}, "merge", "-q", "--no-edit", "two");
  assert.equal(merge.code, 0, merge.stderr);
  assert.equal(readdirSync(join(a, ".korva", "memories")).length, 2);
});

Deno.test("korva sync imports hand-written files, reports malformed ones and keeps both sides of a conflict", async () => {
  const { dir, a } = twoClones();
  await using _dir = dir;
  await using alice = tempHome();
  writeFiles(a, {
    ".korva/memories/handwritten.md":
      "---\ntype: convention\ntitle: Money is integer cents\n---\nNever use floats for money.\n",
    ".korva/memories/broken.md": "no front matter here\n",
  });
  const first = await runKorva(["sync", "--json"], { env: alice.env, cwd: a });
  assert.equal(first.code, 1);
  const summary = JSON.parse(first.stdout);
  assert.equal(summary.imported, 1);
  assert.equal(summary.errors[0].path, ".korva/memories/broken.md");
  assert.match(summary.errors[0].reason, /no YAML front matter/);
  const written = readFileSync(join(a, ".korva/memories/handwritten.md"), "utf8");
  assert.match(written, /^---\nschema: 1\nid: [0-9A-Z]{26}\n/m, "the hand-written file got an id");
  const again = JSON.parse((await runKorva(["sync", "--json"], { env: alice.env, cwd: a })).stdout);
  assert.deepEqual([again.imported, again.updated, again.exported], [0, 0, 0], "idempotent");

  const id = written.match(/id: ([0-9A-Z]{26})/)?.[1] ?? "";
  writeFileSync(
    join(a, ".korva/memories/handwritten.md"),
    written.replace("Never use floats", "Never, ever use floats"),
  );
  await runKorva(["update", id, "--content", "Floats are banned for money."], {
    env: alice.env,
    cwd: a,
  });
  const conflict = await runKorva(["sync", "--json"], { env: alice.env, cwd: a });
  const out = JSON.parse(conflict.stdout);
  assert.equal(out.conflicts.length, 1);
  assert.ok(existsSync(join(a, out.conflicts[0].local)));
  assert.match(readFileSync(join(a, out.conflicts[0].local), "utf8"), /Floats are banned/);
  assert.match(
    readFileSync(join(a, ".korva/memories/handwritten.md"), "utf8"),
    /Never, ever use floats/,
  );
});

Deno.test("korva unshare removes the file and keeps the memory private", async () => {
  const { dir, a } = twoClones();
  await using _dir = dir;
  await using alice = tempHome();
  const id = await saveIncident(alice, a, "Unshared", "x");
  await runKorva(["share", id, "--yes"], { env: alice.env, cwd: a });
  assert.equal(readdirSync(join(a, ".korva", "memories")).length, 1);
  const result = await runKorva(["unshare", id], { env: alice.env, cwd: a });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(readdirSync(join(a, ".korva", "memories")).length, 0);
  const memory = JSON.parse(
    (await runKorva(["get", id, "--json"], { env: alice.env, cwd: a })).stdout,
  );
  assert.equal(memory.scope, "private");
  assert.equal(memory.status, "active");
});

Deno.test("git checkout with a write-locked vault: the post-checkout sync gives up at once and logs why", async () => {
  const { dir, a, b } = twoClones();
  await using _dir = dir;
  await using alice = tempHome();
  await using bob = tempHome();
  await shareIncident(alice, a, "Lock TTL is 30 s", "payment lock TTL 30 s");
  git(b, "fetch", "-q", "origin");
  assert.equal((await runKorva(["hooks", "install"], { env: bob.env, cwd: b })).code, 0);
  assert.equal((await runKorva(["stats"], { env: bob.env, cwd: b })).code, 0);
  const { DatabaseSync } = await import("node:sqlite");
  const holder = new DatabaseSync(join(bob.korvaHome, "vault.db"));
  holder.exec("BEGIN IMMEDIATE");
  try {
    const started = performance.now();
    const checkout = gitAs(b, bob.env, "checkout", "-q", "-b", "shared", "origin/main");
    const elapsed = performance.now() - started;
    assert.equal(checkout.code, 0, checkout.stderr);
    // The old hook waited for SQLite's 10 s busy timeout; the hook's own limit is 250 ms.
    assert.ok(elapsed < 6000, `git checkout took ${Math.round(elapsed)} ms`);
    const log = readFileSync(join(bob.korvaHome, "logs", "hooks.log"), "utf8").trim().split("\n")
      .map((line) => JSON.parse(line));
    assert.equal(
      log.at(-1)?.message,
      "Sync skipped: another korva process held the vault's write lock for over 250 ms",
    );
  } finally {
    holder.exec("ROLLBACK");
    holder.close();
  }
});
