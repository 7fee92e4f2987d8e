// Rewriting every stored text (scan-vault): live memories in batches, history snapshots and
// session goals, then an FTS rebuild and a VACUUM so no old text survives on disk.
import { LOCK_TIMEOUT_MS, type Vault } from "./store.ts";
import type { Sql } from "./sql.ts";
import { sqliteFailure } from "./sqlite_error.ts";
import { mapTextFields } from "../text_fields.ts";
import { MEMORY_TEXT_FIELDS } from "./export.ts";
import { contentHash } from "./rows.ts";
import type { Memory } from "./types.ts";

/** Text fields a rewrite (scan-vault) may change: the memory's texts and its metadata. */
export interface TextFields {
  title: string;
  content: string;
  why: string | null;
  tags: string[];
  files: string[];
  project: string;
  author: string | null;
  source: string;
  client: string | null;
  owner: string | null;
  shared_by: string | null;
}

/** A memory's (or a snapshot's) text fields alone, with `transform` applied to each. */
function textFieldsOf(memory: TextFields, transform: (text: string) => string): TextFields {
  const fields = Object.fromEntries(MEMORY_TEXT_FIELDS.map((field) => [field, memory[field]]));
  return mapTextFields(fields as unknown as TextFields, MEMORY_TEXT_FIELDS, transform);
}

/** What a rewrite of every stored text changed. */
export interface RewriteResult {
  scanned: number;
  changed: string[];
  historyChanged: number;
  sessionsChanged: number;
}

/** How many memories one rewrite transaction handles, so other writers wait briefly. */
const REWRITE_BATCH = 500;

/** How each kind of stored text is cleaned: live memories, history snapshots, session goals. */
export interface Cleaners {
  live: (text: string) => string;
  history: (text: string) => string;
  text: (text: string) => string;
}

/**
 * Rewrite every stored text through `clean` (scan-vault): live memories, history snapshots and
 * session goals, in batches so other writers wait at most one batch; then the FTS index is
 * rebuilt and the file compacted so no old text survives in free pages or the WAL.
 */
export function rewriteTexts(
  vault: Vault,
  sql: Sql,
  cleaners: Cleaners,
  options: { dryRun?: boolean } = {},
): RewriteResult {
  const result: RewriteResult = {
    scanned: 0,
    changed: [],
    historyChanged: 0,
    sessionsChanged: 0,
  };
  const dryRun = options.dryRun ?? false;
  const clean = (memory: Memory) => textFieldsOf(memory, cleaners.live);
  const cleanText = cleaners.text;
  const ids = sql.prepare("SELECT id FROM memories ORDER BY id").all()
    .map((r) => String(r.id));
  const lastHistoryRow = Number(
    sql.prepare("SELECT coalesce(max(rowid), 0) AS n FROM memory_history").get()?.n ?? 0,
  );
  if (!dryRun) sql.db.exec("PRAGMA secure_delete = ON");
  for (let i = 0; i < ids.length; i += REWRITE_BATCH) {
    const batch = ids.slice(i, i + REWRITE_BATCH).map((id) => vault.get(id))
      .filter((m): m is Memory => m !== undefined);
    const changes = batch.map((memory) => ({ memory, next: clean(memory) }))
      .filter(({ memory, next }) => !sameText(memory, next));
    result.scanned += batch.length;
    result.changed.push(...changes.map(({ memory }) => memory.id));
    if (!dryRun && changes.length > 0) {
      sql.write(() => {
        for (const { memory, next } of changes) {
          const { project, author, source, client, owner, shared_by, ...texts } = next;
          vault.update(memory.id, { ...texts, owner, shared_by });
          sql.prepare(
            `UPDATE memories SET project = ?, author = ?, source = ?, client = ?,
               content_hash = ? WHERE id = ?`,
          ).run(
            project,
            author,
            source,
            client,
            contentHash(project, next.title, next.content),
            memory.id,
          );
        }
      });
    }
  }
  const snapshots = sql.prepare("SELECT rowid, snapshot FROM memory_history").all();
  const historyChanges: Array<[number, string]> = [];
  for (const row of snapshots) {
    const snapshot = withDefaults(JSON.parse(String(row.snapshot)) as Partial<Memory>);
    const next = textFieldsOf(snapshot, cleaners.history);
    if (sameText(snapshot, next)) continue;
    if (Number(row.rowid) <= lastHistoryRow) result.historyChanged++;
    historyChanges.push([Number(row.rowid), JSON.stringify({ ...snapshot, ...next })]);
  }
  const sessions = sql.prepare("SELECT id, goal FROM sessions WHERE goal IS NOT NULL")
    .all().map((row) => ({ id: String(row.id), goal: String(row.goal) }))
    .map((s) => ({ ...s, next: cleanText(s.goal) })).filter((s) => s.next !== s.goal);
  result.sessionsChanged = sessions.length;
  const touched = result.changed.length + historyChanges.length + sessions.length > 0;
  if (dryRun || !touched) return result;
  sql.write(() => {
    const setSnapshot = sql.prepare(
      "UPDATE memory_history SET snapshot = ? WHERE rowid = ?",
    );
    for (const [rowid, snapshot] of historyChanges) setSnapshot.run(snapshot, rowid);
    const setGoal = sql.prepare("UPDATE sessions SET goal = ? WHERE id = ?");
    for (const s of sessions) setGoal.run(s.next, s.id);
    // FTS5 keeps deleted tokens in old segments until they merge: rebuild from the rows.
    sql.db.exec("INSERT INTO memories_fts(memories_fts) VALUES ('rebuild')");
  });
  try {
    // Move everything out of the WAL, rewrite the file without free pages, empty the WAL.
    sql.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    sql.db.exec("VACUUM");
    sql.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (error) {
    throw sqliteFailure(error, vault.path, "compact", LOCK_TIMEOUT_MS);
  }
  return result;
}

function sameText(a: TextFields, b: TextFields): boolean {
  return MEMORY_TEXT_FIELDS.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

/** A history snapshot from before schema 2 has no client, owner or shared_by. */
function withDefaults(snapshot: Partial<Memory>): Memory {
  return { client: null, owner: null, shared_by: null, ...snapshot } as Memory;
}
