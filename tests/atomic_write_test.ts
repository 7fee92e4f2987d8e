// writeFileAtomic: temp file + rename, backups, modes, clear errors.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../lib/atomic_write.ts";
import { KorvaError } from "../lib/errors.ts";
import { FIXED_NOW, tempDir } from "./_helpers.ts";

Deno.test("writeFileAtomic() replaces the file and keeps a timestamped backup", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "settings.json");
  const backups = join(dir.path, "backups");
  writeFileSync(path, "old", { mode: 0o600 });
  const backup = writeFileAtomic(path, "new", { backupDir: backups, now: () => FIXED_NOW });
  assert.equal(readFileSync(path, "utf8"), "new");
  assert.ok(backup);
  assert.equal(readFileSync(backup, "utf8"), "old");
  assert.match(backup, /2026-06-01T12-00-00-000Z-/);
  assert.equal(statSync(path).mode & 0o777, 0o600, "an existing file keeps its mode");
  assert.deepEqual(readdirSync(dir.path).filter((f) => f.endsWith(".tmp")), []);
});

Deno.test("writeFileAtomic() creates parents and applies the mode of a new file", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "a", "b", "token");
  assert.equal(writeFileAtomic(path, "t", { mode: 0o600 }), undefined);
  assert.equal(statSync(path).mode & 0o777, 0o600);
});

Deno.test("writeFileAtomic() fails with one sentence and leaves the old file when it cannot write", async () => {
  await using dir = tempDir();
  const blocker = join(dir.path, "file");
  writeFileSync(blocker, "keep");
  assert.throws(
    () => writeFileAtomic(join(blocker, "child.json"), "x"),
    (error) => error instanceof KorvaError && /^Cannot write ".*child\.json"/.test(error.message),
  );
  assert.equal(readFileSync(blocker, "utf8"), "keep");
});
