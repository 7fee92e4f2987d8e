// Staleness from git, in real repositories made by the tests: edits, renames and deletions after a
// memory was saved change its reasons and its rank.
import assert from "node:assert/strict";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildContext } from "../../lib/discovery/context.ts";
import { anchorHistory, gitStaleness, parseGitLog } from "../../lib/trust/staleness.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { gitEnv, tempDir, tempRepo, writeFiles } from "../_helpers.ts";

const T0 = Date.parse("2026-05-01T10:00:00Z");

/** Commit everything at `at` (author and committer date), returning the new HEAD. */
function commitAt(cwd: string, at: number, message: string): string {
  const date = new Date(at).toISOString();
  const run = (...args: string[]) => {
    const out = new Deno.Command("git", {
      args,
      cwd,
      env: { ...gitEnv(), GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      stdout: "piped",
      stderr: "piped",
    }).outputSync();
    if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
    return new TextDecoder().decode(out.stdout).trim();
  };
  run("add", "-A");
  run("commit", "-q", "-m", message);
  return run("rev-parse", "HEAD");
}

const lines = (n: number, v: number) =>
  Array.from({ length: 10 }, (_, i) => `export const l${i} = ${i < n ? v : 0};`).join("\n") + "\n";

function repoWithHistory() {
  const repo = tempRepo({}, { commit: false });
  writeFiles(repo.path, {
    "src/payments/payments.ts": lines(0, 0),
    "src/payments/refunds.ts": lines(0, 0),
    "src/auth/login.ts": lines(0, 0),
  });
  const base = commitAt(repo.path, T0, "initial");
  return { repo, base };
}

function openTestVault(dir: string, now: number) {
  return openVault(join(dir, "vault.db"), { now: () => new Date(now), project: "shop" });
}

Deno.test("buildContext() says how many commits changed the anchored file since the save", async () => {
  const { repo, base } = repoWithHistory();
  await using _repo = repo;
  await using dir = tempDir();
  using vault = openTestVault(dir.path, T0 + 60_000);
  const saved = vault.save({
    type: "incident",
    title: "Payment lock keyed by payment_id",
    content: "Key the Redis lock by payment_id.",
    files: ["src/payments/payments.ts"],
  }).memory;
  for (let i = 1; i <= 3; i++) {
    writeFiles(repo.path, { "src/payments/payments.ts": lines(i, i) });
    commitAt(repo.path, T0 + 120_000 + i * 1000, `edit ${i}`);
  }
  const cache = join(dir.path, "cache");
  const result = buildContext(vault, {
    project: "shop",
    files: ["src/payments/payments.ts"],
    repoRoot: repo.path,
    staleness: gitStaleness(repo.path, cache),
    now: new Date(T0 + 3_600_000),
  });
  assert.equal(result.memories[0]?.id, saved.id);
  assert.equal(result.memories[0]?.reasons[0], "anchored to src/payments/payments.ts");
  assert.equal(
    result.memories[0]?.reasons.at(-1),
    "src/payments/payments.ts changed in 3 commits since this was saved (+6/-6 lines)",
  );
  assert.equal(base.length, 40);
});

Deno.test("buildContext() ranks the memory saved before many edits below the one saved after", async () => {
  const { repo } = repoWithHistory();
  await using _repo = repo;
  await using dir = tempDir();
  let clock = T0 + 60_000;
  const vault = openVault(join(dir.path, "vault.db"), {
    now: () => new Date(clock),
    project: "shop",
  });
  try {
    const old = vault.save({
      type: "decision",
      title: "Retries use exponential backoff",
      content: "Backoff doubles from 1 s.",
      files: ["src/payments/payments.ts"],
    }).memory;
    for (let i = 1; i <= 8; i++) {
      writeFiles(repo.path, { "src/payments/payments.ts": lines(i, i * 7) });
      commitAt(repo.path, T0 + 120_000 + i * 1000, `edit ${i}`);
    }
    clock = T0 + 200_000;
    const fresh = vault.save({
      type: "decision",
      title: "Retries use a fixed 2 s delay",
      content: "Fixed delay since the provider throttles.",
      files: ["src/payments/payments.ts"],
    }).memory;
    const input = {
      project: "shop",
      files: ["src/payments/payments.ts"],
      repoRoot: repo.path,
      now: new Date(T0 + 300_000),
    };
    // Without git the older one wins the tie on id order; with git the churn pushes it down.
    const before = buildContext(vault, input).memories.map((m) => m.id);
    const after = buildContext(vault, {
      ...input,
      staleness: gitStaleness(repo.path, join(dir.path, "cache")),
    }).memories;
    assert.equal(before.indexOf(fresh.id) >= 0 && before.indexOf(old.id) >= 0, true);
    assert.deepEqual(after.map((m) => m.id), [fresh.id, old.id]);
    assert.ok(after[0]!.score > after[1]!.score);
    assert.equal(
      after[1]!.reasons.at(-1),
      "src/payments/payments.ts changed in 8 commits since this was saved (+36/-36 lines)",
    );
    assert.equal(after[0]!.reasons.some((r) => r.includes("changed in")), false);
  } finally {
    vault.close();
  }
});

Deno.test("buildContext() names a rename of the anchored folder since the save", async () => {
  const { repo } = repoWithHistory();
  await using _repo = repo;
  await using dir = tempDir();
  using vault = openTestVault(dir.path, T0 + 60_000);
  vault.save({
    type: "convention",
    title: "Refunds are idempotent",
    content: "Use the idempotency key.",
    files: ["src/payments/refunds.ts"],
  });
  renameSync(join(repo.path, "src/payments"), join(repo.path, "src/billing"));
  commitAt(repo.path, T0 + 120_000, "payments becomes billing");
  const result = buildContext(vault, {
    project: "shop",
    files: ["src/payments/refunds.ts"],
    repoRoot: repo.path,
    staleness: gitStaleness(repo.path, join(dir.path, "cache")),
    now: new Date(T0 + 3_600_000),
  });
  assert.deepEqual(result.memories[0]?.reasons.slice(-2), [
    "src/payments/refunds.ts changed in 1 commit since this was saved (+0/-0 lines)",
    "src/payments/refunds.ts was renamed to src/billing/refunds.ts since this was saved",
  ]);
});

Deno.test("buildContext() flags a memory whose anchored files were all deleted and ranks it last", async () => {
  const { repo } = repoWithHistory();
  await using _repo = repo;
  await using dir = tempDir();
  using vault = openTestVault(dir.path, T0 + 60_000);
  const gone = vault.save({
    type: "pattern",
    title: "Login throttling",
    content: "Throttle by IP and account.",
    files: ["src/auth/login.ts"],
    tags: ["auth"],
  }).memory;
  const kept = vault.save({
    type: "note",
    title: "Auth module overview",
    content: "Sessions are cookies.",
    files: ["src/auth/"],
  }).memory;
  rmSync(join(repo.path, "src/auth/login.ts"));
  writeFiles(repo.path, { "src/auth/session.ts": 'export const session = "cookie";\n' });
  commitAt(repo.path, T0 + 120_000, "drop login.ts");
  const result = buildContext(vault, {
    project: "shop",
    files: ["src/auth/login.ts"],
    repoRoot: repo.path,
    staleness: gitStaleness(repo.path, join(dir.path, "cache")),
    now: new Date(T0 + 3_600_000),
  });
  assert.deepEqual(
    result.memories.map((m) => m.id),
    [kept.id, gone.id],
    JSON.stringify(result.memories, null, 1),
  );
  assert.equal(
    result.memories[1]?.reasons.at(-1),
    "stale: every anchored file was deleted since this was saved (src/auth/login.ts)",
  );
});

Deno.test("anchorHistory() answers from its cache for the same HEAD without running git", async () => {
  const { repo } = repoWithHistory();
  await using _repo = repo;
  await using dir = tempDir();
  const cacheDir = join(dir.path, "cache");
  const options = { sinceTime: T0 / 1000 - 10, cacheDir };
  const cold = anchorHistory(repo.path, ["src/payments/payments.ts"], options);
  assert.equal(cold?.length, 1);
  assert.equal(readdirSync(cacheDir).length, 1);
  // With the object store gone git cannot answer; only the cache can.
  renameSync(join(repo.path, ".git", "objects"), join(repo.path, ".git", "objects-away"));
  assert.deepEqual(anchorHistory(repo.path, ["src/payments/payments.ts"], options), cold);
  assert.equal(anchorHistory(repo.path, ["src/auth/login.ts"], options), undefined);
  renameSync(join(repo.path, ".git", "objects-away"), join(repo.path, ".git", "objects"));
  assert.ok(existsSync(join(repo.path, ".git", "objects")));
});

Deno.test("gitStaleness() answers a repeated question for the same HEAD from its cache", async () => {
  const { repo } = repoWithHistory();
  await using _repo = repo;
  await using dir = tempDir();
  writeFiles(repo.path, { "src/payments/payments.ts": lines(2, 5) });
  commitAt(repo.path, T0 + 120_000, "edit");
  const lookup = gitStaleness(repo.path, join(dir.path, "cache"));
  const memory = {
    id: "01JAAAAAAAAAAAAAAAAAAAAAAA",
    files: ["src/payments/payments.ts"],
    created_at: new Date(T0 + 60_000).toISOString(),
  };
  const cold = lookup([memory]);
  assert.equal(cold.get(memory.id)?.commits, 1);
  renameSync(join(repo.path, ".git", "objects"), join(repo.path, ".git", "objects-away"));
  assert.deepEqual(lookup([memory]), cold);
  assert.equal(lookup([{ ...memory, files: ["src/auth/login.ts"] }]).size, 0);
});

Deno.test("parseGitLog() reads renames, deletions and line counts", () => {
  const text = "\x01aaa 100\0\n:100644 100644 1 2 R090\0src/a.ts\0src/b.ts\0" +
    ":100644 000000 3 0 D\0src/c.ts\0" + "2\t1\t\0src/a.ts\0src/b.ts\0" + "0\t5\tsrc/c.ts\0" +
    "\x01bbb 50\0\n:000000 100644 0 4 A\0src/a.ts\0" + "7\t0\tsrc/a.ts\0";
  assert.deepEqual(parseGitLog(text), [
    {
      sha: "aaa",
      time: 100,
      changes: [
        { status: "R", path: "src/a.ts", to: "src/b.ts", added: 2, deleted: 1 },
        { status: "D", path: "src/c.ts", added: 0, deleted: 5 },
      ],
    },
    { sha: "bbb", time: 50, changes: [{ status: "A", path: "src/a.ts", added: 7, deleted: 0 }] },
  ]);
});
