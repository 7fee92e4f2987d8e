// Semantic recall: related words, memory vectors and the gated rerank, over the shipped tables.
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { loadSemantics } from "../../lib/recall/mod.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { tempDir } from "../_helpers.ts";

const semantics = loadSemantics({ abbreviations: { pii: "personal data" } });

const RECORDS = [
  {
    title: "Use a Go Lambda for instance scheduling",
    content: "We shut down non-production EC2 instances outside working hours to save money and " +
      "energy. A scheduled Lambda written in Go stops them in the evening and starts them in " +
      "the morning, driven by a tag on each instance.",
  },
  {
    title: "Use Terraform workspaces",
    content: "Terraform workspaces keep one code base for every environment while the state " +
      "files stay separate.",
  },
  {
    title: "Patching strategy",
    content: "Operating system packages are updated weekly by SSM patch manager so that hosts " +
      "receive security fixes.",
  },
  {
    title: "Backup strategy",
    content: "Production volumes are snapshotted nightly with AWS Backup and kept for 30 days.",
  },
];

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

Deno.test("Vault.search() with semantics finds a paraphrase that shares no word with the memory", async () => {
  await using dir = tempDir();
  using plain = openVault(join(dir.path, "plain.db"));
  using vault = openVault(join(dir.path, "vault.db"), { semantics });
  const ids = RECORDS.map((r) => vault.save({ type: "decision", ...r }).memory.id);
  for (const r of RECORDS) plain.save({ type: "decision", ...r });
  const query = "turn off servers at night so the bill is lower";
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
  let id: string;
  const vectorOf = () => {
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      const row = db.prepare("SELECT vector FROM memory_vectors WHERE memory_id = ?").get(id);
      return row ? [...(row.vector as Uint8Array)] : undefined;
    } finally {
      db.close();
    }
  };
  {
    using vault = openVault(path, { semantics });
    id = vault.save({ type: "decision", ...RECORDS[0]! }).memory.id;
  }
  const saved = vectorOf();
  assert.equal(saved?.length, 300);
  {
    using vault = openVault(path, { semantics });
    vault.update(id, { content: "Nightly database backups are copied to a second region." });
  }
  const updated = vectorOf();
  assert.equal(updated?.length, 300);
  assert.notDeepEqual(updated, saved);
  {
    using vault = openVault(path, { semantics });
    vault.forget(id, { hard: true });
  }
  assert.equal(vectorOf(), undefined);
});
