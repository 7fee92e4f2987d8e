// Settings files for the hooks: the validated result of parsing a file, cached as JSON under
// KORVA_HOME/run and keyed by the file's path, mtime and size (or its absence), so a hook reads
// one small JSON file and loads no parser or zod schema (~30 ms) unless the file changed.
import { join } from "./posix_path.ts";
import { writeFileAtomic } from "./atomic_write.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "./file_modes.ts";
import { readFileSync, statSync } from "./fs_sync.ts";
import { homePaths } from "./paths.ts";
import { sha256Hex } from "./sha256.ts";

interface CacheEntry<T> {
  format: string;
  path: string;
  mtimeMs: number;
  size: number;
  value: T;
}

/** What a cache holds: one kind of file, validated by `load` against schema version `format`. */
export interface ValidatedFile<T> {
  /** Names the cache file (`<kind>-<hash of path>.json`). */
  kind: string;
  /** Changes whenever the validating code changes, so older entries are not trusted. */
  format: string;
  /** Parse and validate the file (or give the default when it is absent); throws when invalid. */
  load(): Promise<T>;
}

/**
 * `file.load()` for the file at `path`, through the cache: the cached value while the file is
 * unchanged (or still absent), else a load; a load that throws is never cached.
 */
export async function cachedValidated<T>(
  home: string,
  path: string,
  file: ValidatedFile<T>,
): Promise<T> {
  let stat = { mtimeMs: -1, size: -1 };
  try {
    const found = statSync(path);
    stat = { mtimeMs: found.mtimeMs, size: found.size };
  } catch {
    // Absent: cached under size -1 (the default settings).
  }
  const run = homePaths(home).run;
  const cache = join(run, `${file.kind}-${sha256Hex(path).slice(0, 24)}.json`);
  try {
    const entry = JSON.parse(readFileSync(cache, "utf8")) as CacheEntry<T>;
    if (
      entry.format === file.format && entry.path === path &&
      entry.mtimeMs === stat.mtimeMs && entry.size === stat.size
    ) {
      return entry.value;
    }
  } catch {
    // No entry or a corrupt one: load.
  }
  const value = await file.load();
  const entry: CacheEntry<T> = { format: file.format, path, ...stat, value };
  try {
    ensurePrivateDir(run);
    writeFileAtomic(cache, JSON.stringify(entry), { mode: PRIVATE_FILE_MODE });
  } catch {
    // A cache that cannot be written only costs the next hook its parse.
  }
  return value;
}
