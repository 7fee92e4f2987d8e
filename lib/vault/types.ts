// The memory's shape without its schema: kinds, limits and the types every module uses. The zod
// schemas that check input live in schemas.ts, which only writers and front doors load: a process
// that only reads the vault (the file hooks) never loads zod (issue 19).
export type {
  GitCandidate,
  ImportLine,
  Memory,
  MemoryPatch,
  MemoryType,
  NewMemory,
  Scope,
  Status,
  StoredCandidate,
  ValidNewMemory,
} from "./schemas.ts";
import type { Memory, MemoryType, Scope, Status } from "./schemas.ts";

/** Kinds of memory, most structured first. */
export const MEMORY_TYPES = [
  "decision",
  "pattern",
  "incident",
  "bugfix",
  "convention",
  "learning",
  "note",
] as const;
/** Size limits, shared by every entry point. */
export const LIMITS = {
  title: 200,
  content: 64 * 1024,
  why: 16 * 1024,
  tag: 64,
  tags: 32,
  file: 512,
  files: 64,
  project: 200,
} as const;

/** Whether text holds a C0 control character other than tab, newline and return, or DEL. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) {
      return true;
    }
  }
  return false;
}

/** Filters shared by search, list, timeline and export. */
export interface MemoryFilter {
  project?: string | undefined;
  type?: MemoryType | undefined;
  tag?: string | undefined;
  file?: string | undefined;
  /** Memories carrying any of these exact anchors (no path matching). */
  anchors?: string[] | undefined;
  scope?: Scope | undefined;
  /** Default: active only. "all" includes superseded and archived. */
  status?: Status | "all" | undefined;
  /** Only confirmed (true) or only draft (false) memories. */
  confirmed?: boolean | undefined;
  since?: string | undefined;
  until?: string | undefined;
  limit?: number | undefined;
}

/** A search result: the memory plus score and a highlighted snippet. */
export interface SearchHit {
  memory: Memory;
  score: number;
  snippet: string;
}

/** Where a memory came from, set by the memory layer (never by the caller's input). */
export interface Provenance {
  commit?: string | null;
  client?: string | null;
  confirmed?: boolean;
  flags?: string[];
  shared_by?: string | null;
}

/** What `save` reports. */
export interface SaveResult {
  memory: Memory;
  duplicate: boolean;
  /** Redactions applied before the write: category → count. */
  redacted: Record<string, number>;
}
