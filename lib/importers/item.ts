// What every parser produces: memory inputs with provenance, and how provenance is written into a
// memory's `source` (`adr:docs/adr/0003-use-postgres.md:1`, `rules:CLAUDE.md:12#3fa9c2d1`).
import type { MemoryType, Status } from "../vault/types.ts";

/** The importer kinds, as named on the command line and in `source`. */
export const IMPORT_KINDS = ["adr", "postmortem", "rules"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One memory to import, with where it came from. */
export interface ImportItem {
  /** Stable identity across edits of the file: `kind:path` or `kind:path#part`. */
  key: string;
  /** Source file, relative to the repository root (or the working folder outside one). */
  path: string;
  /** 1-based line where the record or section starts. */
  line: number;
  type: MemoryType;
  title: string;
  content: string;
  why?: string | undefined;
  tags: string[];
  files: string[];
  status: Status;
  /** References (link targets or record numbers) to records that replace this one. */
  supersededBy: string[];
  /** References to records this one replaces. */
  supersedes: string[];
  /** Conventions are skipped when the same text is already stored, whatever its source. */
  dedupeByText: boolean;
}

/** A file that could not be imported, and why (one clause, no trailing period). */
export interface ImportProblem {
  path: string;
  reason: string;
}

/** The `source` value for an item: key with the line inserted before any `#part`. */
export function sourceOf(item: Pick<ImportItem, "key" | "line">): string {
  const hash = item.key.indexOf("#");
  return hash < 0
    ? `${item.key}:${item.line}`
    : `${item.key.slice(0, hash)}:${item.line}${item.key.slice(hash)}`;
}

/** The item key a stored `source` was written from (the line removed), or undefined. */
export function keyOfSource(source: string): string | undefined {
  const match = source.match(/^([a-z]+:.+?):(\d+)(#.*)?$/);
  if (!match || !(IMPORT_KINDS as readonly string[]).includes(source.split(":")[0] ?? "")) {
    return undefined;
  }
  return `${match[1]}${match[3] ?? ""}`;
}

/** `path:line` of a stored source, for people ("docs/adr/0003-use-postgres.md:1"). */
export function provenanceOf(source: string): string | undefined {
  const match = source.match(/^[a-z]+:(.+?):(\d+)(#.*)?$/);
  return match ? `${match[1]}:${match[2]}` : undefined;
}

/** The file part of a key: `adr:docs/a.md#x` → `adr:docs/a.md`. */
export function fileKeyOf(key: string): string {
  const hash = key.indexOf("#");
  return hash < 0 ? key : key.slice(0, hash);
}

/** A short stable id for a piece of text (FNV-1a, 8 hex digits): for `#part` of a key. */
export function textId(text: string): string {
  let hash = 0x811c9dc5;
  const normal = normalizeText(text);
  for (let i = 0; i < normal.length; i++) {
    hash ^= normal.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** Text compared for de-duplication: lower case, Markdown marks and spacing removed. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/[`*_>#]/g, "").replace(/\s+/g, " ").replace(/[.;:!]+$/, "")
    .trim();
}

/** A title from free text: its first sentence, at most `max` characters. */
export function titleFrom(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const sentence = flat.match(/^(.+?[.!?])(\s|$)/)?.[1] ?? flat;
  const title = sentence.replace(/[.!?]$/, "");
  return title.length <= max ? title : `${title.slice(0, max - 1).trimEnd()}…`;
}
