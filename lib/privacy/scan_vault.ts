// Re-check everything stored in a vault with the current detectors and redact what older rules
// missed: memories, their history snapshots and session goals. Then rebuild the full-text index
// and compact the database so the old bytes leave the file and the WAL too.
import type { Memory } from "../vault/types.ts";
import type { Vault } from "../vault/store.ts";
import type { Finding, Redactor } from "./redact.ts";

/** What a scan found and changed. */
export interface ScanVaultResult {
  /** Memories looked at. */
  scanned: number;
  /** Ids of memories with something redacted (or to redact, in a dry run). */
  changed: string[];
  /** History snapshots and session goals rewritten. */
  historyChanged: number;
  sessionsChanged: number;
  /** Findings per detector id. */
  findings: Record<string, number>;
  dryRun: boolean;
}

type TextFields = Pick<Memory, "title" | "content" | "why" | "tags" | "files">;

/** Scan every memory, history snapshot and session goal; redact in place unless `dryRun`. */
export function scanVault(
  vault: Vault,
  redactor: Redactor,
  options: { dryRun?: boolean } = {},
): ScanVaultResult {
  const dryRun = options.dryRun ?? false;
  const result: ScanVaultResult = {
    scanned: 0,
    changed: [],
    historyChanged: 0,
    sessionsChanged: 0,
    findings: {},
    dryRun,
  };
  const count = (findings: Finding[]) => {
    for (const f of findings) result.findings[f.detector] = (result.findings[f.detector] ?? 0) + 1;
  };
  // Findings are counted for live memories only; history and sessions are counted by row.
  let counting = true;
  const clean = (text: string): string => {
    const redacted = redactor.redact(text);
    if (counting) count(redacted.findings);
    return redacted.text;
  };
  const cleanFields = (m: TextFields): TextFields => ({
    title: clean(m.title),
    content: clean(m.content),
    why: m.why === null ? null : clean(m.why),
    tags: m.tags.map(clean),
    files: m.files.map(clean),
  });
  const same = (a: TextFields, b: TextFields) =>
    a.title === b.title && a.content === b.content && a.why === b.why &&
    JSON.stringify(a.tags) === JSON.stringify(b.tags) &&
    JSON.stringify(a.files) === JSON.stringify(b.files);

  const db = vault.db;
  db.exec("BEGIN IMMEDIATE");
  try {
    // Freed cells and pages are overwritten with zeros instead of keeping the old text.
    db.exec("PRAGMA secure_delete = ON");
    const ids = db.prepare("SELECT id FROM memories ORDER BY id").all().map((r) => String(r.id));
    const lastHistoryRow = Number(
      db.prepare("SELECT coalesce(max(rowid), 0) AS n FROM memory_history").get()?.n ?? 0,
    );
    for (const id of ids) {
      const memory = vault.get(id);
      if (!memory) continue;
      result.scanned++;
      const next = cleanFields(memory);
      if (same(memory, next)) continue;
      result.changed.push(id);
      if (!dryRun) vault.update(id, next);
    }
    counting = false;
    // Snapshots of earlier versions (including the ones update() just wrote) hold old text.
    const snapshots = db.prepare("SELECT rowid, snapshot FROM memory_history").all();
    const setSnapshot = db.prepare("UPDATE memory_history SET snapshot = ? WHERE rowid = ?");
    for (const row of snapshots) {
      const snapshot = JSON.parse(String(row.snapshot)) as Memory;
      const next = cleanFields(snapshot);
      if (same(snapshot, next)) continue;
      if (Number(row.rowid) <= lastHistoryRow) result.historyChanged++;
      if (!dryRun) setSnapshot.run(JSON.stringify({ ...snapshot, ...next }), Number(row.rowid));
    }
    const sessions = db.prepare("SELECT id, goal FROM sessions WHERE goal IS NOT NULL").all();
    const setGoal = db.prepare("UPDATE sessions SET goal = ? WHERE id = ?");
    for (const row of sessions) {
      const goal = String(row.goal);
      const next = clean(goal);
      if (next === goal) continue;
      result.sessionsChanged++;
      if (!dryRun) setGoal.run(next, String(row.id));
    }
    const touched = result.changed.length + result.historyChanged + result.sessionsChanged > 0;
    if (touched && !dryRun) {
      // FTS5 keeps deleted tokens in old segments until they merge: rebuild from the rows.
      db.exec("INSERT INTO memories_fts(memories_fts) VALUES ('rebuild')");
    }
    db.exec(dryRun ? "ROLLBACK" : "COMMIT");
    if (touched && !dryRun) {
      // Move everything out of the WAL, rewrite the file without free pages, empty the WAL.
      db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
      db.exec("VACUUM");
      db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  } catch (error) {
    if (db.isTransaction) db.exec("ROLLBACK");
    throw error;
  }
  return result;
}
