// `korva mine git` through the real CLI in a repository made by the test, and vault_candidates
// answering from what it stored.
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/inMemory"
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createServer } from "../../lib/mcp/server.ts";
import { git, runKorva, tempDir, tempHome, tempRepo, testDeps } from "../_helpers.ts";

function repoWithHistory() {
  const repo = tempRepo({ "src/pay/charge.ts": "a\nb\nc\n", "docs/guide.md": "# g\n" });
  const commit = (message: string, path: string, text: string) => {
    mkdirSync(join(repo.path, path, ".."), { recursive: true });
    writeFileSync(join(repo.path, path), text);
    git(repo.path, "add", "-A");
    git(repo.path, "commit", "-q", "-m", message);
  };
  commit("fix: double charge when the webhook is retried", "src/pay/charge.ts", "a\nB\nc\n");
  commit("Fix broken link in the guide", "docs/guide.md", "# guide\n");
  commit("hotfix: SQL injection in the search box", "src/web/search.ts", "escape(q)\n");
  return repo;
}

Deno.test("korva mine git --json proposes fixes with sha, subject, files and score, not docs", async () => {
  await using home = tempHome();
  await using repo = repoWithHistory();
  const result = await runKorva(["mine", "git", "--json"], { env: home.env, cwd: repo.path });
  assert.equal(result.code, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.equal(out.commits, 4);
  assert.equal(out.added, 2);
  assert.deepEqual(
    out.candidates.map((c: Record<string, unknown>) => [c.subject, c.files, c.score, c.reasons]),
    [
      ["hotfix: SQL injection in the search box", ["src/web/search.ts"], 4.5, [
        "hotfix",
        "security",
      ]],
      ["fix: double charge when the webhook is retried", ["src/pay/charge.ts"], 3.5, [
        "fix",
        "data loss",
      ]],
    ],
  );
  assert.match(out.candidates[0].sha, /^[0-9a-f]{40}$/);
  assert.deepEqual(out.candidates[1].stat, { files: 1, insertions: 1, deletions: 1 });
  assert.deepEqual(out.groups.map((g: { file: string }) => g.file), [
    "src/web/search.ts",
    "src/pay/charge.ts",
  ]);
  const list = await runKorva(["list", "--status", "all", "--json"], {
    env: home.env,
    cwd: repo.path,
  });
  assert.deepEqual(JSON.parse(list.stdout), [], "candidates are not memories");
  const again = await runKorva(["mine", "git", "--json"], { env: home.env, cwd: repo.path });
  assert.deepEqual([JSON.parse(again.stdout).added, JSON.parse(again.stdout).removed], [0, 0]);
});

Deno.test("korva mine git --path and --since narrow the history", async () => {
  await using home = tempHome();
  await using repo = repoWithHistory();
  const path = await runKorva(["mine", "git", "--path", "src/pay", "--json"], {
    env: home.env,
    cwd: repo.path,
  });
  assert.deepEqual(JSON.parse(path.stdout).candidates.map((c: { subject: string }) => c.subject), [
    "fix: double charge when the webhook is retried",
  ]);
  const since = await runKorva(["mine", "git", "--since", "2099-01-01", "--json"], {
    env: home.env,
    cwd: repo.path,
  });
  assert.deepEqual(JSON.parse(since.stdout).candidates, []);
});

Deno.test("korva mine git outside a repository exits 2 with one sentence", async () => {
  await using home = tempHome();
  await using dir = tempDir();
  const result = await runKorva(["mine", "git"], { env: home.env, cwd: dir.path });
  assert.equal(result.code, 2);
  assert.equal(
    result.stderr,
    `korva: Cannot mine git history in "${dir.path}": it is not inside a git repository\n` +
      "hint: run it from inside the repository\n",
  );
});

Deno.test("vault_candidates lists the mined candidates for a file or folder", async () => {
  await using home = tempHome();
  await using repo = repoWithHistory();
  const mined = await runKorva(["mine", "git"], { env: home.env, cwd: repo.path });
  assert.equal(mined.code, 0, mined.stderr);
  const korva = createServer(testDeps(home.korvaHome, { cwd: repo.path }), { profile: "readonly" });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "test-client", version: "1.0.0" });
  await Promise.all([korva.server.connect(serverSide), client.connect(clientSide)]);
  try {
    const result = await client.callTool({
      name: "vault_candidates",
      arguments: { file: "src/pay" },
    });
    const structured = result.structuredContent as {
      candidates: { subject: string; files: string[] }[];
    };
    assert.deepEqual(structured.candidates.map((c) => [c.subject, c.files]), [
      ["fix: double charge when the webhook is retried", ["src/pay/charge.ts"]],
    ]);
    const none = await client.callTool({
      name: "vault_candidates",
      arguments: { file: "README.md" },
    });
    assert.equal(
      (none.content as { text: string }[])[0]?.text,
      "No candidates for README.md. Run `korva mine git` in the repository first.",
    );
  } finally {
    await client.close();
    await korva.close();
  }
});
