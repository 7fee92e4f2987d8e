// The vault's schema and its numbered migrations: every table is born here, in order.
//
// Schema (version 8), for reading vault.db by hand:
//   meta(key, value)                       schema_version and bookkeeping
//   memories(id TEXT PK (ULID), project, type, title, content, why, tags JSON array,
//            files JSON array, scope, status, supersedes, superseded_by, author, source,
//            session_id, created_at, updated_at (ISO 8601 UTC), content_hash, terms,
//            git_commit, client, confirmed 0/1, review_by, owner, flags JSON array, shared_by)
//   memory_files(memory_id, anchor)        one row per file anchor (path or glob)
//   anchors(anchor, is_glob)               every distinct anchor ever stored (for lookups)
//   memory_tags(memory_id, tag)            one row per tag
//   memory_history(memory_id, changed_at, snapshot JSON)   previous versions on update
//   sessions(id, project, goal, client, started_at, ended_at, summary_id)
//   team_sync(repo, memory_id, path, file_hash, memory_hash, synced_at)   team file state
//   team_refresh(repo, at)                 when a repository's team files were last read
//   git_candidates(project, sha, subject, message, author, committed_at, files JSON, stat JSON,
//            excerpt, score, reasons JSON, state draft|dismissed, mined_at)   `korva mine git`
//   memories_fts  FTS5 over title, content, why, tags, files, terms (external content =
//                 memories, kept in sync by triggers; porter + unicode61 tokenizer)
//   memory_vectors(memory_id, vector BLOB)  semantic recall's int8 vector per memory (v4)
//   memory_embeddings(memory_id, model, vector BLOB)  optional local-server embeddings (v5)
//   memory_recalls(memory_id, count, last_at)   how often a memory was served to an AI or a person (v7)
//   rule_hits(rule_id, count, last_at)     findings reported per sentinel rule (v7)
//   memory_vector_backlog(memory_id)       memories whose vector is missing or stale (v8)
import type { DatabaseSync } from "node:sqlite";
import { KorvaError } from "../errors.ts";
import { isBusy } from "./sqlite_error.ts";

/** Migration N+1 is MIGRATIONS[N]; a vault at version N runs the ones after it, in order. */
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
  // 2: team sync state (created ad hoc before), provenance and review fields.
  `
  CREATE TABLE IF NOT EXISTS team_sync (
    repo TEXT NOT NULL,
    memory_id TEXT NOT NULL,
    path TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    memory_hash TEXT NOT NULL,
    synced_at TEXT NOT NULL,
    PRIMARY KEY (repo, memory_id)
  );
  CREATE TABLE IF NOT EXISTS team_refresh (repo TEXT PRIMARY KEY, at REAL NOT NULL);
  ALTER TABLE memories ADD COLUMN git_commit TEXT;
  ALTER TABLE memories ADD COLUMN client TEXT;
  ALTER TABLE memories ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE memories ADD COLUMN review_by TEXT;
  ALTER TABLE memories ADD COLUMN owner TEXT;
  ALTER TABLE memories ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE memories ADD COLUMN shared_by TEXT;
  UPDATE memories SET confirmed = 0 WHERE source NOT IN ('cli', 'team', 'import', 'http');
  CREATE INDEX memories_review ON memories(review_by) WHERE review_by IS NOT NULL;
  `,
  // 3: commits proposed by `korva mine git` (drafts, kept apart from memories so context and
  // search never serve them as knowledge).
  `
  CREATE TABLE git_candidates (
    project TEXT NOT NULL,
    sha TEXT NOT NULL,
    subject TEXT NOT NULL,
    message TEXT NOT NULL,
    author TEXT NOT NULL,
    committed_at TEXT NOT NULL,
    files TEXT NOT NULL DEFAULT '[]',
    stat TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    score REAL NOT NULL,
    reasons TEXT NOT NULL DEFAULT '[]',
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','dismissed')),
    mined_at TEXT NOT NULL,
    PRIMARY KEY (project, sha)
  );
  CREATE INDEX git_candidates_score ON git_candidates(project, score DESC);
  `,
  // 4: semantic recall's memory vectors (lib/recall; at most 400 bytes per memory).
  `
  CREATE TABLE memory_vectors (
    memory_id TEXT PRIMARY KEY REFERENCES memories(id) ON DELETE CASCADE,
    vector BLOB NOT NULL
  ) WITHOUT ROWID;
  `,
  // 5: embeddings from the optional local embeddings server, per memory and model.
  `
  CREATE TABLE memory_embeddings (
    memory_id TEXT PRIMARY KEY REFERENCES memories(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    vector BLOB NOT NULL
  ) WITHOUT ROWID;
  `,
  // 6: newest-first lists filtered by status, type, scope or project without a project (the
  // dashboard's first page) walk memories_created_facets instead of sorting every row (~200 ms
  // at 100k); counts by facet (stats, the overview) scan the covering memories_facets (~35 ms
  // instead of ~400 ms). memories_facets leads with scope so the planner never prefers it for
  // the common status filter, which would sort every active row.
  `
  CREATE INDEX memories_created_facets ON memories(created_at, status, type, scope, project);
  CREATE INDEX memories_facets ON memories(scope, status, type, project);
  `,
  // 7: usage counters for the dashboard's overview (issue 22): how often each memory was served
  // to an AI or a person and when last, and how often each sentinel rule reported a finding.
  // Tables of their own, not columns of memories: a count must not rewrite the memory's row
  // (nor touch its full-text index) on every file an agent reads.
  `
  CREATE TABLE memory_recalls (
    memory_id TEXT PRIMARY KEY REFERENCES memories(id) ON DELETE CASCADE,
    count INTEGER NOT NULL,
    last_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX memory_recalls_count ON memory_recalls(count DESC, last_at DESC);
  CREATE TABLE rule_hits (
    rule_id TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    last_at TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 8: memories whose semantic-recall vector is missing or stale: saved before vectors existed
  // (schema < 4), saved by a process without semantics, or whose text changed outside a
  // vectorizing update. Triggers keep the list; korva search, vault_search and korva doctor --fix
  // drain it (Vault.backfillVectors).
  `
  CREATE TABLE memory_vector_backlog (
    memory_id TEXT PRIMARY KEY REFERENCES memories(id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  INSERT INTO memory_vector_backlog (memory_id)
    SELECT id FROM memories WHERE id NOT IN (SELECT memory_id FROM memory_vectors);
  CREATE TRIGGER memory_vector_backlog_ai AFTER INSERT ON memories BEGIN
    INSERT OR IGNORE INTO memory_vector_backlog (memory_id) VALUES (new.id);
  END;
  CREATE TRIGGER memory_vector_backlog_au AFTER UPDATE OF title, content, why, tags ON memories
  BEGIN
    INSERT OR IGNORE INTO memory_vector_backlog (memory_id) VALUES (new.id);
  END;
  `,
];

/** The schema version this korva writes; older vaults are migrated, newer ones refused. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Bring the schema to SCHEMA_VERSION (no-op when current; refuses a newer vault). */
export function migrate(db: DatabaseSync, path: string, readonly: boolean): void {
  const version = readSchemaVersion(db);
  if (version > SCHEMA_VERSION) {
    throw new KorvaError(
      `Cannot open the vault "${path}": it was written by a newer korva (schema ${version}, this korva knows ${SCHEMA_VERSION})`,
      { exitCode: 3, hint: "upgrade korva; the vault was left untouched" },
    );
  }
  if (version === SCHEMA_VERSION || readonly) return;
  switchToWal(db);
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

/**
 * The vault's schema version (0 for an empty file). Whether `meta` exists and whether anything
 * else does are read in one statement: read apart, another process creating the vault could
 * commit in between, and a vault being born looked like a database of someone else's tables.
 */
function readSchemaVersion(db: DatabaseSync): number {
  const found = db.prepare(
    `SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta') AS meta,
            (SELECT count(*) FROM sqlite_master) AS objects`,
  ).get();
  if (Number(found?.meta ?? 0) === 0) {
    if (Number(found?.objects ?? 0) > 0) {
      throw new KorvaError("the database has tables but is not a korva vault", { exitCode: 3 });
    }
    return 0;
  }
  // meta and its schema_version row are committed together (migrate).
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get();
  return row ? Number(row.value) : 0;
}

/**
 * Put the file in WAL mode. Two processes switching a new vault at once each hold a read lock
 * and want the file to themselves: SQLite answers one of them SQLITE_BUSY at once, without the
 * busy timeout, so the switch is tried again (every 10 ms, within the busy timeout) until the
 * other process has switched it or let go.
 */
function switchToWal(db: DatabaseSync): void {
  const timeout = Number(db.prepare("PRAGMA busy_timeout").get()?.timeout ?? 0);
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}
