// The SQLite store: schema, migrations and every query (node:sqlite, WAL, FTS5).
//
// Schema (version 2), for modules that run read-only SQL on `vault.db`:
//   meta(key, value)                       schema_version and bookkeeping
//   memories(id TEXT PK (ULID), project, type, title, content, why, tags JSON array,
//            files JSON array, scope, status, supersedes, superseded_by, author, source,
//            session_id, created_at, updated_at (ISO 8601 UTC), content_hash, terms)
//   memory_files(memory_id, anchor)        one row per file anchor (path or glob)
//   anchors(anchor, is_glob)               every distinct anchor ever stored (for lookups)
//   memory_tags(memory_id, tag)            one row per tag
//   memory_history(memory_id, changed_at, snapshot JSON)   previous versions on update
//   sessions(id, project, goal, client, started_at, ended_at, summary_id)
//   memories_fts  FTS5 over title, content, why, tags, files, terms (external content =
//                 memories, kept in sync by triggers; porter + unicode61 tokenizer)
import { createHash } from "node:crypto";
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import { monotonicFactory } from "ulid";
import type { z } from "zod";
import { KorvaError, messageOf } from "../errors.ts";
import type { Finding, Redactor } from "../privacy/redact.ts";
import { derivedTerms, ftsPhrase, searchTerms } from "./search.ts";
import {
  ImportLine,
  type Memory,
  type MemoryFilter,
  MemoryId,
  MemoryPatch,
  NewMemory,
  type SaveResult,
  type SearchHit,
  type ValidNewMemory,
} from "./types.ts";
import picomatch from "picomatch";

/** The schema version this korva writes; older vaults are migrated, newer ones refused. */
export const SCHEMA_VERSION = 2;

/** Options for opening a vault. */
export interface OpenOptions {
  /** Clock; defaults to the system clock. */
  now?: () => Date;
  /** Redactor applied to every text field before it is written. */
  redactor?: Redactor;
  /** Default project for saves that name none (a function is called once, on first need). */
  project?: string | (() => string);
  /** Default author for saves that name none. */
  author?: string;
  readonly?: boolean;
}

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

const MIGRATIONS: string[] = [
  // 1: the initial schema.
  `
  CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    project TEXT NOT NULL,
    goal TEXT,
    client TEXT,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    summary_id TEXT
  );
  CREATE TABLE memories (
    id TEXT PRIMARY KEY,
    project TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN
      ('decision','pattern','incident','bugfix','convention','learning','note')),
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    why TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    files TEXT NOT NULL DEFAULT '[]',
    scope TEXT NOT NULL DEFAULT 'private' CHECK (scope IN ('private','team')),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','superseded','archived')),
    supersedes TEXT,
    superseded_by TEXT,
    author TEXT,
    source TEXT NOT NULL,
    session_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    terms TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX memories_project_created ON memories(project, created_at DESC);
  CREATE INDEX memories_created ON memories(created_at DESC);
  CREATE INDEX memories_hash ON memories(project, content_hash);
  CREATE INDEX memories_session ON memories(session_id);
  CREATE TABLE memory_files (
    memory_id TEXT NOT NULL REFERENCES memories(id) ON DELETE CASCADE,
    anchor TEXT NOT NULL,
    PRIMARY KEY (memory_id, anchor)
  );
  CREATE INDEX memory_files_anchor ON memory_files(anchor);
  CREATE TABLE anchors (
    anchor TEXT PRIMARY KEY,
    is_glob INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX anchors_glob ON anchors(is_glob) WHERE is_glob = 1;
  CREATE TABLE memory_tags (
    memory_id TEXT NOT NULL REFERENCES memories(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (memory_id, tag)
  );
  CREATE INDEX memory_tags_tag ON memory_tags(tag);
  CREATE TABLE memory_history (
    memory_id TEXT NOT NULL REFERENCES memories(id) ON DELETE CASCADE,
    changed_at TEXT NOT NULL,
    snapshot TEXT NOT NULL
  );
  CREATE INDEX memory_history_memory ON memory_history(memory_id);
  CREATE VIRTUAL TABLE memories_fts USING fts5(
    title, content, why, tags, files, terms,
    content='memories', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER memories_ai AFTER INSERT ON memories BEGIN
    INSERT INTO memories_fts(rowid, title, content, why, tags, files, terms)
    VALUES (new.rowid, new.title, new.content, coalesce(new.why, ''),
      (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.tags)),
      (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.files)), new.terms);
  END;
  CREATE TRIGGER memories_ad AFTER DELETE ON memories BEGIN
    INSERT INTO memories_fts(memories_fts, rowid, title, content, why, tags, files, terms)
    VALUES ('delete', old.rowid, old.title, old.content, coalesce(old.why, ''),
      (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(old.tags)),
      (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(old.files)), old.terms);
  END;
  CREATE TRIGGER memories_au AFTER UPDATE OF title, content, why, tags, files, terms ON memories
  BEGIN
    INSERT INTO memories_fts(memories_fts, rowid, title, content, why, tags, files, terms)
    VALUES ('delete', old.rowid, old.title, old.content, coalesce(old.why, ''),
      (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(old.tags)),
      (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(old.files)), old.terms);
    INSERT INTO memories_fts(rowid, title, content, why, tags, files, terms)
    VALUES (new.rowid, new.title, new.content, coalesce(new.why, ''),
      (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.tags)),
      (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.files)), new.terms);
  END;
  `,
  // 2: newest-first lists filtered by status, type, scope or project without a project (the
  // dashboard's first page) walk memories_created_facets instead of sorting every row (~200 ms
  // at 100k); counts by facet (stats, the overview) scan the covering memories_facets (~35 ms
  // instead of ~400 ms). memories_facets leads with scope so the planner never prefers it for
  // the common status filter, which would sort every active row.
  `
  CREATE INDEX memories_created_facets ON memories(created_at, status, type, scope, project);
  CREATE INDEX memories_facets ON memories(scope, status, type, project);
  `,
];

const MEMORY_COLUMNS = "id, project, type, title, content, why, tags, files, scope, status, " +
  "supersedes, superseded_by, author, source, session_id, created_at, updated_at, content_hash";
const M_COLUMNS = MEMORY_COLUMNS.split(", ").map((c) => `m.${c}`).join(", ");

/** Above this many anchored rows, a file filter walks the newest rows instead (see #filterSql). */
const DENSE_ANCHOR_ROWS = 500;
/** A word matching more rows than this only refines scores (see Vault.search). */
const COMMON_DF = 2000;
/** How many of the newest rows an unselective query ranks first. */
const RECENT_WINDOW = 3000;

/** bm25 weights per FTS column: title, content, why, tags, files, terms. */
const BM25 = "bm25(memories_fts, 10.0, 1.0, 2.0, 4.0, 3.0, 1.0)";

type Row = Record<string, SQLInputValue>;

/** An open vault. Close it when done (`using vault = openVault(…)`). */
export class Vault {
  readonly path: string;
  /** The underlying connection, for read-only queries by other modules. */
  readonly db: DatabaseSync;
  readonly #now: () => Date;
  readonly #redactor: Redactor | undefined;
  #project: string | (() => string);
  readonly #author: string | undefined;
  readonly #statements = new Map<string, StatementSync>();
  readonly #ulid = monotonicFactory();

  constructor(path: string, db: DatabaseSync, options: OpenOptions) {
    this.path = path;
    this.db = db;
    this.#now = options.now ?? (() => new Date());
    this.#redactor = options.redactor;
    this.#project = options.project ?? "default";
    this.#author = options.author;
  }

  /** Save a new memory; an identical title+content in the same project returns the existing one. */
  save(input: NewMemory): SaveResult {
    const valid = parseInput(NewMemory, input, "Cannot save memory");
    return this.#write(() => this.#insert(valid, {}));
  }

  /** One memory by id (case-insensitive), or undefined. */
  get(id: string): Memory | undefined {
    const row = this.#prepare(`SELECT ${MEMORY_COLUMNS} FROM memories WHERE id = ?`)
      .get(id.trim().toUpperCase());
    return row ? toMemory(row) : undefined;
  }

  /** One memory by id, or a KorvaError naming the unknown id. */
  require(id: string): Memory {
    const memory = this.get(id);
    if (!memory) {
      throw new KorvaError(`No memory with id "${id}"`, {
        exitCode: 2,
        hint: "run `korva list` or `korva search` to find ids",
      });
    }
    return memory;
  }

  /** Several memories by id, in the order asked; unknown ids are skipped. */
  getMany(ids: string[]): Memory[] {
    return ids.map((id) => this.get(id)).filter((m): m is Memory => m !== undefined);
  }

  /**
   * Change fields of a memory, keeping the previous version in memory_history. Redactions made
   * on the way in are counted into `redacted` (category → count) when given.
   */
  update(id: string, patch: MemoryPatch, redacted: Record<string, number> = {}): Memory {
    const valid = parseInput(MemoryPatch, patch, "Cannot update memory");
    return this.#write(() => {
      const current = this.require(id);
      const clean = (text: string) => this.#redact(text, redacted);
      const next: Memory = {
        ...current,
        ...(valid.type !== undefined ? { type: valid.type } : {}),
        ...(valid.title !== undefined ? { title: clean(valid.title) } : {}),
        ...(valid.content !== undefined ? { content: clean(valid.content) } : {}),
        ...(valid.why !== undefined ? { why: valid.why === null ? null : clean(valid.why) } : {}),
        ...(valid.tags !== undefined ? { tags: uniq(valid.tags.map(clean)) } : {}),
        ...(valid.files !== undefined ? { files: uniq(valid.files.map(clean)) } : {}),
        ...(valid.scope !== undefined ? { scope: valid.scope } : {}),
        ...(valid.status !== undefined ? { status: valid.status } : {}),
        updated_at: this.#now().toISOString(),
      };
      next.content_hash = contentHash(next.project, next.title, next.content);
      this.#prepare(
        "INSERT INTO memory_history (memory_id, changed_at, snapshot) VALUES (?, ?, ?)",
      ).run(current.id, next.updated_at, JSON.stringify(current));
      this.#prepare(
        `UPDATE memories SET type = ?, title = ?, content = ?, why = ?, tags = ?, files = ?,
          scope = ?, status = ?, updated_at = ?, content_hash = ?, terms = ? WHERE id = ?`,
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
        current.id,
      );
      this.#replaceLinks(current.id, next.tags, next.files);
      return next;
    });
  }

  /** Previous versions of a memory, oldest first. */
  history(id: string): Memory[] {
    return this.#prepare(
      "SELECT snapshot FROM memory_history WHERE memory_id = ? ORDER BY rowid",
    ).all(id.toUpperCase()).map((row) => JSON.parse(String(row.snapshot)) as Memory);
  }

  /** Save `next` as the replacement of `oldId` and mark the old one superseded, atomically. */
  supersede(oldId: string, next: NewMemory): { old: Memory; next: SaveResult } {
    const valid = parseInput(NewMemory, next, "Cannot save the new memory");
    return this.#write(() => {
      const old = this.require(oldId);
      if (old.status === "superseded") {
        throw new KorvaError(
          `Memory "${old.id}" is already superseded by "${old.superseded_by ?? "another memory"}"`,
          { exitCode: 2, hint: "supersede the newer memory instead" },
        );
      }
      const saved = this.#insert(
        { ...valid, project: valid.project ?? old.project },
        { supersedes: old.id },
      );
      if (saved.memory.id === old.id) {
        throw new KorvaError(`Cannot supersede "${old.id}" with an identical memory`, {
          exitCode: 2,
          hint: "change the title or content",
        });
      }
      const at = this.#now().toISOString();
      this.#prepare(
        "UPDATE memories SET status = 'superseded', superseded_by = ?, updated_at = ? WHERE id = ?",
      ).run(saved.memory.id, at, old.id);
      this.#prepare("UPDATE memories SET supersedes = ? WHERE id = ?").run(
        old.id,
        saved.memory.id,
      );
      return {
        old: { ...old, status: "superseded", superseded_by: saved.memory.id, updated_at: at },
        next: { ...saved, memory: { ...saved.memory, supersedes: old.id } },
      };
    });
  }

  /** Archive a memory, or delete it and its history for good with `hard`. */
  forget(id: string, options: { hard?: boolean } = {}): Memory {
    return this.#write(() => {
      const memory = this.require(id);
      if (options.hard) {
        this.#prepare("DELETE FROM memories WHERE id = ?").run(memory.id);
        this.#prepare("UPDATE memories SET supersedes = NULL WHERE supersedes = ?").run(memory.id);
        this.#prepare("UPDATE memories SET superseded_by = NULL WHERE superseded_by = ?")
          .run(memory.id);
        return memory;
      }
      const at = this.#now().toISOString();
      this.#prepare("UPDATE memories SET status = 'archived', updated_at = ? WHERE id = ?")
        .run(at, memory.id);
      return { ...memory, status: "archived", updated_at: at };
    });
  }

  /**
   * Full-text search: any word may match, bm25 with title above body, then newest first.
   *
   * bm25 costs about half a microsecond per matching row, so an OR over words that occur in most
   * of a large vault would rank every row. To keep a search in milliseconds at 100k memories,
   * words matching more than COMMON_DF rows only refine the score of rows found by the rarer
   * words; when every word is that common (an unselective query, where recency is the sensible
   * order anyway), ranking is limited to a window of the newest rows that widens until it fills.
   */
  search(query: string, filter: MemoryFilter = {}): SearchHit[] {
    const terms = searchTerms(query);
    if (terms.length === 0) return [];
    const limit = clampLimit(filter.limit, 10);
    const rare: string[] = [];
    const common: string[] = [];
    for (const term of terms) {
      const seen = Number(
        this.#prepare(
          "SELECT count(*) AS n FROM (SELECT rowid FROM memories_fts WHERE memories_fts MATCH ? LIMIT ?)",
        ).get(ftsPhrase(term), COMMON_DF + 1)?.n ?? 0,
      );
      if (seen > COMMON_DF) common.push(term);
      else if (seen > 0) rare.push(term);
    }
    const anyOf = (words: string[]) => words.map(ftsPhrase).join(" OR ");
    const hits: SearchHit[] = [];
    if (rare.length > 0) {
      const expression = common.length === 0
        ? anyOf(rare)
        : `(${anyOf(rare)}) OR ((${anyOf(rare)}) AND (${anyOf(common)}))`;
      hits.push(...this.#rank(expression, terms, filter, limit, undefined));
    }
    if (hits.length < limit && common.length > 0) {
      const found = new Set(hits.map((hit) => hit.memory.id));
      const total = Number(this.#prepare("SELECT max(rowid) AS n FROM memories").get()?.n ?? 0);
      for (let window = RECENT_WINDOW;; window *= 4) {
        const all = window >= total;
        const more = this.#rank(
          anyOf([...rare, ...common]),
          terms,
          filter,
          limit + found.size,
          all ? undefined : window,
        ).filter((hit) => !found.has(hit.memory.id));
        if (more.length >= limit - hits.length || all) {
          hits.push(...more.slice(0, limit - hits.length));
          break;
        }
      }
    }
    return hits;
  }

  #rank(
    expression: string,
    terms: string[],
    filter: MemoryFilter,
    limit: number,
    newest: number | undefined,
  ): SearchHit[] {
    const { where, params } = this.#filterSql(filter);
    // FTS5 walks `ORDER BY rowid DESC LIMIT n` cheaply, so the window is the n newest matches.
    const window = newest === undefined ? "" : `ORDER BY rowid DESC LIMIT ${newest}`;
    const rows = this.#prepare(
      `SELECT ${M_COLUMNS}, r.rank AS rank FROM (
         SELECT rowid, ${BM25} AS rank FROM memories_fts WHERE memories_fts MATCH ? ${window}
       ) r JOIN memories m ON m.rowid = r.rowid
       ${where.length ? "WHERE " + where.join(" AND ") : ""}
       ORDER BY r.rank, m.created_at DESC, m.id DESC LIMIT ?`,
    ).all(expression, ...params, limit);
    return rows.map((row) => {
      const memory = toMemory(row);
      return {
        memory,
        score: Math.round(-Number(row.rank) * 1e6) / 1e6,
        snippet: snippetOf(memory, terms),
      };
    });
  }

  /** Memories matching the filter, newest first. */
  list(filter: MemoryFilter = {}): Memory[] {
    const { where, params } = this.#filterSql(filter);
    const limit = clampLimit(filter.limit, 20);
    return this.#prepare(
      `SELECT ${M_COLUMNS} FROM memories m
       ${where.length ? "WHERE " + where.join(" AND ") : ""}
       ORDER BY m.created_at DESC, m.id DESC LIMIT ?`,
    ).all(...params, limit).map(toMemory);
  }

  /** Every memory matching the filter, oldest first, without a limit (export, scans). */
  *iterate(filter: MemoryFilter = {}): Generator<Memory> {
    const { where, params } = this.#filterSql(filter);
    const statement = this.db.prepare(
      `SELECT ${M_COLUMNS} FROM memories m
       ${where.length ? "WHERE " + where.join(" AND ") : ""}
       ORDER BY m.created_at, m.id`,
    );
    for (const row of statement.iterate(...params)) yield toMemory(row as Row);
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
    const rows = this.#prepare(
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
      this.#prepare(
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
   * Import lines all-or-nothing: every line is validated first (a KorvaError lists the bad line
   * numbers), then all are written in one transaction. Known ids and duplicates are skipped.
   */
  importLines(
    lines: unknown[],
    options: { numberFrom?: number[] } = {},
  ): { imported: number; duplicates: number } {
    const { valid, bad } = validateImportLines(lines, options.numberFrom);
    if (bad.length > 0) {
      throw new KorvaError(
        `Cannot import: ${bad.length} invalid line${bad.length === 1 ? "" : "s"} (${
          bad.slice(0, 5).join("; ")
        }${bad.length > 5 ? "; …" : ""})`,
        { exitCode: 2, hint: "nothing was imported; fix those lines and run it again" },
      );
    }
    return this.#write(() => {
      let imported = 0;
      let duplicates = 0;
      for (const line of valid) {
        if (line.id && this.get(line.id)) {
          duplicates++;
          continue;
        }
        const { why: _why, author: _author, session_id: _session, supersedes: _sup, ...fields } =
          line;
        const result = this.#insert(fields, {
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
    return this.#write(() => {
      const session: SessionRecord = {
        id: this.#ulid(this.#now().getTime()),
        project,
        goal: goal ?? null,
        started_at: this.#now().toISOString(),
        ended_at: null,
        summary_id: null,
      };
      this.#prepare(
        "INSERT INTO sessions (id, project, goal, client, started_at) VALUES (?, ?, ?, ?, ?)",
      ).run(session.id, project, session.goal, client ?? null, session.started_at);
      return session;
    });
  }

  /** One session by id, or undefined. */
  getSession(id: string): SessionRecord | undefined {
    const row = this.#prepare(
      "SELECT id, project, goal, started_at, ended_at, summary_id FROM sessions WHERE id = ?",
    ).get(id.toUpperCase());
    return row ? (row as unknown as SessionRecord) : undefined;
  }

  /** End a session; a summary is saved as a `learning` memory of the session. */
  endSession(id: string, summary?: string): SessionRecord {
    return this.#write(() => {
      const session = this.getSession(id);
      if (!session) {
        throw new KorvaError(`No session with id "${id}"`, { exitCode: 2 });
      }
      if (session.ended_at) {
        throw new KorvaError(`Session "${session.id}" already ended at ${session.ended_at}`, {
          exitCode: 2,
        });
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
          {},
        );
        summaryId = saved.memory.id;
      }
      const ended = this.#now().toISOString();
      this.#prepare("UPDATE sessions SET ended_at = ?, summary_id = ? WHERE id = ?")
        .run(ended, summaryId, session.id);
      return { ...session, ended_at: ended, summary_id: summaryId };
    });
  }

  /** Run the SQLite and FTS5 integrity checks; returns problems (empty when healthy). */
  integrityCheck(): string[] {
    const problems = this.db.prepare("PRAGMA integrity_check").all()
      .map((row) => String(Object.values(row)[0]))
      .filter((line) => line !== "ok");
    try {
      this.db.exec("INSERT INTO memories_fts(memories_fts, rank) VALUES ('integrity-check', 1)");
    } catch (error) {
      problems.push(`full-text index: ${messageOf(error)}`);
    }
    return problems;
  }

  /** Close the connection (checkpointing the WAL). */
  close(): void {
    if (!this.db.isOpen) return;
    this.#statements.clear();
    this.db.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }

  #defaultProject(): string {
    if (typeof this.#project === "function") this.#project = this.#project();
    return this.#project;
  }

  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Run fn in an IMMEDIATE transaction (takes the write lock up front, so no upgrade deadlock). */
  #write<T>(fn: () => T): T {
    if (this.db.isTransaction) return fn();
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = fn();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw wrapSqliteError(error, this.path);
    }
  }

  #redact(text: string, counts: Record<string, number>): string {
    if (!this.#redactor) return text;
    const result = this.#redactor.redact(text);
    countFindings(result.findings, counts);
    return result.text;
  }

  #insert(
    input: ValidNewMemory,
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
    const redacted: Record<string, number> = {};
    const clean = (text: string) => this.#redact(text, redacted);
    const project = input.project ?? this.#defaultProject();
    const title = clean(input.title);
    const content = clean(input.content);
    const hash = contentHash(project, title, content);
    const existing = this.#prepare(
      `SELECT ${MEMORY_COLUMNS} FROM memories
       WHERE project = ? AND content_hash = ? AND status != 'archived' LIMIT 1`,
    ).get(project, hash);
    if (existing) return { memory: toMemory(existing), duplicate: true, redacted };
    const now = this.#now();
    const why = extra.why ?? input.why;
    const memory: Memory = {
      id: extra.id ?? this.#ulid(now.getTime()),
      project,
      type: input.type,
      title,
      content,
      why: why === undefined || why === "" ? null : clean(why),
      tags: uniq((input.tags ?? []).map(clean)),
      files: uniq((input.files ?? []).map(clean)),
      scope: input.scope ?? "private",
      status: extra.status ?? "active",
      supersedes: extra.supersedes ?? null,
      superseded_by: null,
      author: extra.author ?? input.author ?? this.#author ?? null,
      source: extra.source ?? input.source ?? "cli",
      session_id: extra.session_id ?? input.session_id ?? null,
      created_at: extra.created_at ? new Date(extra.created_at).toISOString() : now.toISOString(),
      updated_at: extra.updated_at
        ? new Date(extra.updated_at).toISOString()
        : extra.created_at
        ? new Date(extra.created_at).toISOString()
        : now.toISOString(),
      content_hash: hash,
    };
    this.#prepare(
      `INSERT INTO memories (${MEMORY_COLUMNS}, terms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      memory.id,
      memory.project,
      memory.type,
      memory.title,
      memory.content,
      memory.why,
      JSON.stringify(memory.tags),
      JSON.stringify(memory.files),
      memory.scope,
      memory.status,
      memory.supersedes,
      memory.superseded_by,
      memory.author,
      memory.source,
      memory.session_id,
      memory.created_at,
      memory.updated_at,
      memory.content_hash,
      termsOf(memory),
    );
    this.#insertLinks(memory.id, memory.tags, memory.files);
    return { memory, duplicate: false, redacted };
  }

  #replaceLinks(id: string, tags: string[], files: string[]): void {
    this.#prepare("DELETE FROM memory_tags WHERE memory_id = ?").run(id);
    this.#prepare("DELETE FROM memory_files WHERE memory_id = ?").run(id);
    this.#insertLinks(id, tags, files);
  }

  #insertLinks(id: string, tags: string[], files: string[]): void {
    const tag = this.#prepare("INSERT OR IGNORE INTO memory_tags (memory_id, tag) VALUES (?, ?)");
    for (const t of tags) tag.run(id, t);
    const file = this.#prepare(
      "INSERT OR IGNORE INTO memory_files (memory_id, anchor) VALUES (?, ?)",
    );
    const anchor = this.#prepare("INSERT OR IGNORE INTO anchors (anchor, is_glob) VALUES (?, ?)");
    for (const f of files) {
      file.run(id, f);
      anchor.run(f, picomatch.scan(f).isGlob ? 1 : 0);
    }
  }

  #filterSql(filter: MemoryFilter): { where: string[]; params: SQLInputValue[] } {
    const where: string[] = [];
    const params: SQLInputValue[] = [];
    const status = filter.status ?? "active";
    if (status !== "all") {
      where.push("m.status = ?");
      params.push(status);
    }
    if (filter.project) {
      where.push("m.project = ?");
      params.push(filter.project);
    }
    if (filter.type) {
      where.push("m.type = ?");
      params.push(filter.type);
    }
    if (filter.scope) {
      where.push("m.scope = ?");
      params.push(filter.scope);
    }
    if (filter.tag) {
      where.push("m.id IN (SELECT memory_id FROM memory_tags WHERE tag = ?)");
      params.push(filter.tag.trim().toLowerCase());
    }
    const anchors = [
      ...(filter.file ? this.anchorsFor(filter.file) : []),
      ...(filter.anchors ?? []),
    ];
    if (filter.file || filter.anchors) {
      const list = JSON.stringify(anchors);
      const count = Number(
        this.#prepare(
          "SELECT count(*) AS n FROM memory_files WHERE anchor IN (SELECT value FROM json_each(?))",
        ).get(list)?.n ?? 0,
      );
      // Few anchored rows: look them up by anchor. Many: walk the newest rows and test each, so a
      // LIMIT stops early instead of sorting thousands of matches.
      where.push(
        count <= DENSE_ANCHOR_ROWS
          ? "m.id IN (SELECT memory_id FROM memory_files WHERE anchor IN (SELECT value FROM json_each(?)))"
          : "EXISTS (SELECT 1 FROM memory_files f WHERE f.memory_id = m.id AND f.anchor IN (SELECT value FROM json_each(?)))",
      );
      params.push(list);
    }
    if (filter.since) {
      where.push("m.created_at >= ?");
      params.push(new Date(filter.since).toISOString());
    }
    if (filter.until) {
      where.push("m.created_at <= ?");
      params.push(new Date(filter.until).toISOString());
    }
    return { where, params };
  }

  /**
   * Every stored anchor that covers `file`: the path itself, a parent folder (looked up
   * directly), or a glob matching it (globs are few; each is tested with picomatch).
   */
  anchorsFor(file: string): string[] {
    const path = file.replaceAll("\\", "/").replace(/^\.\//, "");
    const parts = path.split("/");
    const literal = [path];
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join("/");
      literal.push(folder, `${folder}/`);
    }
    const found = this.#prepare(
      "SELECT anchor FROM anchors WHERE anchor IN (SELECT value FROM json_each(?))",
    ).all(JSON.stringify(literal)).map((row) => String(row.anchor));
    const globs = this.#prepare("SELECT anchor FROM anchors WHERE is_glob = 1").all()
      .map((row) => String(row.anchor))
      .filter((anchor) => anchorCovers(anchor, path));
    return [...found, ...globs];
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

/**
 * A short excerpt around the first query word found in the content (else the why, else the
 * title), with matched words in [brackets].
 */
export function snippetOf(
  memory: Pick<Memory, "title" | "content" | "why">,
  terms: string[],
): string {
  const words = terms.filter((t) => t.length > 1).map((t) =>
    t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  );
  const pattern = words.length ? new RegExp(`\\b(${words.join("|")})\\w*`, "giu") : undefined;
  const source =
    [memory.content, memory.why ?? "", memory.title].find((text) =>
      pattern ? new RegExp(pattern.source, "iu").test(text) : false
    ) ?? memory.content;
  const flat = source.replace(/\s+/g, " ").trim();
  const first = pattern ? flat.search(new RegExp(pattern.source, "iu")) : 0;
  const start = Math.max(0, first - 60);
  const end = Math.min(flat.length, start + 160);
  const excerpt = (start > 0 ? "…" : "") + flat.slice(start, end) + (end < flat.length ? "…" : "");
  return pattern ? excerpt.replace(pattern, "[$&]") : excerpt;
}

/** Whether a stored anchor (path, folder or glob) covers a repo-relative file path. */
export function anchorCovers(anchor: string, path: string): boolean {
  if (anchor === path) return true;
  const folder = anchor.replace(/\/+$/, "");
  if (path.startsWith(folder + "/")) return true;
  if (!picomatch.scan(anchor).isGlob) return false;
  return picomatch.isMatch(path, anchor, { dot: true });
}

/** Open (creating if needed) the vault at `path`, migrating its schema. */
export function openVault(path: string, options: OpenOptions = {}): Vault {
  if (!options.readonly) {
    try {
      mkdirSync(dirname(path), { recursive: true });
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
    db.exec("PRAGMA busy_timeout = 10000");
    migrate(db, path, options.readonly ?? false);
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA cache_size = -32000");
    db.exec("PRAGMA foreign_keys = ON");
  } catch (error) {
    db.close();
    throw wrapSqliteError(error, path);
  }
  return new Vault(path, db, options);
}

function migrate(db: DatabaseSync, path: string, readonly: boolean): void {
  const version = readSchemaVersion(db);
  if (version > SCHEMA_VERSION) {
    throw new KorvaError(
      `Cannot open the vault "${path}": it was written by a newer korva (schema ${version}, this korva knows ${SCHEMA_VERSION})`,
      { exitCode: 3, hint: "upgrade korva; the vault was left untouched" },
    );
  }
  if (version === SCHEMA_VERSION || readonly) return;
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("BEGIN IMMEDIATE");
  try {
    // Another process may have migrated while we waited for the lock.
    const current = readSchemaVersion(db);
    db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v] ?? "");
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('schema_version', ?) " +
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(String(SCHEMA_VERSION));
    db.exec("COMMIT");
  } catch (error) {
    if (db.isTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

function readSchemaVersion(db: DatabaseSync): number {
  const hasMeta = db.prepare(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
  ).get();
  if (!hasMeta) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master").get();
    if (Number(tables?.n ?? 0) > 0) {
      throw new KorvaError("the database has tables but is not a korva vault", { exitCode: 3 });
    }
    return 0;
  }
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get();
  return row ? Number(row.value) : 0;
}

function wrapSqliteError(error: unknown, path: string): unknown {
  if (error instanceof KorvaError) {
    if (error.message.startsWith("Cannot")) return error;
    return new KorvaError(`Cannot open the vault "${path}": ${error.message}`, {
      exitCode: error.exitCode,
      cause: error,
      hint: error.hint ?? "restore vault.db from a backup or move it aside and run `korva init`",
    });
  }
  const message = messageOf(error);
  if (/not a database|malformed|corrupt/i.test(message)) {
    return new KorvaError(`Cannot read the vault "${path}": the file is damaged (${message})`, {
      exitCode: 3,
      cause: error,
      hint: "run `korva doctor`; korva did not modify the file",
    });
  }
  if (/readonly|read-only|unable to open/i.test(message)) {
    return new KorvaError(`Cannot write to the vault "${path}": ${message}`, {
      exitCode: 3,
      cause: error,
      hint: "check the permissions of KORVA_HOME",
    });
  }
  if (/locked|busy/i.test(message)) {
    return new KorvaError(`The vault "${path}" is busy: ${message}`, {
      exitCode: 3,
      cause: error,
      hint: "another korva process held the write lock for over 10 s; try again",
    });
  }
  return error;
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

function toMemory(row: Row): Memory {
  return {
    id: String(row.id),
    project: String(row.project),
    type: row.type as Memory["type"],
    title: String(row.title),
    content: String(row.content),
    why: row.why === null ? null : String(row.why),
    tags: JSON.parse(String(row.tags)) as string[],
    files: JSON.parse(String(row.files)) as string[],
    scope: row.scope as Memory["scope"],
    status: row.status as Memory["status"],
    supersedes: row.supersedes === null ? null : String(row.supersedes),
    superseded_by: row.superseded_by === null ? null : String(row.superseded_by),
    author: row.author === null ? null : String(row.author),
    source: String(row.source),
    session_id: row.session_id === null ? null : String(row.session_id),
    created_at: String(row.created_at),
    updated_at: String(row.updated_at),
    content_hash: String(row.content_hash),
  };
}

function termsOf(memory: Pick<Memory, "title" | "content" | "why" | "tags" | "files">): string {
  return derivedTerms([memory.title, memory.content, memory.why ?? "", ...memory.tags]);
}

/** sha256 over project, title and content: the duplicate key. */
export function contentHash(project: string, title: string, content: string): string {
  return createHash("sha256").update(`${project}\u0000${title.trim()}\u0000${content.trim()}`)
    .digest("hex");
}

function countFindings(findings: Finding[], counts: Record<string, number>): void {
  for (const finding of findings) counts[finding.category] = (counts[finding.category] ?? 0) + 1;
}

function uniq(values: string[]): string[] {
  return [...new Set(values)];
}

function clampLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(Math.trunc(limit), 10_000));
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export { MemoryId };
