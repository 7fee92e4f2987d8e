// Semantic recall's memory vectors (table memory_vectors, migration 4): one int8 vector per
// memory, written beside it at save and update, read back for reranking; and the optional
// embeddings of a local embeddings server (memory_embeddings, migration 5).
import { filterSql } from "./filter.ts";
import { SCAN_LIMIT } from "./search.ts";
import type { Sql } from "./sql.ts";
import { M_COLUMNS, toMemory } from "./rows.ts";
import type { Memory, MemoryFilter } from "./types.ts";

/**
 * The text a memory's vector is computed from, most telling first (vectorize reads a long
 * memory's start): the title twice, the tags, then the content and the why.
 */
export function vectorText(memory: Pick<Memory, "title" | "content" | "why" | "tags">): string {
  return [memory.title, memory.title, ...memory.tags, memory.content, memory.why ?? ""].join("\n");
}

/** The cosine of two vectors (over their common length); 0 when either is all zeros. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Store (or replace) a memory's vector; undefined (no known word) only settles its backlog entry. */
export function storeVector(sql: Sql, id: string, vector: Int8Array | undefined): void {
  if (vector) {
    sql.prepare(
      "INSERT INTO memory_vectors (memory_id, vector) VALUES (?, ?) " +
        "ON CONFLICT(memory_id) DO UPDATE SET vector = excluded.vector",
    ).run(id, new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength));
  }
  sql.prepare("DELETE FROM memory_vector_backlog WHERE memory_id = ?").run(id);
}

/**
 * The model of vectors stored before a vault recorded one (meta 'vector_model'): the first
 * shipped word vectors.
 */
export const UNRECORDED_VECTOR_MODEL = "1";

/**
 * The model the stored vectors were computed with: meta 'vector_model', else
 * UNRECORDED_VECTOR_MODEL when the vault holds vectors, else undefined (none yet).
 */
export function storedVectorModel(sql: Sql): string | undefined {
  const row = sql.prepare("SELECT value FROM meta WHERE key = 'vector_model'").get();
  if (row) return String(row.value);
  return sql.prepare("SELECT 1 FROM memory_vectors LIMIT 1").get()
    ? UNRECORDED_VECTOR_MODEL
    : undefined;
}

/** Record which model the stored vectors come from. */
export function recordVectorModel(sql: Sql, model: string): void {
  sql.prepare(
    "INSERT INTO meta (key, value) VALUES ('vector_model', ?) " +
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(model);
}

/**
 * The vectors' model changed: drop every stored vector (they cannot be compared with the new
 * model's) and list every memory for a new one.
 */
export function resetVectors(sql: Sql, model: string): void {
  sql.prepare("DELETE FROM memory_vectors").run();
  sql.prepare("INSERT OR IGNORE INTO memory_vector_backlog (memory_id) SELECT id FROM memories")
    .run();
  recordVectorModel(sql, model);
}

/** How many memories wait for their vector (migration 8); all of them when `stale`. */
export function vectorBacklogSize(sql: Sql, stale = false): number {
  const table = stale ? "memories" : "memory_vector_backlog";
  return Number(sql.prepare(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0);
}

/** Up to `limit` memories whose vector is missing or stale (migration 8), newest first. */
export function vectorBacklog(sql: Sql, limit: number): Memory[] {
  return sql.prepare(
    `SELECT ${M_COLUMNS} FROM memory_vector_backlog b JOIN memories m ON m.id = b.memory_id
     ORDER BY b.memory_id DESC LIMIT ?`,
  ).all(limit).map(toMemory);
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
  // Counting up to SCAN_LIMIT + 1 rows costs about 0.4 ms; kept until the vault changes.
  const kept = sql.derived();
  let stored = kept.get("stored vectors") as number | undefined;
  if (stored === undefined) {
    stored = Number(
      sql.prepare("SELECT count(*) AS n FROM (SELECT 1 FROM memory_vectors LIMIT ?)")
        .get(SCAN_LIMIT + 1)?.n ?? 0,
    );
    kept.set("stored vectors", stored);
  }
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

/** Up to `limit` active memories without an embedding from `model`: id and the text to embed. */
export function missingEmbeddings(
  sql: Sql,
  model: string,
  limit: number,
): { id: string; text: string }[] {
  return sql.prepare(
    `SELECT m.id, m.title, m.content FROM memories m
     LEFT JOIN memory_embeddings e ON e.memory_id = m.id AND e.model = ?
     WHERE e.memory_id IS NULL AND m.status = 'active' ORDER BY m.rowid DESC LIMIT ?`,
  ).all(model, limit).map((row) => ({
    id: String(row.id),
    text: `${String(row.title)}\n${String(row.content)}`,
  }));
}

/** Store (or replace) a memory's embedding. */
export function storeEmbedding(sql: Sql, id: string, model: string, vector: Int8Array): void {
  sql.prepare(
    "INSERT INTO memory_embeddings (memory_id, model, vector) VALUES (?, ?, ?) " +
      "ON CONFLICT(memory_id) DO UPDATE SET model = excluded.model, vector = excluded.vector",
  ).run(id, model, new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength));
}

/** Forget a memory's embedding (its text changed). */
export function dropEmbedding(sql: Sql, id: string): void {
  sql.prepare("DELETE FROM memory_embeddings WHERE memory_id = ?").run(id);
}

/**
 * Embeddings from `model` of the memories the filter selects: of `ids` when given, else of all
 * of them, or undefined when that is more than SCAN_LIMIT.
 */
export function embeddingsFor(
  sql: Sql,
  model: string,
  filter: MemoryFilter,
  ids?: string[],
): Map<string, Int8Array> | undefined {
  const { where, params } = filterSql(sql, filter);
  const conditions = ["e.model = ?", ...where];
  if (ids) conditions.push("e.memory_id IN (SELECT value FROM json_each(?))");
  const rows = sql.prepare(
    `SELECT e.memory_id, e.vector FROM memory_embeddings e JOIN memories m ON m.id = e.memory_id
     WHERE ${conditions.join(" AND ")} LIMIT ?`,
  ).all(model, ...params, ...(ids ? [JSON.stringify(ids)] : []), SCAN_LIMIT + 1);
  return !ids && rows.length > SCAN_LIMIT ? undefined : toMap(rows);
}
