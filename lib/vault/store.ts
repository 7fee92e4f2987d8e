// The Vault: every read and write of vault.db (node:sqlite, WAL, FTS5). The connection is
// private; other modules call these methods, never SQL. Input arrives validated and redacted
// from lib/memory; the vault checks its schema again and keeps rows, links and FTS consistent.
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { monotonicFactory } from "ulid";
import type { z } from "zod";
import { KorvaError, messageOf, notFoundError } from "../errors.ts";
import { anchorCovers, anchorsFor, filterSql, whereClause } from "./filter.ts";
import { searchMemories } from "./rank.ts";
import {
  clampLimit,
  contentHash,
  M_COLUMNS,
  MEMORY_COLUMNS,
  type Row,
  termsOf,
  toMemory,
  toRow,
  uniq,
} from "./rows.ts";
import { migrate, SCHEMA_VERSION } from "./schema.ts";
import { Sql } from "./sql.ts";
import { sqliteFailure } from "./sqlite_error.ts";
import { TeamState } from "./team_state.ts";
import {
  ImportLine,
  type Memory,
  type MemoryFilter,
  MemoryPatch,
  NewMemory,
  type Provenance,
  type SaveResult,
  type SearchHit,
  type ValidNewMemory,
} from "./types.ts";
import picomatch from "picomatch";

export { SCHEMA_VERSION };

/** Options for opening a vault. */
export interface OpenOptions {
  /** Clock; defaults to the system clock. */
  now?: () => Date;
  /** Default project for saves that name none (a function is called once, on first need). */
  project?: string | (() => string);
  /** Default author for saves that name none. */
  author?: string;
  readonly?: boolean;
  /** How long a write waits for another process's lock before giving up (default 10 s). */
  lockTimeoutMs?: number;
}

/** How long a write waits for the lock by default. */
export const LOCK_TIMEOUT_MS = 10_000;

/** Counts by type, project, scope, status; database size in bytes. */
export interface VaultStats {
  total: number;
  byType: Record<string, number>;
  byProject: Record<string, number>;
  byScope: Record<string, number>;
  byStatus: Record<string, number>;
  sizeBytes: number;
  schemaVersion: number;
  path: string;
}

/** A working session started by an AI client. */
export interface SessionRecord {
  id: string;
  project: string;
  goal: string | null;
  started_at: string;
  ended_at: string | null;
  summary_id: string | null;
}

/** Text fields a rewrite (scan-vault) may change. */
export interface TextFields {
  title: string;
  content: string;
  why: string | null;
  tags: string[];
  files: string[];
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

/** An open vault. Close it when done (`using vault = openVault(…)`). */
export class Vault {
  readonly path: string;
  /** Team sync state per repository. */
  readonly team: TeamState;
  readonly #db: DatabaseSync;
  readonly #sql: Sql;
  readonly #now: () => Date;
  #project: string | (() => string);
  readonly #author: string | undefined;
  readonly #ulid = monotonicFactory();

  constructor(path: string, db: DatabaseSync, options: OpenOptions) {
    this.path = path;
    this.#db = db;
    this.#sql = new Sql(db, path, options.lockTimeoutMs ?? LOCK_TIMEOUT_MS);
    this.team = new TeamState(this.#sql);
    this.#now = options.now ?? (() => new Date());
    this.#project = options.project ?? "default";
    this.#author = options.author;
  }

  /** Run fn in one write transaction: everything it writes commits together or not at all. */
  transaction<T>(fn: () => T): T {
    return this.#sql.write(fn);
  }

  /**
   * Save a new memory; an identical title+content in the same project returns the existing one.
   * Provenance (commit, client, confirmed, flags, who shared it) comes from the memory layer.
   */
  save(input: NewMemory, provenance: Provenance = {}): SaveResult {
    const valid = parseInput(NewMemory, input, "Cannot save memory");
    return this.#sql.write(() => this.#insert(valid, provenance, {}));
  }

  /** One memory by id (case-insensitive), or undefined. */
  get(id: string): Memory | undefined {
    const row = this.#sql.prepare(`SELECT ${MEMORY_COLUMNS} FROM memories WHERE id = ?`)
      .get(id.trim().toUpperCase());
    return row ? toMemory(row) : undefined;
  }

  /** One memory by id, or a not-found KorvaError naming the id. */
  require(id: string): Memory {
    const memory = this.get(id);
    if (!memory) throw notFoundError("memory", id);
    return memory;
  }

  /** Several memories by id, in the order asked; unknown ids are skipped. */
  getMany(ids: string[]): Memory[] {
    return ids.map((id) => this.get(id)).filter((m): m is Memory => m !== undefined);
  }

  /** Change fields of a memory, keeping the previous version in memory_history. */
  update(id: string, patch: MemoryPatch): Memory {
    const valid = parseInput(MemoryPatch, patch, "Cannot update memory");
    return this.#sql.write(() => {
      const current = this.require(id);
      const next: Memory = {
        ...current,
        ...(valid.type !== undefined ? { type: valid.type } : {}),
        ...(valid.title !== undefined ? { title: valid.title } : {}),
        ...(valid.content !== undefined ? { content: valid.content } : {}),
        ...(valid.why !== undefined ? { why: valid.why === "" ? null : valid.why } : {}),
        ...(valid.tags !== undefined ? { tags: uniq(valid.tags) } : {}),
        ...(valid.files !== undefined ? { files: uniq(valid.files) } : {}),
        ...(valid.scope !== undefined ? { scope: valid.scope } : {}),
        ...(valid.status !== undefined ? { status: valid.status } : {}),
        ...(valid.review_by !== undefined ? { review_by: valid.review_by } : {}),
        ...(valid.owner !== undefined ? { owner: valid.owner } : {}),
        ...(valid.confirmed !== undefined ? { confirmed: valid.confirmed } : {}),
        ...(valid.flags !== undefined ? { flags: uniq(valid.flags) } : {}),
        ...(valid.shared_by !== undefined ? { shared_by: valid.shared_by } : {}),
        updated_at: this.#now().toISOString(),
      };
      next.content_hash = contentHash(next.project, next.title, next.content);
      this.#sql.prepare(
        "INSERT INTO memory_history (memory_id, changed_at, snapshot) VALUES (?, ?, ?)",
      ).run(current.id, next.updated_at, JSON.stringify(current));
      this.#sql.prepare(
        `UPDATE memories SET type = ?, title = ?, content = ?, why = ?, tags = ?, files = ?,
          scope = ?, status = ?, updated_at = ?, content_hash = ?, terms = ?, review_by = ?,
          owner = ?, confirmed = ?, flags = ?, shared_by = ? WHERE id = ?`,
      ).run(
        next.type,
        next.title,
        next.content,
        next.why,
        JSON.stringify(next.tags),
        JSON.stringify(next.files),
        next.scope,
        next.status,
        next.updated_at,
        next.content_hash,
        termsOf(next),
        next.review_by,
        next.owner,
        next.confirmed ? 1 : 0,
        JSON.stringify(next.flags),
        next.shared_by,
        current.id,
      );
      this.#replaceLinks(current.id, next.tags, next.files);
      return next;
    });
  }

  /** Previous versions of a memory, oldest first. */
  history(id: string): Memory[] {
    return this.#sql.prepare(
      "SELECT snapshot FROM memory_history WHERE memory_id = ? ORDER BY rowid",
    ).all(id.trim().toUpperCase()).map((row) => {
      const old = JSON.parse(String(row.snapshot)) as Partial<Memory>;
      return withProvenanceDefaults(old);
    });
  }

  /** Save `next` as the replacement of `oldId` and mark the old one superseded, atomically. */
  supersede(
    oldId: string,
    next: NewMemory,
    provenance: Provenance = {},
  ): { old: Memory; next: SaveResult } {
    const valid = parseInput(NewMemory, next, "Cannot save the new memory");
    return this.#sql.write(() => {
      const old = this.require(oldId);
      if (old.status === "superseded") {
        throw new KorvaError(
          `Cannot supersede memory "${old.id}": it is already superseded by "${
            old.superseded_by ?? "another memory"
          }"`,
          { exitCode: 2, hint: "supersede the newer memory instead" },
        );
      }
      const saved = this.#insert(
        { ...valid, project: valid.project ?? old.project },
        provenance,
        { supersedes: old.id },
      );
      if (saved.memory.id === old.id) {
        throw new KorvaError(`Cannot supersede "${old.id}" with an identical memory`, {
          exitCode: 2,
          hint: "change the title or content",
        });
      }
      const at = this.#now().toISOString();
      this.#sql.prepare(
        "UPDATE memories SET status = 'superseded', superseded_by = ?, updated_at = ? WHERE id = ?",
      ).run(saved.memory.id, at, old.id);
      this.#sql.prepare("UPDATE memories SET supersedes = ? WHERE id = ?").run(
        old.id,
        saved.memory.id,
      );
      return {
        old: { ...old, status: "superseded", superseded_by: saved.memory.id, updated_at: at },
        next: { ...saved, memory: { ...saved.memory, supersedes: old.id } },
      };
    });
  }

  /**
   * Archive a memory, or delete it and its history for good with `hard`. A hard delete keeps
   * supersede chains whole: the memory it superseded takes its place again (active, or
   * superseded by its own successor), so nothing hides behind a dangling link.
   */
  forget(id: string, options: { hard?: boolean } = {}): Memory {
    return this.#sql.write(() => {
      const memory = this.require(id);
      if (options.hard) {
        const at = this.#now().toISOString();
        this.#sql.prepare("DELETE FROM memories WHERE id = ?").run(memory.id);
        if (memory.supersedes) {
          const successor = memory.superseded_by;
          this.#sql.prepare(
            `UPDATE memories SET superseded_by = ?, status = CASE WHEN ? IS NULL AND
               status = 'superseded' THEN 'active' ELSE status END, updated_at = ? WHERE id = ?`,
          ).run(successor, successor, at, memory.supersedes);
        }
        if (memory.superseded_by) {
          this.#sql.prepare("UPDATE memories SET supersedes = ? WHERE id = ?")
            .run(memory.supersedes, memory.superseded_by);
        }
        this.#sql.prepare("UPDATE memories SET supersedes = NULL WHERE supersedes = ?")
          .run(memory.id);
        this.#sql.prepare("UPDATE memories SET superseded_by = NULL WHERE superseded_by = ?")
          .run(memory.id);
        return memory;
      }
      const at = this.#now().toISOString();
      this.#sql.prepare("UPDATE memories SET status = 'archived', updated_at = ? WHERE id = ?")
        .run(at, memory.id);
      return { ...memory, status: "archived", updated_at: at };
    });
  }

  /** Full-text search: any word may match, bm25 with title above body, then newest first. */
  search(query: string, filter: MemoryFilter = {}): SearchHit[] {
    return searchMemories(this.#sql, query, filter);
  }

  /** Memories matching the filter, newest first. */
  list(filter: MemoryFilter = {}): Memory[] {
    const { where, params } = filterSql(this.#sql, filter);
    const limit = clampLimit(filter.limit, 20);
    return this.#sql.prepare(
      `SELECT ${M_COLUMNS} FROM memories m ${whereClause(where)}
       ORDER BY m.created_at DESC, m.id DESC LIMIT ?`,
    ).all(...params, limit).map(toMemory);
  }

  /** Every memory matching the filter, oldest first, without a limit (export, scans). */
  *iterate(filter: MemoryFilter = {}): Generator<Memory> {
    const { where, params } = filterSql(this.#sql, filter);
    const statement = this.#db.prepare(
      `SELECT ${M_COLUMNS} FROM memories m ${whereClause(where)} ORDER BY m.created_at, m.id`,
    );
    for (const row of statement.iterate(...params)) yield toMemory(row as Row);
  }

  /** Every stored anchor that covers `file` (path, parent folder or glob). */
  anchorsFor(file: string): string[] {
    return anchorsFor(this.#sql, file);
  }

  /** Plain-path anchors in the folder `dir` (not below it), at most `limit`. */
  anchorsInFolder(dir: string, limit = 50): string[] {
    return this.#sql.prepare(
      "SELECT anchor FROM anchors WHERE is_glob = 0 AND anchor > ? AND anchor < ? LIMIT ?",
    ).all(`${dir}/`, `${dir}/\uffff`, limit).map((row) => String(row.anchor));
  }

  /** Counts by type, project, scope and status, and the size on disk. */
  stats(): VaultStats {
    const counts = {
      byType: new Map<string, number>(),
      byProject: new Map<string, number>(),
      byScope: new Map<string, number>(),
      byStatus: new Map<string, number>(),
    };
    let total = 0;
    // One scan of the covering index memories_facets instead of a scan of the rows per facet.
    const rows = this.#sql.prepare(
      `SELECT scope, status, type, project, count(*) AS n FROM memories
       GROUP BY scope, status, type, project`,
    ).all();
    const add = (map: Map<string, number>, key: unknown, n: number) =>
      map.set(String(key), (map.get(String(key)) ?? 0) + n);
    for (const row of rows) {
      const n = Number(row.n);
      total += n;
      add(counts.byType, row.type, n);
      add(counts.byProject, row.project, n);
      add(counts.byScope, row.scope, n);
      add(counts.byStatus, row.status, n);
    }
    const sorted = (map: Map<string, number>) =>
      Object.fromEntries(
        [...map].sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0)),
      );
    return {
      total,
      byType: sorted(counts.byType),
      byProject: sorted(counts.byProject),
      byScope: sorted(counts.byScope),
      byStatus: sorted(counts.byStatus),
      sizeBytes: fileSize(this.path) + fileSize(`${this.path}-wal`),
      schemaVersion: SCHEMA_VERSION,
      path: this.path,
    };
  }

  /** Memories created per week (Monday, UTC) for the last `weeks` weeks up to `now`, oldest first. */
  addedPerWeek(weeks: number, now: Date): Array<{ week: string; count: number }> {
    const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const first = new Date(monday.getTime() - (weeks - 1) * 7 * 86_400_000);
    const counts = new Map(
      this.#sql.prepare(
        `SELECT date(created_at, 'weekday 0', '-6 days') AS week, count(*) AS n FROM memories
         WHERE created_at >= ? GROUP BY week`,
      ).all(first.toISOString()).map((row) => [String(row.week), Number(row.n)]),
    );
    return Array.from({ length: weeks }, (_, i) => {
      const week = new Date(first.getTime() + i * 7 * 86_400_000).toISOString().slice(0, 10);
      return { week, count: counts.get(week) ?? 0 };
    });
  }

  /**
   * Import lines all-or-nothing: every line is validated first (a KorvaError names the bad
   * lines), then all are written in one transaction. Known ids and duplicates are skipped.
   */
  importLines(
    lines: unknown[],
    options: { numberFrom?: number[] } = {},
  ): { imported: number; duplicates: number } {
    const { valid, bad } = validateImportLines(lines, options.numberFrom);
    if (bad.length > 0) throw importError(bad);
    return this.#sql.write(() => {
      let imported = 0;
      let duplicates = 0;
      for (const line of valid) {
        if (line.id && this.get(line.id)) {
          duplicates++;
          continue;
        }
        const {
          why: _why,
          author: _author,
          session_id: _session,
          supersedes: _sup,
          review_by,
          owner,
          ...rest
        } = line;
        const fields = {
          ...rest,
          ...(review_by ? { review_by } : {}),
          ...(owner ? { owner } : {}),
        };
        const result = this.#insert(fields, {
          commit: line.commit ?? null,
          client: line.client ?? null,
          confirmed: line.confirmed ?? true,
          flags: line.flags ?? [],
          shared_by: line.shared_by ?? null,
        }, {
          id: line.id,
          status: line.status,
          supersedes: line.supersedes ?? undefined,
          created_at: line.created_at,
          updated_at: line.updated_at,
          source: line.source ?? "import",
          why: line.why ?? undefined,
          author: line.author ?? undefined,
          session_id: line.session_id ?? undefined,
        });
        if (result.duplicate) duplicates++;
        else imported++;
      }
      return { imported, duplicates };
    });
  }

  /** Start a working session; saves that carry its id belong to it. */
  startSession(project: string, goal?: string, client?: string): SessionRecord {
    return this.#sql.write(() => {
      const session: SessionRecord = {
        id: this.#ulid(this.#now().getTime()),
        project,
        goal: goal ?? null,
        started_at: this.#now().toISOString(),
        ended_at: null,
        summary_id: null,
      };
      this.#sql.prepare(
        "INSERT INTO sessions (id, project, goal, client, started_at) VALUES (?, ?, ?, ?, ?)",
      ).run(session.id, project, session.goal, client ?? null, session.started_at);
      return session;
    });
  }

  /** One session by id, or undefined. */
  getSession(id: string): SessionRecord | undefined {
    const row = this.#sql.prepare(
      "SELECT id, project, goal, started_at, ended_at, summary_id FROM sessions WHERE id = ?",
    ).get(id.trim().toUpperCase());
    return row ? (row as unknown as SessionRecord) : undefined;
  }

  /** End a session; a summary is saved as a `learning` memory of the session. */
  endSession(id: string, summary?: string, provenance: Provenance = {}): SessionRecord {
    return this.#sql.write(() => {
      const session = this.getSession(id);
      if (!session) throw notFoundError("session", id);
      if (session.ended_at) {
        throw new KorvaError(
          `Cannot end session "${session.id}": it already ended at ${session.ended_at}`,
          { exitCode: 2 },
        );
      }
      let summaryId: string | null = null;
      if (summary && summary.trim() !== "") {
        const title = `Session summary: ${session.goal ?? session.started_at}`.slice(0, 200);
        const saved = this.#insert(
          parseInput(NewMemory, {
            type: "learning",
            title,
            content: summary,
            project: session.project,
            session_id: session.id,
            tags: ["session-summary"],
          }, "Cannot save the session summary"),
          provenance,
          {},
        );
        summaryId = saved.memory.id;
      }
      const ended = this.#now().toISOString();
      this.#sql.prepare("UPDATE sessions SET ended_at = ?, summary_id = ? WHERE id = ?")
        .run(ended, summaryId, session.id);
      return { ...session, ended_at: ended, summary_id: summaryId };
    });
  }

  /**
   * Rewrite every stored text through `clean` (scan-vault): live memories, history snapshots and
   * session goals, in batches so other writers wait at most one batch; then the FTS index is
   * rebuilt and the file compacted so no old text survives in free pages or the WAL.
   */
  rewriteTexts(
    cleaners: {
      live: (fields: TextFields) => TextFields;
      history: (fields: TextFields) => TextFields;
      text: (text: string) => string;
    },
    options: { dryRun?: boolean } = {},
  ): RewriteResult {
    const result: RewriteResult = {
      scanned: 0,
      changed: [],
      historyChanged: 0,
      sessionsChanged: 0,
    };
    const dryRun = options.dryRun ?? false;
    const clean = cleaners.live;
    const cleanText = cleaners.text;
    const ids = this.#sql.prepare("SELECT id FROM memories ORDER BY id").all()
      .map((r) => String(r.id));
    const lastHistoryRow = Number(
      this.#sql.prepare("SELECT coalesce(max(rowid), 0) AS n FROM memory_history").get()?.n ?? 0,
    );
    if (!dryRun) this.#db.exec("PRAGMA secure_delete = ON");
    for (let i = 0; i < ids.length; i += REWRITE_BATCH) {
      const batch = ids.slice(i, i + REWRITE_BATCH).map((id) => this.get(id))
        .filter((m): m is Memory => m !== undefined);
      const changes = batch.map((memory) => ({ memory, next: clean(memory) }))
        .filter(({ memory, next }) => !sameText(memory, next));
      result.scanned += batch.length;
      result.changed.push(...changes.map(({ memory }) => memory.id));
      if (!dryRun && changes.length > 0) {
        this.#sql.write(() => {
          for (const { memory, next } of changes) this.update(memory.id, next);
        });
      }
    }
    const snapshots = this.#sql.prepare("SELECT rowid, snapshot FROM memory_history").all();
    const historyChanges: Array<[number, string]> = [];
    for (const row of snapshots) {
      const snapshot = JSON.parse(String(row.snapshot)) as Memory;
      const next = cleaners.history(snapshot);
      if (sameText(snapshot, next)) continue;
      if (Number(row.rowid) <= lastHistoryRow) result.historyChanged++;
      historyChanges.push([Number(row.rowid), JSON.stringify({ ...snapshot, ...next })]);
    }
    const sessions = this.#sql.prepare("SELECT id, goal FROM sessions WHERE goal IS NOT NULL")
      .all().map((row) => ({ id: String(row.id), goal: String(row.goal) }))
      .map((s) => ({ ...s, next: cleanText(s.goal) })).filter((s) => s.next !== s.goal);
    result.sessionsChanged = sessions.length;
    const touched = result.changed.length + historyChanges.length + sessions.length > 0;
    if (dryRun || !touched) return result;
    this.#sql.write(() => {
      const setSnapshot = this.#sql.prepare(
        "UPDATE memory_history SET snapshot = ? WHERE rowid = ?",
      );
      for (const [rowid, snapshot] of historyChanges) setSnapshot.run(snapshot, rowid);
      const setGoal = this.#sql.prepare("UPDATE sessions SET goal = ? WHERE id = ?");
      for (const s of sessions) setGoal.run(s.next, s.id);
      // FTS5 keeps deleted tokens in old segments until they merge: rebuild from the rows.
      this.#db.exec("INSERT INTO memories_fts(memories_fts) VALUES ('rebuild')");
    });
    try {
      // Move everything out of the WAL, rewrite the file without free pages, empty the WAL.
      this.#db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
      this.#db.exec("VACUUM");
      this.#db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (error) {
      throw sqliteFailure(error, this.path, "compact", LOCK_TIMEOUT_MS);
    }
    return result;
  }

  /** Run the SQLite and FTS5 integrity checks; returns problems (empty when healthy). */
  integrityCheck(): string[] {
    const problems = this.#db.prepare("PRAGMA integrity_check").all()
      .map((row) => String(Object.values(row)[0]))
      .filter((line) => line !== "ok");
    try {
      this.#db.exec("INSERT INTO memories_fts(memories_fts, rank) VALUES ('integrity-check', 1)");
    } catch (error) {
      problems.push(`full-text index: ${messageOf(error)}`);
    }
    return problems;
  }

  /** Take and release the write lock: proves this process can write (doctor). */
  checkWritable(): void {
    this.#sql.write(() => undefined);
  }

  /** Whether the connection is still open. */
  get isOpen(): boolean {
    return this.#db.isOpen;
  }

  /** Close the connection (checkpointing the WAL). */
  close(): void {
    if (!this.#db.isOpen) return;
    this.#sql.clear();
    this.#db.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }

  #defaultProject(): string {
    if (typeof this.#project === "function") this.#project = this.#project();
    return this.#project;
  }

  #insert(
    input: ValidNewMemory,
    provenance: Provenance,
    extra: {
      id?: string | undefined;
      status?: Memory["status"] | undefined;
      supersedes?: string | undefined;
      created_at?: string | undefined;
      updated_at?: string | undefined;
      source?: string | undefined;
      why?: string | undefined;
      author?: string | undefined;
      session_id?: string | undefined;
    },
  ): SaveResult {
    const project = input.project ?? this.#defaultProject();
    const hash = contentHash(project, input.title, input.content);
    const existing = this.#sql.prepare(
      `SELECT ${MEMORY_COLUMNS} FROM memories
       WHERE project = ? AND content_hash = ? AND status != 'archived' LIMIT 1`,
    ).get(project, hash);
    if (existing) return { memory: toMemory(existing), duplicate: true, redacted: {} };
    const now = this.#now();
    const why = extra.why ?? input.why;
    const iso = (value: string | undefined) =>
      value ? new Date(value).toISOString() : now.toISOString();
    const memory: Memory = {
      id: extra.id ?? this.#ulid(now.getTime()),
      project,
      type: input.type,
      title: input.title,
      content: input.content,
      why: why === undefined || why === "" ? null : why,
      tags: uniq(input.tags ?? []),
      files: uniq(input.files ?? []),
      scope: input.scope ?? "private",
      status: extra.status ?? "active",
      supersedes: extra.supersedes ?? null,
      superseded_by: null,
      author: extra.author ?? input.author ?? this.#author ?? null,
      source: extra.source ?? input.source ?? "cli",
      session_id: extra.session_id ?? input.session_id ?? null,
      created_at: iso(extra.created_at),
      updated_at: iso(extra.updated_at ?? extra.created_at),
      content_hash: hash,
      commit: provenance.commit ?? null,
      client: provenance.client ?? null,
      confirmed: provenance.confirmed ?? true,
      review_by: input.review_by ?? null,
      owner: input.owner ?? null,
      flags: uniq(provenance.flags ?? []),
      shared_by: provenance.shared_by ?? null,
    };
    this.#sql.prepare(
      `INSERT INTO memories (${MEMORY_COLUMNS}, terms)
       VALUES (${MEMORY_COLUMNS.split(", ").map(() => "?").join(", ")}, ?)`,
    ).run(...toRow(memory));
    this.#insertLinks(memory.id, memory.tags, memory.files);
    return { memory, duplicate: false, redacted: {} };
  }

  #replaceLinks(id: string, tags: string[], files: string[]): void {
    this.#sql.prepare("DELETE FROM memory_tags WHERE memory_id = ?").run(id);
    this.#sql.prepare("DELETE FROM memory_files WHERE memory_id = ?").run(id);
    this.#insertLinks(id, tags, files);
  }

  #insertLinks(id: string, tags: string[], files: string[]): void {
    const tag = this.#sql.prepare(
      "INSERT OR IGNORE INTO memory_tags (memory_id, tag) VALUES (?, ?)",
    );
    for (const t of tags) tag.run(id, t);
    const file = this.#sql.prepare(
      "INSERT OR IGNORE INTO memory_files (memory_id, anchor) VALUES (?, ?)",
    );
    const anchor = this.#sql.prepare(
      "INSERT OR IGNORE INTO anchors (anchor, is_glob) VALUES (?, ?)",
    );
    for (const f of files) {
      file.run(id, f);
      anchor.run(f, picomatch.scan(f).isGlob ? 1 : 0);
    }
  }
}

/** Validate import lines; `bad` holds `line N: reason` for each invalid one. */
export function validateImportLines(
  lines: unknown[],
  numberFrom?: number[],
): { valid: z.output<typeof ImportLine>[]; bad: string[] } {
  const valid: z.output<typeof ImportLine>[] = [];
  const bad: string[] = [];
  lines.forEach((line, index) => {
    const parsed = ImportLine.safeParse(line);
    if (parsed.success) valid.push(parsed.data);
    else bad.push(`line ${numberFrom?.[index] ?? index + 1}: ${describeIssue(parsed.error)}`);
  });
  return { valid, bad };
}

/** How many bad import lines an error names before it counts the rest. */
const BAD_LINES_NAMED = 50;

/** The error for an import with bad lines: the first 50 named with their reasons, then a count. */
export function importError(bad: string[]): KorvaError {
  const named = bad.slice(0, BAD_LINES_NAMED).join("; ");
  const more = bad.length > BAD_LINES_NAMED ? `; and ${bad.length - BAD_LINES_NAMED} more` : "";
  return new KorvaError(
    `Cannot import: ${bad.length} invalid line${bad.length === 1 ? "" : "s"} (${named}${more})`,
    { exitCode: 2, hint: "nothing was imported; fix those lines and run it again" },
  );
}

export { anchorCovers };
export { snippetOf } from "./rank.ts";

/** Open (creating if needed) the vault at `path`, migrating its schema. Files are private. */
export function openVault(path: string, options: OpenOptions = {}): Vault {
  const fresh = !existsSync(path);
  if (!options.readonly) {
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new KorvaError(
        `Cannot create the vault folder "${dirname(path)}": ${messageOf(error)}`,
        {
          exitCode: 3,
          cause: error,
          hint: "check that KORVA_HOME points to a writable folder",
        },
      );
    }
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, {
      readOnly: options.readonly ?? false,
      enableForeignKeyConstraints: true,
    });
  } catch (error) {
    throw new KorvaError(`Cannot open the vault "${path}": ${messageOf(error)}`, {
      exitCode: 3,
      cause: error,
      hint: "check that KORVA_HOME points to a readable, writable folder",
    });
  }
  try {
    const timeout = Math.max(0, Math.trunc(options.lockTimeoutMs ?? LOCK_TIMEOUT_MS));
    db.exec(`PRAGMA busy_timeout = ${timeout}`);
    migrate(db, path, options.readonly ?? false);
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA cache_size = -32000");
    db.exec("PRAGMA foreign_keys = ON");
    if (fresh && !options.readonly) privateFiles(path);
  } catch (error) {
    db.close();
    throw openFailure(error, path, options);
  }
  return new Vault(path, db, options);
}

/** vault.db and its WAL/SHM files readable by the owner only. */
function privateFiles(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      chmodSync(file, 0o600);
    } catch {
      // The WAL and SHM files exist only while a connection has them open.
    }
  }
}

function openFailure(error: unknown, path: string, options: OpenOptions): unknown {
  if (error instanceof KorvaError) {
    if (error.message.startsWith("Cannot")) return error;
    return new KorvaError(`Cannot open the vault "${path}": ${error.message}`, {
      exitCode: error.exitCode,
      cause: error,
      hint: error.hint ?? "restore vault.db from a backup or move it aside and run `korva init`",
    });
  }
  return sqliteFailure(error, path, "open", options.lockTimeoutMs ?? LOCK_TIMEOUT_MS);
}

function parseInput<S extends z.ZodType>(schema: S, input: unknown, action: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new KorvaError(`${action}: ${describeIssue(parsed.error)}`, { exitCode: 2 });
  }
  return parsed.data;
}

/** "field" reason, for the first issue of a zod error. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid input";
  const field = issue.path.length > 0 ? `"${issue.path.join(".")}" ` : "";
  let message = issue.message;
  if (issue.code === "invalid_value" && "values" in issue) {
    message = `must be one of ${(issue.values as unknown[]).join(", ")}`;
  } else if (issue.code === "invalid_type" && /received undefined/.test(message)) {
    message = "is required";
  }
  return `${field}${message}`;
}

function sameText(a: TextFields, b: TextFields): boolean {
  return a.title === b.title && a.content === b.content && a.why === b.why &&
    JSON.stringify(a.tags) === JSON.stringify(b.tags) &&
    JSON.stringify(a.files) === JSON.stringify(b.files);
}

/** A snapshot written before schema 2 lacks the provenance fields: give them their defaults. */
function withProvenanceDefaults(old: Partial<Memory>): Memory {
  return {
    commit: null,
    client: null,
    confirmed: true,
    review_by: null,
    owner: null,
    flags: [],
    shared_by: null,
    ...old,
  } as Memory;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export { contentHash };
