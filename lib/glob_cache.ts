// Compiled globs kept between processes (KORVA_HOME/cache/globs-<compiler>.json): the edit gate
// compiles the same built-in and team rule globs on every write, and the file hooks the same glob
// anchors, while loading zeptomatch to do it costs ~5 ms. The file is named by the compiler's
// name and version (GLOB_COMPILER), so another version compiles afresh.
import { writeFileAtomic } from "./atomic_write.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "./file_modes.ts";
import { readFileSync } from "./fs_sync.ts";
import { GLOB_COMPILER, knowGlobs, takeFreshGlobs } from "./glob.ts";
import { join } from "./posix_path.ts";

/** Globs kept; the oldest go first. */
const MAX_GLOBS = 500;

function cacheFile(dir: string): string {
  return join(dir, `globs-${GLOB_COMPILER}.json`);
}

function readEntries(dir: string): Record<string, [string, string]> {
  try {
    const read = JSON.parse(readFileSync(cacheFile(dir), "utf8"));
    return read && typeof read === "object" && !Array.isArray(read) ? read : {};
  } catch {
    return {}; // cold, or unreadable: compiled again
  }
}

/** Folders this process read already (a long-running server checks rules on every call). */
const read = new Set<string>();

/** Make the globs compiled by earlier processes known (lib/glob.ts knowGlobs), once per folder. */
export function readGlobCache(dir: string): void {
  if (read.has(dir)) return;
  read.add(dir);
  knowGlobs(readEntries(dir));
}

/** Keep the globs this process compiled; a read-only KORVA_HOME only costs the next call. */
export function writeGlobCache(dir: string): void {
  const fresh = takeFreshGlobs();
  if (Object.keys(fresh).length === 0) return;
  const merged = Object.entries({ ...readEntries(dir), ...fresh }).slice(-MAX_GLOBS);
  try {
    ensurePrivateDir(dir);
    writeFileAtomic(cacheFile(dir), JSON.stringify(Object.fromEntries(merged)), {
      mode: PRIVATE_FILE_MODE,
    });
  } catch {
    // nothing kept
  }
}
