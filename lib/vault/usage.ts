// Usage counters (migration 7): how often each memory was served and each sentinel rule reported
// a finding, with the last time. One prepared upsert per id inside one transaction that does not
// wait for the write lock: a busy vault skips the count rather than delay a hook.
import type { Sql } from "./sql.ts";

/** A memory's recall count. */
export interface RecallCount {
  memory_id: string;
  count: number;
  last_at: string;
}

/** A rule's hit count. */
export interface RuleHitCount {
  rule_id: string;
  count: number;
  last_at: string;
}

// INSERT … SELECT skips an id that is not a memory (a foreign key would fail the whole batch).
const RECALL_UPSERT = `INSERT INTO memory_recalls (memory_id, count, last_at)
  SELECT id, 1, ? FROM memories WHERE id = ?
  ON CONFLICT(memory_id) DO UPDATE SET count = count + 1, last_at = excluded.last_at`;

const HIT_UPSERT = `INSERT INTO rule_hits (rule_id, count, last_at) VALUES (?, ?, ?)
  ON CONFLICT(rule_id) DO UPDATE SET count = count + excluded.count, last_at = excluded.last_at`;

/** Memories served at one time. */
export interface RecallBatch {
  ids: Iterable<string>;
  at: Date;
}

/**
 * Count one recall of each id per batch (duplicates in a batch count once), in one transaction;
 * false, counting nothing, when the lock was busy.
 */
export function recordRecalls(sql: Sql, batches: RecallBatch[]): boolean {
  const rows = batches.flatMap((batch) => {
    const when = batch.at.toISOString();
    return [...new Set([...batch.ids].map((id) => id.toUpperCase()))].map((id) => [when, id]);
  });
  if (rows.length === 0) return true;
  return sql.tryWrite(() => {
    const upsert = sql.prepare(RECALL_UPSERT);
    for (const [when, id] of rows) upsert.run(when!, id!);
    return true;
  }) ?? false;
}

/** Add hits per rule id; false when the lock was busy. */
export function recordRuleHits(sql: Sql, hits: Map<string, number>, at: Date): boolean {
  if (hits.size === 0) return true;
  const when = at.toISOString();
  return sql.tryWrite(() => {
    const upsert = sql.prepare(HIT_UPSERT);
    for (const [rule, count] of hits) if (count > 0) upsert.run(rule, count, when);
    return true;
  }) ?? false;
}

/** The most recalled memories, most first (ties: most recent first). */
export function mostRecalled(sql: Sql, limit: number): RecallCount[] {
  return sql.prepare(
    "SELECT memory_id, count, last_at FROM memory_recalls ORDER BY count DESC, last_at DESC LIMIT ?",
  ).all(limit).map((row) => ({
    memory_id: String(row.memory_id),
    count: Number(row.count),
    last_at: String(row.last_at),
  }));
}

/** One memory's recall count, or undefined when never recalled. */
export function recallsOf(sql: Sql, id: string): RecallCount | undefined {
  const row = sql.prepare(
    "SELECT memory_id, count, last_at FROM memory_recalls WHERE memory_id = ?",
  )
    .get(id.toUpperCase());
  return row
    ? { memory_id: String(row.memory_id), count: Number(row.count), last_at: String(row.last_at) }
    : undefined;
}

/** Every rule's hit count, most first. */
export function ruleHits(sql: Sql): RuleHitCount[] {
  return sql.prepare("SELECT rule_id, count, last_at FROM rule_hits ORDER BY count DESC, rule_id")
    .all().map((row) => ({
      rule_id: String(row.rule_id),
      count: Number(row.count),
      last_at: String(row.last_at),
    }));
}
