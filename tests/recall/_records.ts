// Shared by the recall tests: four decision records, saving one, and reading a memory's stored
// vector.
import { DatabaseSync } from "node:sqlite";
import type { SearchSemantics } from "../../lib/vault/search.ts";
import { openVault } from "../../lib/vault/mod.ts";

/** Four short decision records about unrelated topics. */
export const RECORDS = [
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

/** The stored vector of a memory, read with a plain read-only connection (undefined: none). */
export function storedVector(path: string, id: string): number[] | undefined {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const row = db.prepare("SELECT vector FROM memory_vectors WHERE memory_id = ?").get(id);
    return row ? [...(row.vector as Uint8Array)] : undefined;
  } finally {
    db.close();
  }
}

/** Save the first record in the vault at `path` (opened with these semantics); its id. */
export function saveRecord(path: string, semantics: SearchSemantics): string {
  using vault = openVault(path, { semantics });
  return vault.save({ type: "decision", ...RECORDS[0]! }).memory.id;
}
