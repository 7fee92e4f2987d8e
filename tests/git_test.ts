// Project identity from git.
import assert from "node:assert/strict";
import {
  DEFAULT_PROJECT,
  detectProject,
  findRepoRoot,
  normalizeRemote,
  readHead,
  repoRoot,
} from "../lib/git.ts";
import { git, tempDir, tempRepo } from "./_helpers.ts";
import { basename, join } from "node:path";
import { mkdirSync, realpathSync } from "node:fs";

Deno.test("normalizeRemote() names SSH and HTTPS clones of one repository the same", async (t) => {
  const cases: Array<[string, string]> = [
    ["git@github.com:Acme/Pay.git", "github.com/Acme/Pay"],
    ["https://github.com/Acme/Pay.git", "github.com/Acme/Pay"],
    ["https://user:token@GitHub.com/Acme/Pay/", "github.com/Acme/Pay"],
    ["ssh://git@gitlab.example.com:2222/group/sub/repo.git", "gitlab.example.com/group/sub/repo"],
    ["file:///srv/git/pay.git", "srv/git/pay"],
  ];
  for (const [url, expected] of cases) {
    await t.step(url, () => assert.equal(normalizeRemote(url), expected));
  }
});

Deno.test("detectProject() uses origin, else the repo folder, else the default", async () => {
  await using withOrigin = tempRepo({ "a.txt": "a" }, { origin: "git@github.com:acme/pay.git" });
  const sub = join(withOrigin.path, "src", "deep");
  mkdirSync(sub, { recursive: true });
  assert.equal(detectProject(sub), "github.com/acme/pay");
  assert.equal(repoRoot(sub), realpathSync(withOrigin.path));
  await using plain = tempRepo({ "a.txt": "a" });
  assert.equal(detectProject(plain.path), basename(plain.path));
  await using outside = tempDir();
  assert.equal(detectProject(outside.path), DEFAULT_PROJECT);
});

Deno.test("readHead() reads HEAD through loose refs, packed refs, detached HEADs and worktrees", async () => {
  await using repo = tempRepo({ "a.txt": "a" });
  await using other = tempDir();
  const head = git(repo.path, "rev-parse", "HEAD").trim();
  assert.equal(readHead(repo.path), head);
  git(repo.path, "pack-refs", "--all");
  assert.equal(readHead(repo.path), head, "packed");
  const linked = join(other.path, "linked");
  git(repo.path, "worktree", "add", "-q", "-b", "side", linked);
  assert.equal(readHead(linked), head, "linked worktree");
  git(repo.path, "checkout", "-q", "--detach");
  assert.equal(readHead(repo.path), head, "detached");
  assert.equal(readHead(other.path), undefined, "not a repository");
});

Deno.test("findRepoRoot() finds what git rev-parse --show-toplevel does, without spawning it", async () => {
  await using repo = tempRepo({ "src/deep/a.txt": "a" });
  await using other = tempDir();
  const env = (_: string) => undefined;
  const deep = join(repo.path, "src", "deep");
  assert.equal(findRepoRoot(deep, env), repoRoot(deep));
  assert.equal(findRepoRoot(repo.path, env), realpathSync(repo.path));
  const linked = join(other.path, "linked");
  git(repo.path, "worktree", "add", "-q", linked);
  const inLinked = join(linked, "src");
  assert.equal(findRepoRoot(inLinked, env), repoRoot(inLinked));
  assert.equal(findRepoRoot(inLinked, env), realpathSync(linked));
  const plain = join(other.path, "plain");
  mkdirSync(plain);
  assert.equal(findRepoRoot(plain, env), repoRoot(plain));
  assert.equal(findRepoRoot(plain, env), undefined);
});
