// Semantic recall: related words, memory vectors and the gated rerank, over the shipped tables.
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadSemantics } from "../../lib/recall/mod.ts";
import { HEAD_TERMS } from "../../lib/recall/semantics.ts";
import { textTerms } from "../../lib/recall/terms.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { tempDir } from "../_helpers.ts";
import { RECORDS, saveRecord, storedVector } from "./_records.ts";

const semantics = loadSemantics({ abbreviations: { pii: "personal data" } });

Deno.test("related() expands abbreviations, the team's entries included, above vector neighbours", () => {
  const related = semantics.related(["k8s", "pii"]);
  assert.deepEqual(related.slice(0, 3), [
    { term: "kubernetes", weight: 0.9 },
    { term: "personal", weight: 0.9 },
    { term: "data", weight: 0.9 },
  ]);
  assert.ok(related.length <= 8);
});

Deno.test("vectorize() gives at most 400 bytes, and nothing for text without known words", () => {
  const vector = semantics.vectorize("We rotate the database credentials every 90 days");
  assert.ok(vector instanceof Int8Array);
  assert.ok(vector.byteLength <= 400);
  assert.equal(semantics.vectorize("zzqx qqvv"), undefined);
});

Deno.test("vectorize() reads a memory's first HEAD_TERMS words: a long tail on another topic leaves the vector as it is", () => {
  const words = "payment retries reuse one idempotency key so a customer is charged once".split(
    " ",
  );
  const counted = textTerms(words.join(" ")).length; // stopwords do not count
  const repeats = Math.ceil(HEAD_TERMS / counted);
  const head = Array.from({ length: repeats }, () => words.join(" ")).join(" ");
  const withTail = `${head} kubernetes ingress certificates rotate through the cluster issuer`;
  assert.deepEqual(semantics.vectorize(withTail), semantics.vectorize(head));
  assert.notDeepEqual(
    semantics.vectorize(`${words.join(" ")} kubernetes ingress certificates`),
    semantics.vectorize(words.join(" ")),
  );
});

Deno.test("Vault.search() with semantics finds a paraphrase that shares no word with the memory", async () => {
  await using dir = tempDir();
  using plain = openVault(join(dir.path, "plain.db"));
  using vault = openVault(join(dir.path, "vault.db"), { semantics });
  const ids = RECORDS.map((r) => vault.save({ type: "decision", ...r }).memory.id);
  for (const r of RECORDS) plain.save({ type: "decision", ...r });
  const query = "switch off test machines at night to cut costs";
  assert.deepEqual(plain.search(query), []);
  assert.equal(vault.search(query, { limit: 3 })[0]?.memory.id, ids[0]);
});

Deno.test("Vault.search() with semantics keeps the lexical order when every word matches", async () => {
  await using dir = tempDir();
  using plain = openVault(join(dir.path, "plain.db"));
  using smart = openVault(join(dir.path, "smart.db"), { semantics });
  for (const r of RECORDS) {
    plain.save({ type: "decision", ...r });
    smart.save({ type: "decision", ...r });
  }
  const order = (hits: { memory: { title: string } }[]) => hits.map((h) => h.memory.title);
  assert.deepEqual(
    order(smart.search("terraform workspaces state")),
    order(plain.search("terraform workspaces state")),
  );
});

Deno.test("Vault stores a memory's vector at save, replaces it on update, drops it on hard forget", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  const id = saveRecord(path, semantics);
  const saved = storedVector(path, id);
  assert.equal(saved?.length, 300);
  {
    using vault = openVault(path, { semantics });
    vault.update(id, { content: "Nightly database backups are copied to a second region." });
  }
  const updated = storedVector(path, id);
  assert.equal(updated?.length, 300);
  assert.notDeepEqual(updated, saved);
  {
    using vault = openVault(path, { semantics });
    vault.forget(id, { hard: true });
  }
  assert.equal(storedVector(path, id), undefined);
});
