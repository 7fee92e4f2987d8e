// Semantic recall's memory vectors (table memory_vectors, migration 3): one int8 vector per
// memory, written beside it at save and update, read back for reranking.
import { filterSql } from "./filter.ts";
import { SCAN_LIMIT } from "./search.ts";
import type { Sql } from "./sql.ts";
import type { MemoryFilter } from "./types.ts";

/** Store (or replace) a memory's vector. */
export function storeVector(sql: Sql, id: string, vector: Int8Array): void {
  sql.prepare(
    "INSERT INTO memory_vectors (memory_id, vector) VALUES (?, ?) " +
      "ON CONFLICT(memory_id) DO UPDATE SET vector = excluded.vector",
  ).run(id, new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength));
}

/** The stored vectors of these memories (memories without one are absent). */
export function vectorsOf(sql: Sql, ids: string[]): Map<string, Int8Array> {
  return toMap(
    sql.prepare(
      "SELECT memory_id, vector FROM memory_vectors WHERE memory_id IN (SELECT value FROM json_each(?))",
    ).all(JSON.stringify(ids)),
  );
}

/** Every vector of the memories the filter selects; undefined when the vault holds too many. */
export function scanVectors(sql: Sql, filter: MemoryFilter): Map<string, Int8Array> | undefined {
  const stored = Number(
    sql.prepare("SELECT count(*) AS n FROM (SELECT 1 FROM memory_vectors LIMIT ?)")
      .get(SCAN_LIMIT + 1)?.n ?? 0,
  );
  if (stored > SCAN_LIMIT) return undefined;
  const { where, params } = filterSql(sql, filter);
  return toMap(
    sql.prepare(
      `SELECT v.memory_id, v.vector FROM memory_vectors v JOIN memories m ON m.id = v.memory_id
       ${where.length ? "WHERE " + where.join(" AND ") : ""}`,
    ).all(...params),
  );
}

function toMap(rows: Record<string, unknown>[]): Map<string, Int8Array> {
  return new Map(rows.map((row) => {
    const bytes = row.vector as Uint8Array;
    return [String(row.memory_id), new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length)];
  }));
}
