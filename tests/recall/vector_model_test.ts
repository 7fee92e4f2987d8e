// Memory vectors of another model (an older korva's word vectors) are never compared with the
// current model's: a search ignores them, saves leave new memories waiting, and the next backfill
// drops them all and recomputes every memory's vector.
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { recallSearch } from "../../lib/recall/embeddings.ts";
import { loadSemantics, VECTOR_MODEL } from "../../lib/recall/mod.ts";
import type { SearchCandidate, SearchSemantics } from "../../lib/vault/search.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { runKorva, tempDir, tempHome } from "../_helpers.ts";
import { RECORDS, storedVector } from "./_records.ts";

const shipped = loadSemantics();

/** The shipped semantics under another model name, recording the vectors each rerank sees. */
function semanticsAs(model: string, seen: (Int8Array | undefined)[][] = []): SearchSemantics {
  return {
    ...shipped,
    model,
    rerank(query: string, candidates: SearchCandidate[], limit: number) {
      seen.push(candidates.map((c) => c.vector));
      return shipped.rerank(query, candidates, limit);
    },
  };
}

/** An "old model" whose every vector is all ones, so its vectors are told apart. */
const OLD: SearchSemantics = { ...semanticsAs("old"), vectorize: () => new Int8Array(300).fill(1) };

function read(path: string, sql: string): unknown[] {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return db.prepare(sql).all().map((row) => Object.values(row)[0]);
  } finally {
    db.close();
  }
}

function saveAll(path: string, semantics: SearchSemantics | undefined): string[] {
  using vault = openVault(path, semantics ? { semantics } : {});
  return RECORDS.map((r) => vault.save({ type: "decision", ...r }).memory.id);
}

Deno.test("a new vault records the model of the vectors it stores", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  saveAll(path, shipped);
  assert.deepEqual(read(path, "SELECT value FROM meta WHERE key = 'vector_model'"), [VECTOR_MODEL]);
  assert.deepEqual(read(path, "SELECT count(*) FROM memory_vectors"), [4]);
});

Deno.test("a search never compares the query with vectors of another model, and recallSearch recomputes them all", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  const ids = saveAll(path, OLD);
  assert.deepEqual(read(path, "SELECT value FROM meta WHERE key = 'vector_model'"), ["old"]);
  const seen: (Int8Array | undefined)[][] = [];
  const current = semanticsAs("new", seen);
  {
    using vault = openVault(path, { semantics: current });
    assert.equal(vault.vectorBacklog(), 4);
    // A save while the vectors are stale stores none: the memory waits with the others.
    const extra = vault.save({ type: "decision", title: "Rotate keys", content: "Quarterly." });
    assert.equal(storedVector(path, extra.memory.id), undefined);
    vault.search("servers at night cost money");
    assert.ok(seen.length > 0);
    assert.deepEqual(seen.flat().filter((v) => v !== undefined), []);
    await recallSearch(vault, "servers at night cost money", {}, undefined);
    assert.equal(vault.vectorBacklog(), 0);
  }
  assert.deepEqual(read(path, "SELECT value FROM meta WHERE key = 'vector_model'"), ["new"]);
  assert.deepEqual(read(path, "SELECT count(*) FROM memory_vectors"), [5]);
  assert.deepEqual(read(path, "SELECT count(*) FROM memory_vector_backlog"), [0]);
  for (const [i, id] of ids.entries()) {
    const r = RECORDS[i]!;
    const expected = shipped.vectorize([r.title, r.title, r.content, ""].join("\n"))!;
    assert.deepEqual(storedVector(path, id), [...new Uint8Array(expected.buffer)]);
  }
  seen.length = 0;
  {
    using vault = openVault(path, { semantics: current });
    vault.search("servers at night cost money");
  }
  assert.equal(seen.flat().filter((v) => v !== undefined).length, seen.flat().length);
});

Deno.test("vectors stored before vaults named their model are model 1", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  saveAll(path, OLD);
  const db = new DatabaseSync(path);
  db.exec("DELETE FROM meta WHERE key = 'vector_model'");
  db.close();
  const seen: (Int8Array | undefined)[][] = [];
  {
    using vault = openVault(path, { semantics: semanticsAs("1", seen) });
    assert.equal(vault.vectorBacklog(), 0);
    assert.equal(vault.backfillVectors(), 0);
    vault.search("servers at night cost money");
  }
  assert.ok(seen.flat().length > 0);
  assert.equal(seen.flat().filter((v) => v !== undefined).length, seen.flat().length);
  using vault = openVault(path, { semantics: semanticsAs("2") });
  assert.equal(vault.vectorBacklog(), 4);
  assert.equal(vault.backfillVectors(), 4);
  assert.deepEqual(read(path, "SELECT value FROM meta WHERE key = 'vector_model'"), ["2"]);
});

Deno.test("korva doctor counts every memory of a vault with model-1 vectors as waiting, and --fix recomputes them", async () => {
  await using home = tempHome();
  Deno.mkdirSync(home.korvaHome, { recursive: true });
  const path = join(home.korvaHome, "vault.db");
  const ids = saveAll(path, OLD);
  const db = new DatabaseSync(path);
  db.exec("DELETE FROM meta WHERE key = 'vector_model'");
  db.close();
  const recallCheck = async (args: string[]) => {
    const doctor = await runKorva(["doctor", ...args, "--json"], { env: home.env });
    return JSON.parse(doctor.stdout).checks.find((c: { id: string }) => c.id === "recall");
  };
  assert.deepEqual(await recallCheck([]), {
    id: "recall",
    status: "ok",
    message:
      "4 memories wait for their semantic-recall vector; korva search and vault_search add them in batches, korva doctor --fix all at once",
  });
  assert.deepEqual(await recallCheck(["--fix"]), {
    id: "recall",
    status: "ok",
    message: "every memory has its semantic-recall vector",
  });
  assert.deepEqual(read(path, "SELECT value FROM meta WHERE key = 'vector_model'"), [VECTOR_MODEL]);
  const r = RECORDS[0]!;
  const expected = shipped.vectorize([r.title, r.title, r.content, ""].join("\n"))!;
  assert.deepEqual(storedVector(path, ids[0]!), [...new Uint8Array(expected.buffer)]);
});
