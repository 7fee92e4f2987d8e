// The git_candidates table: upsert by commit, file filters, pruning after a whole-history mining.
import assert from "node:assert/strict";
import { join } from "node:path";
import { type GitCandidate, openVault } from "../../lib/vault/mod.ts";
import { FIXED_NOW, tempDir } from "../_helpers.ts";

function candidate(sha: string, files: string[], score: number): GitCandidate {
  return {
    sha,
    subject: `fix ${sha}`,
    message: `fix ${sha}`,
    author: "A",
    committed_at: "2026-01-01T00:00:00.000Z",
    files,
    stat: { files: files.length, insertions: 1, deletions: 1 },
    excerpt: "-a\n+b",
    score,
    reasons: ["fix"],
  };
}

Deno.test("Vault.candidates() filters by file or folder and orders by score", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { now: () => FIXED_NOW });
  vault.saveCandidates("p", [
    candidate("a1", ["src/pay/charge.ts"], 2),
    candidate("b2", ["src/pay/refund.ts", "README.md"], 5),
    candidate("c3", ["src/payments.ts"], 9),
  ]);
  assert.deepEqual(vault.candidates("p", { file: "src/pay" }).map((c) => c.sha), ["b2", "a1"]);
  assert.deepEqual(vault.candidates("p", { file: "./src/pay/charge.ts" }).map((c) => c.sha), [
    "a1",
  ]);
  assert.deepEqual(vault.candidates("p").map((c) => c.sha), ["c3", "b2", "a1"]);
  assert.deepEqual(vault.candidates("other"), []);
});

Deno.test("Vault.saveCandidates() updates by commit and prunes drafts only when asked", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { now: () => FIXED_NOW });
  assert.deepEqual(
    vault.saveCandidates("p", [candidate("a1", ["x.ts"], 1), candidate("b2", ["y.ts"], 1)]),
    {
      added: 2,
      updated: 0,
      removed: 0,
    },
  );
  assert.deepEqual(vault.saveCandidates("p", [candidate("a1", ["x.ts"], 3)]), {
    added: 0,
    updated: 1,
    removed: 0,
  });
  assert.deepEqual(vault.candidates("p").map((c) => [c.sha, c.score]), [["a1", 3], ["b2", 1]]);
  assert.deepEqual(vault.saveCandidates("p", [candidate("a1", ["x.ts"], 3)], { prune: true }), {
    added: 0,
    updated: 1,
    removed: 1,
  });
  assert.deepEqual(vault.candidates("p").map((c) => c.sha), ["a1"]);
});
