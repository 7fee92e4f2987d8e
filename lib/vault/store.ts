// The Vault: every read and write of vault.db (node:sqlite, WAL, FTS5). The connection is
// private; other modules call these methods, never SQL. Input arrives validated and redacted
// from lib/memory; the vault checks its schema again and keeps rows, links and FTS consistent.
import { statSync } from "../fs_sync.ts";
import type { DatabaseSync } from "node:sqlite";
import { monotonicFactory } from "../ulid.ts";
import { KorvaError, messageOf, notFoundError } from "../errors.ts";
import { anchorsFor, filterSql, globAnchors, whereClause } from "./filter.ts";
import { type InsertDefaults, insertMemory, replaceLinks } from "./insert.ts";
import { searchMemories, snippets } from "./rank.ts";
import { type SearchSemantics, semanticSearch } from "./search.ts";
import {
  dropEmbedding,
  embeddingsFor,
  missingEmbeddings,
  recordVectorModel,
  resetVectors,
  scanVectors,
  storedVectorModel,
  storeEmbedding,
  storeVector,
  vectorBacklog,
  vectorBacklogSize,
  vectorsOf,
  vectorText,
} from "./vectors.ts";
import { type Cleaners, type RewriteResult, rewriteTexts } from "./rewrite.ts";
import {
  clampLimit,
  contentHash,
  M_COLUMNS,
  MEMORY_COLUMNS,
  type Row,
  termsOf,
  toMemory,
  uniq,
} from "./rows.ts";
import { SCHEMA_VERSION } from "./schema.ts";
import { Sql } from "./sql.ts";
import { TeamState } from "./team_state.ts";
import {
  mostRecalled,
  type RecallBatch,
  type RecallCount,
  recallsOf,
  recordRecalls,
  recordRuleHits,
  type RuleHitCount,
  ruleHits,
} from "./usage.ts";
import type {
  GitCandidate,
  Memory,
  MemoryFilter,
  MemoryPatch,
  NewMemory,
  Provenance,
  SaveResult,
  SearchHit,
  StoredCandidate,
  ValidNewMemory,
} from "./types.ts";
import { validation } from "./validation.ts";

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
  /** Semantic recall: vectors stored at save time, related words and reranking in search. */
  semantics?: SearchSemantics;
}

/**
 * How many memories one search vectorizes at most when some have no vector (migration 8); at
 * about 0.2 ms each, the time budget usually ends a batch first.
 */
const BACKFILL_BATCH = 200;
/** How long one search spends on that at most. */
const BACKFILL_BUDGET_MS = 25;

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
  readonly #semantics: SearchSemantics | undefined;
  readonly #readonly: boolean;
  readonly #ulid = monotonicFactory();
  /** Whether the stored vectors come from the semantics' model, and whether the vault says so. */
  #vectorModel: "recorded" | "unrecorded" | "stale" | undefined;

  constructor(path: string, db: DatabaseSync, options: OpenOptions) {
    this.path = path;
    this.#db = db;
    this.#sql = new Sql(db, path, options.lockTimeoutMs ?? LOCK_TIMEOUT_MS);
    this.team = new TeamState(this.#sql);
    this.#now = options.now ?? (() => new Date());
    this.#project = options.project ?? "default";
    this.#author = options.author;
    this.#semantics = options.semantics;
    this.#readonly = options.readonly ?? false;
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
    const valid = validation().newMemory(input, "Cannot save memory");
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
    const valid = validation().patch(patch, "Cannot update memory");
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
        ...(valid.source !== undefined ? { source: valid.source } : {}),
        updated_at: this.#now().toISOString(),
      };
      next.content_hash = contentHash(next.project, next.title, next.content);
      this.#sql.prepare(
        "INSERT INTO memory_history (memory_id, changed_at, snapshot) VALUES (?, ?, ?)",
      ).run(current.id, next.updated_at, JSON.stringify(current));
      this.#sql.prepare(
        `UPDATE memories SET type = ?, title = ?, content = ?, why = ?, tags = ?, files = ?,
          scope = ?, status = ?, updated_at = ?, content_hash = ?, terms = ?, review_by = ?,
          owner = ?, confirmed = ?, flags = ?, shared_by = ?, source = ? WHERE id = ?`,
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
        next.source,
        current.id,
      );
      replaceLinks(this.#sql, current.id, next.tags, next.files);
      this.#storeVector(next);
      dropEmbedding(this.#sql, current.id);
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
    const valid = validation().newMemory(next, "Cannot save the new memory");
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
   * Mark `oldId` superseded by the existing memory `newId` (both stay; imports link records that
   * name each other). A link already in place is left as it is.
   */
  linkSupersede(oldId: string, newId: string): Memory {
    return this.#sql.write(() => {
      const old = this.require(oldId);
      const next = this.require(newId);
      if (old.id === next.id) {
        throw new KorvaError(`Cannot supersede "${old.id}" with itself`, { exitCode: 2 });
      }
      if (old.superseded_by === next.id && old.status === "superseded") return old;
      const at = this.#now().toISOString();
      this.#sql.prepare(
        "UPDATE memories SET status = 'superseded', superseded_by = ?, updated_at = ? WHERE id = ?",
      ).run(next.id, at, old.id);
      this.#sql.prepare("UPDATE memories SET supersedes = ? WHERE id = ?").run(old.id, next.id);
      return { ...old, status: "superseded", superseded_by: next.id, updated_at: at };
    });
  }

  /** Every memory of a project whose `source` starts with `prefix` (any status), oldest first. */
  bySourcePrefix(prefix: string, project: string): Memory[] {
    return this.#sql.prepare(
      `SELECT ${MEMORY_COLUMNS} FROM memories
       WHERE project = ? AND substr(source, 1, length(?)) = ? ORDER BY created_at, id`,
    ).all(project, prefix, prefix).map(toMemory);
  }

  /**
   * Store mined commit candidates (already redacted by the caller), replacing earlier proposals
   * of the same commits but keeping their state. With `prune` (a mining of the whole history),
   * drafts no longer proposed are removed. Returns how many were new and removed.
   */
  saveCandidates(
    project: string,
    candidates: GitCandidate[],
    options: { prune?: boolean } = {},
  ): { added: number; updated: number; removed: number } {
    return this.#sql.write(() => {
      const known = this.#sql.prepare("SELECT 1 FROM git_candidates WHERE project = ? AND sha = ?");
      const upsert = this.#sql.prepare(
        `INSERT INTO git_candidates (project, sha, subject, message, author, committed_at, files,
           stat, excerpt, score, reasons, state, mined_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?)
         ON CONFLICT(project, sha) DO UPDATE SET subject = excluded.subject,
           message = excluded.message, author = excluded.author, files = excluded.files,
           stat = excluded.stat, excerpt = excluded.excerpt, score = excluded.score,
           reasons = excluded.reasons, mined_at = excluded.mined_at`,
      );
      const at = this.#now().toISOString();
      let added = 0;
      for (const c of candidates) {
        if (!known.get(project, c.sha)) added++;
        upsert.run(
          project,
          c.sha,
          c.subject,
          c.message,
          c.author,
          c.committed_at,
          JSON.stringify(c.files),
          JSON.stringify(c.stat),
          c.excerpt,
          c.score,
          JSON.stringify(c.reasons),
          at,
        );
      }
      const removed = options.prune
        ? Number(
          this.#sql.prepare(
            `DELETE FROM git_candidates WHERE project = ? AND state = 'draft'
             AND sha NOT IN (SELECT value FROM json_each(?))`,
          ).run(project, JSON.stringify(candidates.map((c) => c.sha))).changes,
        )
        : 0;
      return { added, updated: candidates.length - added, removed };
    });
  }

  /** Draft candidates of a project, strongest first; with `file`, those touching it or a path under it. */
  candidates(
    project: string,
    options: { file?: string | undefined; limit?: number | undefined } = {},
  ): StoredCandidate[] {
    const file = options.file?.replaceAll("\\", "/").replace(/^\.\//, "").replace(/\/+$/, "");
    const rows = this.#sql.prepare(
      `SELECT * FROM git_candidates c WHERE project = ? AND state = 'draft'
         AND (? IS NULL OR EXISTS (SELECT 1 FROM json_each(c.files)
              WHERE value = ? OR substr(value, 1, length(?) + 1) = ? || '/'))
       ORDER BY score DESC, committed_at DESC LIMIT ?`,
    ).all(
      project,
      file ?? null,
      file ?? null,
      file ?? null,
      file ?? null,
      clampLimit(options.limit, 20),
    );
    return rows.map((row) => ({
      project: String(row.project),
      sha: String(row.sha),
      subject: String(row.subject),
      message: String(row.message),
      author: String(row.author),
      committed_at: String(row.committed_at),
      files: JSON.parse(String(row.files)) as string[],
      stat: JSON.parse(String(row.stat)) as StoredCandidate["stat"],
      excerpt: String(row.excerpt),
      score: Number(row.score),
      reasons: JSON.parse(String(row.reasons)) as string[],
      state: String(row.state) === "dismissed" ? "dismissed" : "draft",
      mined_at: String(row.mined_at),
    }));
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

  /**
   * Full-text search: any word may match, bm25 with title above body, then newest first; with
   * semantic recall, related words and reranking too, unless `semantic` is false (a search as
   * you type, where each keystroke's half-typed word has no meaning to expand).
   */
  search(
    query: string,
    filter: MemoryFilter = {},
    options: { semantic?: boolean } = {},
  ): SearchHit[] {
    if (!this.#semantics || options.semantic === false) {
      return searchMemories(this.#sql, query, filter);
    }
    return semanticSearch(query, filter, this.#semantics, {
      lexical: (text, pool, how) =>
        searchMemories(this.#sql, text, pool, { ...how, snippets: false }),
      snippets,
      // Vectors of another model are not comparable with this query's: none until recomputed.
      vectors: (ids) => this.#vectorState() === "stale" ? new Map() : vectorsOf(this.#sql, ids),
      scan: (scope) => this.#vectorState() === "stale" ? undefined : scanVectors(this.#sql, scope),
      hits: (ids) => this.getMany(ids).map((memory) => ({ memory, score: 0, snippet: "" })),
    });
  }

  /**
   * Memories matching the filter, newest first; `skip` leaves ids out of that page (the page is
   * chosen as without it).
   */
  list(filter: MemoryFilter = {}, options: { skip?: ReadonlySet<string> } = {}): Memory[] {
    const { where, params } = filterSql(this.#sql, filter);
    const limit = clampLimit(filter.limit, 20);
    if (!options.skip?.size) {
      return this.#sql.prepare(
        `SELECT ${M_COLUMNS} FROM memories m ${whereClause(where)}
         ORDER BY m.created_at DESC, m.id DESC LIMIT ?`,
      ).all(...params, limit).map(toMemory);
    }
    // The same page, without the skipped ids: they are never read into memories (a hook skips
    // what it already showed in this session).
    return this.#sql.prepare(
      `SELECT ${M_COLUMNS} FROM memories m WHERE m.rowid IN (
         SELECT m.rowid FROM memories m ${whereClause(where)}
         ORDER BY m.created_at DESC, m.id DESC LIMIT ?
       ) AND m.id NOT IN (SELECT value FROM json_each(?))
       ORDER BY m.created_at DESC, m.id DESC`,
    ).all(...params, limit, JSON.stringify([...options.skip])).map(toMemory);
  }

  /** Every memory matching the filter, oldest first, without a limit (export, scans). */
  *iterate(filter: MemoryFilter = {}): Generator<Memory> {
    const { where, params } = filterSql(this.#sql, filter);
    const statement = this.#db.prepare(
      `SELECT ${M_COLUMNS} FROM memories m ${whereClause(where)} ORDER BY m.created_at, m.id`,
    );
    for (const row of statement.iterate(...params)) yield toMemory(row as Row);
  }

  /** The stored anchors that are globs (see lib/glob.ts prepareGlobs). */
  globAnchors(): string[] {
    return globAnchors(this.#sql);
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
    const { valid, bad } = validation().importLines(lines, options.numberFrom);
    if (bad.length > 0) throw validation().importError(bad);
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
          validation().newMemory({
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
   * Rewrite every stored text through the cleaners (scan-vault), in batches so other writers
   * wait at most one batch; see rewriteTexts.
   */
  rewriteTexts(cleaners: Cleaners, options: { dryRun?: boolean } = {}): RewriteResult {
    return rewriteTexts(this, this.#sql, cleaners, options);
  }

  /**
   * Count one recall of each memory id (served to an AI or a person) at `at`. Never waits for
   * the write lock: returns false, counting nothing, when another process holds it.
   */
  recordRecalls(ids: Iterable<string>, at: Date): boolean {
    return recordRecalls(this.#sql, [{ ids, at }]);
  }

  /** recordRecalls for several times at once, in one transaction (a folded recall journal). */
  recordRecallBatches(batches: RecallBatch[]): boolean {
    return recordRecalls(this.#sql, batches);
  }

  /** Add sentinel findings per rule id at `at`; false, counting nothing, when the lock is busy. */
  recordRuleHits(hits: Map<string, number>, at: Date): boolean {
    return recordRuleHits(this.#sql, hits, at);
  }

  /** The most recalled memories' counts, most first. */
  mostRecalled(limit = 10): RecallCount[] {
    return mostRecalled(this.#sql, clampLimit(limit, 10));
  }

  /** How often a memory was recalled, or undefined when never. */
  recallsOf(id: string): RecallCount | undefined {
    return recallsOf(this.#sql, id);
  }

  /** Every sentinel rule's hit count, most first. */
  ruleHits(): RuleHitCount[] {
    return ruleHits(this.#sql);
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
  /** The semantic recall this vault searches with (undefined: lexical search only). */
  get semantics(): SearchSemantics | undefined {
    return this.#semantics;
  }

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

  /** insertMemory, plus the memory's vector when semantic recall is on. */
  #insert(
    input: ValidNewMemory,
    provenance: Provenance,
    extra: Parameters<typeof insertMemory>[4],
  ): SaveResult {
    const result = insertMemory(this.#sql, this.#defaults, input, provenance, extra);
    if (!result.duplicate) this.#storeVector(result.memory);
    return result;
  }

  /** Active memories still without an embedding from `model` (optional embeddings server). */
  missingEmbeddings(model: string, limit: number): { id: string; text: string }[] {
    return missingEmbeddings(this.#sql, model, limit);
  }

  /** Store the embeddings of memories, in one transaction. */
  storeEmbeddings(model: string, rows: { id: string; vector: Int8Array }[]): void {
    this.#sql.write(() => {
      for (const row of rows) storeEmbedding(this.#sql, row.id, model, row.vector);
    });
  }

  /**
   * The stored embeddings from `model` of the memories the filter selects: of `ids` when given,
   * else all of them, or undefined in a vault too large to scan (over 5,000).
   */
  embeddings(
    model: string,
    filter: MemoryFilter = {},
    ids?: string[],
  ): Map<string, Int8Array> | undefined {
    return embeddingsFor(this.#sql, model, filter, ids);
  }

  /**
   * Store a memory's vector (inside a write). While the stored vectors are of another model it
   * stays in the backlog instead: the next backfill recomputes every vector.
   */
  #storeVector(memory: Pick<Memory, "id" | "title" | "content" | "why" | "tags">): void {
    if (!this.#semantics) return;
    const state = this.#vectorState();
    if (state === "stale") return;
    if (state === "unrecorded") recordVectorModel(this.#sql, this.#semantics.model);
    storeVector(this.#sql, memory.id, this.#semantics.vectorize(vectorText(memory)));
    // Set only once written: a transaction rolled back leaves "unrecorded" to be written again.
    if (state === "unrecorded") this.#vectorModel = undefined;
  }

  /**
   * How the stored vectors relate to the semantics' model: "stale" when they come from another
   * (an older korva's word vectors), "unrecorded" when the vault holds none and names no model.
   */
  #vectorState(): "recorded" | "unrecorded" | "stale" {
    if (this.#vectorModel) return this.#vectorModel;
    const stored = storedVectorModel(this.#sql);
    const state = stored === undefined
      ? "unrecorded"
      : stored === this.#semantics?.model
      ? "recorded"
      : "stale";
    // "unrecorded" is read again after a write: another process may have stored vectors since.
    if (state !== "unrecorded") this.#vectorModel = state;
    return state;
  }

  /** How many memories wait for a semantic-recall vector (searches add them, backfillVectors). */
  vectorBacklog(): number {
    return vectorBacklogSize(this.#sql, this.#semantics && this.#vectorState() === "stale");
  }

  /**
   * Vectorize memories whose vector is missing or stale (saved before semantic recall, or by a
   * process without it), newest first, in one transaction of at most `limit` memories or about
   * `budgetMs`; returns how many were done. A vault busy with another writer is left for later.
   */
  backfillVectors(options: { limit?: number; budgetMs?: number } = {}): number {
    const semantics = this.#semantics;
    if (!semantics || this.#readonly) return 0;
    const stale = this.#vectorState() === "stale";
    if (!stale && vectorBacklog(this.#sql, 1).length === 0) return 0;
    const budget = options.budgetMs ?? BACKFILL_BUDGET_MS;
    // The clock starts after the first memory: that one may pay for loading lazy semantics.
    let deadline = Infinity;
    let done = 0;
    try {
      const committed = this.#sql.tryWrite(() => {
        // Vectors of an older model: drop them all and list every memory (once per vault).
        if (stale) resetVectors(this.#sql, semantics.model);
        this.#vectorModel = undefined;
        const pending = vectorBacklog(this.#sql, options.limit ?? BACKFILL_BATCH);
        for (const memory of pending) {
          this.#storeVector(memory);
          if (done++ === 0) deadline = performance.now() + budget;
          if (performance.now() > deadline) break;
        }
        return true;
      });
      // Another process holds the write lock: nothing was written; a later search tries again.
      if (!committed) return 0;
    } catch (error) {
      // A vault file the user cannot write: the search goes on without.
      const cause = error instanceof KorvaError ? error.cause : undefined;
      if (!/readonly/i.test(messageOf(cause))) throw error;
      return 0;
    }
    return done;
  }

  get #defaults(): InsertDefaults {
    return {
      now: this.#now,
      id: (at) => this.#ulid(at.getTime()),
      project: () => {
        if (typeof this.#project === "function") this.#project = this.#project();
        return this.#project;
      },
      author: this.#author,
    };
  }
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
