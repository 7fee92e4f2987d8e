// Inserting a memory row with its tag, file and anchor rows (inside a write transaction).
import { isGlob } from "../glob.ts";
import { contentHash, MEMORY_COLUMNS, toMemory, toRow, uniq } from "./rows.ts";
import type { Sql } from "./sql.ts";
import type { Memory, Provenance, SaveResult, ValidNewMemory } from "./types.ts";

/** What an insert takes from the open vault: clock, id source, default project and author. */
export interface InsertDefaults {
  now(): Date;
  id(at: Date): string;
  project(): string;
  author: string | undefined;
}

/** Insert a memory unless an identical one (project, title, content) exists; returns it. */
export function insertMemory(
  sql: Sql,
  defaults: InsertDefaults,
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
  const project = input.project ?? defaults.project();
  const hash = contentHash(project, input.title, input.content);
  const existing = sql.prepare(
    `SELECT ${MEMORY_COLUMNS} FROM memories
     WHERE project = ? AND content_hash = ? AND status != 'archived' LIMIT 1`,
  ).get(project, hash);
  if (existing) return { memory: toMemory(existing), duplicate: true, redacted: {} };
  const now = defaults.now();
  const why = extra.why ?? input.why;
  const iso = (value: string | undefined) =>
    value ? new Date(value).toISOString() : now.toISOString();
  const memory: Memory = {
    id: extra.id ?? defaults.id(now),
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
    author: extra.author ?? input.author ?? defaults.author ?? null,
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
  sql.prepare(
    `INSERT INTO memories (${MEMORY_COLUMNS}, terms)
     VALUES (${MEMORY_COLUMNS.split(", ").map(() => "?").join(", ")}, ?)`,
  ).run(...toRow(memory));
  insertLinks(sql, memory.id, memory.tags, memory.files);
  return { memory, duplicate: false, redacted: {} };
}

/** Replace a memory's tag and file rows. */
export function replaceLinks(sql: Sql, id: string, tags: string[], files: string[]): void {
  sql.prepare("DELETE FROM memory_tags WHERE memory_id = ?").run(id);
  sql.prepare("DELETE FROM memory_files WHERE memory_id = ?").run(id);
  insertLinks(sql, id, tags, files);
}

function insertLinks(sql: Sql, id: string, tags: string[], files: string[]): void {
  const tag = sql.prepare(
    "INSERT OR IGNORE INTO memory_tags (memory_id, tag) VALUES (?, ?)",
  );
  for (const t of tags) tag.run(id, t);
  const file = sql.prepare(
    "INSERT OR IGNORE INTO memory_files (memory_id, anchor) VALUES (?, ?)",
  );
  const anchor = sql.prepare(
    "INSERT OR IGNORE INTO anchors (anchor, is_glob) VALUES (?, ?)",
  );
  for (const f of files) {
    file.run(id, f);
    anchor.run(f, isGlob(f) ? 1 : 0);
  }
}
