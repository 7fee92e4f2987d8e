// Memories without a semantic-recall vector (an old vault, a process without semantics, text
// changed elsewhere) get one from later searches of the front doors (recallSearch: korva search,
// vault_search) or korva doctor --fix: automatic, bounded, transactional, resumable.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { recallSearch } from "../../lib/recall/embeddings.ts";
import { loadSemantics } from "../../lib/recall/mod.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { runKorva, tempDir, tempHome } from "../_helpers.ts";
import { RECORDS, saveRecord, storedVector } from "./_records.ts";

const semantics = loadSemantics();
const SCHEMA_1 = new URL("../testdata/vault/schema1.db", import.meta.url);

/** Save the four records with a vault opened without semantic recall (no vectors). */
function saveWithoutSemantics(path: string): void {
  using plain = openVault(path);
  for (const r of RECORDS) plain.save({ type: "decision", ...r });
}

/** How many memories have a vector, and how many wait for one, read with a plain connection. */
function counts(path: string): { vectors: number; backlog: number } {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const n = (table: string) =>
      Number(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? -1);
    return { vectors: n("memory_vectors"), backlog: n("memory_vector_backlog") };
  } finally {
    db.close();
  }
}

Deno.test("recallSearch() gives the memories of an upgraded schema-1 vault their vectors", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  copyFileSync(SCHEMA_1, path);
  {
    using vault = openVault(path, { semantics });
    assert.deepEqual(counts(path), { vectors: 0, backlog: 3 });
    assert.equal((await recallSearch(vault, "idempotency", {}, undefined)).length, 1);
  }
  assert.deepEqual(counts(path), { vectors: 3, backlog: 0 });
});

Deno.test("recallSearch() finds a paraphrase among memories saved without semantics", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  let first: string;
  {
    using plain = openVault(path);
    first = plain.save({ type: "decision", ...RECORDS[0]! }).memory.id;
    for (const r of RECORDS.slice(1)) plain.save({ type: "decision", ...r });
    assert.deepEqual(plain.search("switch off test machines at night to cut costs"), []);
  }
  assert.deepEqual(counts(path), { vectors: 0, backlog: 4 });
  using vault = openVault(path, { semantics });
  const hits = await recallSearch(
    vault,
    "switch off test machines at night to cut costs",
    { limit: 3 },
    undefined,
  );
  assert.equal(hits[0]?.memory.id, first);
  assert.deepEqual(counts(path), { vectors: 4, backlog: 0 });
});

Deno.test("Vault.search() leaves the backlog alone, so hooks never wait for it", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  saveWithoutSemantics(path);
  using vault = openVault(path, { semantics });
  assert.equal(vault.search("terraform workspaces")[0]?.memory.title, "Use Terraform workspaces");
  assert.deepEqual(counts(path), { vectors: 0, backlog: 4 });
});

Deno.test("Vault.backfillVectors() works in bounded batches and resumes where it stopped", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  saveWithoutSemantics(path);
  using vault = openVault(path, { semantics });
  assert.equal(vault.backfillVectors({ limit: 3 }), 3);
  assert.deepEqual(counts(path), { vectors: 3, backlog: 1 });
  assert.equal(vault.backfillVectors({ limit: 3 }), 1);
  assert.equal(vault.backfillVectors({ limit: 3 }), 0);
  assert.deepEqual(counts(path), { vectors: 4, backlog: 0 });
});

Deno.test("Vault.forget(hard) takes a memory off the backlog", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  using plain = openVault(path);
  const id = plain.save({ type: "decision", ...RECORDS[1]! }).memory.id;
  assert.equal(plain.vectorBacklog(), 1);
  plain.forget(id, { hard: true });
  assert.equal(plain.vectorBacklog(), 0);
});

Deno.test("Vault.backfillVectors() settles a memory with no known word without storing a vector", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  {
    using plain = openVault(path);
    plain.save({ type: "note", title: "zzqx", content: "qqvv xxkj" });
  }
  using vault = openVault(path, { semantics });
  assert.equal(vault.backfillVectors(), 1);
  assert.deepEqual(counts(path), { vectors: 0, backlog: 0 });
});

Deno.test("recallSearch() renews a vector made stale by an update without semantics", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  const id = saveRecord(path, semantics);
  const saved = storedVector(path, id);
  {
    using plain = openVault(path);
    plain.update(id, { content: "Nightly database backups are copied to a second region." });
  }
  assert.deepEqual(counts(path), { vectors: 1, backlog: 1 });
  assert.deepEqual(storedVector(path, id), saved);
  {
    using vault = openVault(path, { semantics });
    await recallSearch(vault, "backups", {}, undefined);
  }
  assert.deepEqual(counts(path), { vectors: 1, backlog: 0 });
  assert.notDeepEqual(storedVector(path, id), saved);
});

Deno.test("recallSearch() answers without backfilling while another process holds the write lock", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  saveWithoutSemantics(path);
  using vault = openVault(path, { semantics, lockTimeoutMs: 5_000 });
  const other = new DatabaseSync(path);
  try {
    other.exec("BEGIN IMMEDIATE");
    const started = performance.now();
    const hits = await recallSearch(vault, "terraform workspaces", {}, undefined);
    assert.equal(hits[0]?.memory.title, "Use Terraform workspaces");
    assert.ok(performance.now() - started < 2_000, "the search did not wait for the lock");
    other.exec("ROLLBACK");
  } finally {
    other.close();
  }
  assert.deepEqual(counts(path), { vectors: 0, backlog: 4 });
  assert.equal(vault.backfillVectors(), 4, "the lock timeout is back for the next write");
});

Deno.test("recallSearch() on a read-only vault leaves the backlog for a writer", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  saveWithoutSemantics(path);
  {
    using vault = openVault(path, { semantics, readonly: true });
    const hits = await recallSearch(vault, "terraform workspaces", {}, undefined);
    assert.equal(hits[0]?.memory.title, "Use Terraform workspaces");
    assert.equal(vault.backfillVectors(), 0);
  }
  assert.deepEqual(counts(path), { vectors: 0, backlog: 4 });
});

Deno.test("korva search gives an upgraded schema-1 vault its vectors; korva doctor says how many wait", async () => {
  await using home = tempHome();
  Deno.mkdirSync(home.korvaHome, { recursive: true });
  copyFileSync(SCHEMA_1, join(home.korvaHome, "vault.db"));
  const recallCheck = async () => {
    const doctor = await runKorva(["doctor", "--json"], { env: home.env });
    return JSON.parse(doctor.stdout).checks.find((c: { id: string }) => c.id === "recall");
  };
  assert.deepEqual(await recallCheck(), {
    id: "recall",
    status: "ok",
    message:
      "3 memories wait for their semantic-recall vector; korva search and vault_search add them in batches, korva doctor --fix all at once",
  });
  const search = await runKorva(["search", "idempotency", "--json"], { env: home.env });
  assert.equal(search.code, 0, search.stderr);
  assert.equal(JSON.parse(search.stdout).length, 1);
  assert.deepEqual(await recallCheck(), {
    id: "recall",
    status: "ok",
    message: "every memory has its semantic-recall vector",
  });
  assert.deepEqual(counts(join(home.korvaHome, "vault.db")), { vectors: 3, backlog: 0 });
});

Deno.test("korva doctor --fix gives every memory of an upgraded schema-1 vault its vector", async () => {
  await using home = tempHome();
  Deno.mkdirSync(home.korvaHome, { recursive: true });
  copyFileSync(SCHEMA_1, join(home.korvaHome, "vault.db"));
  const doctor = await runKorva(["doctor", "--fix", "--json"], { env: home.env });
  const check = JSON.parse(doctor.stdout).checks.find((c: { id: string }) => c.id === "recall");
  assert.deepEqual(check, {
    id: "recall",
    status: "ok",
    message: "every memory has its semantic-recall vector",
  });
  assert.deepEqual(counts(join(home.korvaHome, "vault.db")), { vectors: 3, backlog: 0 });
});
