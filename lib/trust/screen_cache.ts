// The screen's flags for memories, kept between processes under KORVA_HOME/cache/screen: the
// hooks screen the same drafts on every session start and file read, at ~0.3 ms a memory (24
// rules over every text, compiled on first use). An entry is a memory's id, its updated_at and
// its stored flags; the file is named by SCREEN_CACHE_FORMAT, which changes with the screen's
// code (a test says so), so an answer of older rules is never read.
import { writeFileAtomic } from "../atomic_write.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "../file_modes.ts";
import { readFileSync } from "../fs_sync.ts";
import { join } from "../posix_path.ts";
import type { Memory } from "../vault/types.ts";
import { memoryFlags } from "./provenance.ts";

/** Bump with any change to screen.ts or hidden.ts (tests/trust/screen_cache_test.ts checks). */
export const SCREEN_CACHE_FORMAT = "screen-1:5b070910";
/** Entries kept; the oldest go first. */
const MAX_ENTRIES = 2_000;

/** Flags through the cache, and the write-back of what was screened. */
export interface ScreenCache {
  flagsOf(memory: Memory): string[];
  /** Write the cache when something new was screened; a read-only home costs only the next call. */
  save(): void;
}

/** The cache in `dir` (KORVA_HOME/cache/screen). */
export function screenCache(dir: string): ScreenCache {
  const file = join(dir, `${SCREEN_CACHE_FORMAT.replace(":", "-")}.json`);
  let entries: Record<string, string[]> = {};
  try {
    const read = JSON.parse(readFileSync(file, "utf8"));
    if (read && typeof read === "object" && !Array.isArray(read)) entries = read;
  } catch {
    // cold, or unreadable: screened again
  }
  let changed = false;
  return {
    flagsOf(memory) {
      const key = `${memory.id}@${memory.updated_at}@${memory.flags.join(",")}`;
      const known = entries[key];
      if (Array.isArray(known)) return known;
      const flags = memoryFlags(memory);
      entries[key] = flags;
      changed = true;
      return flags;
    },
    save() {
      if (!changed) return;
      const keys = Object.keys(entries);
      const kept = keys.length <= MAX_ENTRIES
        ? entries
        : Object.fromEntries(keys.slice(-MAX_ENTRIES).map((key) => [key, entries[key]!]));
      try {
        ensurePrivateDir(dir);
        writeFileAtomic(file, JSON.stringify(kept), { mode: PRIVATE_FILE_MODE });
        changed = false;
      } catch {
        // A read-only KORVA_HOME: the next call screens again.
      }
    },
  };
}
