// Rows ⇄ memories: the column list, the row mapping and the derived columns (hash, terms).
import { sha256Hex } from "../sha256.ts";
import type { SQLInputValue } from "node:sqlite";
import { derivedTerms } from "./search.ts";
import type { Memory } from "./types.ts";

/** A row as node:sqlite returns it. */
export type Row = Record<string, SQLInputValue>;

/** Every column a Memory is read from, in insert order. */
export const MEMORY_COLUMNS =
  "id, project, type, title, content, why, tags, files, scope, status, supersedes, " +
  "superseded_by, author, source, session_id, created_at, updated_at, content_hash, " +
  "git_commit, client, confirmed, review_by, owner, flags, shared_by";

/** The same columns qualified with the `m.` alias. */
export const M_COLUMNS = MEMORY_COLUMNS.split(", ").map((c) => `m.${c}`).join(", ");

const nullable = (value: SQLInputValue | undefined) =>
  value === null || value === undefined ? null : String(value);

/** A memories row as a Memory. */
export function toMemory(row: Row): Memory {
  return {
    id: String(row.id),
    project: String(row.project),
    type: row.type as Memory["type"],
    title: String(row.title),
    content: String(row.content),
    why: nullable(row.why),
    tags: JSON.parse(String(row.tags)) as string[],
    files: JSON.parse(String(row.files)) as string[],
    scope: row.scope as Memory["scope"],
    status: row.status as Memory["status"],
    supersedes: nullable(row.supersedes),
    superseded_by: nullable(row.superseded_by),
    author: nullable(row.author),
    source: String(row.source),
    session_id: nullable(row.session_id),
    created_at: String(row.created_at),
    updated_at: String(row.updated_at),
    content_hash: String(row.content_hash),
    commit: nullable(row.git_commit),
    client: nullable(row.client),
    confirmed: Number(row.confirmed ?? 1) === 1,
    review_by: nullable(row.review_by),
    owner: nullable(row.owner),
    flags: JSON.parse(String(row.flags ?? "[]")) as string[],
    shared_by: nullable(row.shared_by),
  };
}

/** A Memory as the values of MEMORY_COLUMNS, then `terms`. */
export function toRow(memory: Memory): SQLInputValue[] {
  return [
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
    memory.commit,
    memory.client,
    memory.confirmed ? 1 : 0,
    memory.review_by,
    memory.owner,
    JSON.stringify(memory.flags),
    memory.shared_by,
    termsOf(memory),
  ];
}

/** The derived search terms of a memory (identifier parts). */
export function termsOf(memory: Pick<Memory, "title" | "content" | "why" | "tags">): string {
  return derivedTerms([memory.title, memory.content, memory.why ?? "", ...memory.tags]);
}

/** sha256 over project, title and content: the duplicate key. */
export function contentHash(project: string, title: string, content: string): string {
  return sha256Hex(`${project}\u0000${title.trim()}\u0000${content.trim()}`);
}

/** Values in first-seen order without repeats. */
export function uniq(values: string[]): string[] {
  return [...new Set(values)];
}

/** A limit clamped to 1…10,000, or the fallback. */
export function clampLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(Math.trunc(limit), 10_000));
}
