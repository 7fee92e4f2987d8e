// `.korva/config.yml` for the hooks: the validated settings cached as JSON under
// KORVA_HOME/run, keyed by the file's path, mtime and size, so a hook reads one small JSON file
// and loads neither the YAML parser nor the zod schema (~30 ms) unless the file changed.
import { join } from "node:path";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "./file_modes.ts";
import { readFileSync, renameSync, statSync, writeFileSync } from "./fs_sync.ts";
import { homePaths } from "./paths.ts";
import type { ProjectConfig } from "./project_config.ts";
import { sha256Hex } from "./sha256.ts";
import { importLazily } from "./lazy_import.ts";

/**
 * What the cached data was validated against. Bump it whenever project_config.ts changes
 * (tests/project_config_cache_test.ts fails until then).
 */
export const PROJECT_CONFIG_CACHE_FORMAT = "project-config-1:e00ff2af";

interface CacheEntry {
  format: string;
  path: string;
  mtimeMs: number;
  size: number;
  config: ProjectConfig;
}

/**
 * loadProjectConfig(root), through the cache: undefined when the file is absent, the cached
 * settings when the file is unchanged, else a parse (KorvaError, exit 2, when invalid; an
 * invalid file is never cached).
 */
export async function cachedProjectConfig(
  home: string,
  root: string,
): Promise<ProjectConfig | undefined> {
  const path = join(root, ".korva", "config.yml");
  let stat: { mtimeMs: number; size: number };
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  const run = homePaths(home).run;
  const file = join(run, `project-config-${sha256Hex(path).slice(0, 24)}.json`);
  try {
    const entry = JSON.parse(readFileSync(file, "utf8")) as CacheEntry;
    if (
      entry.format === PROJECT_CONFIG_CACHE_FORMAT && entry.path === path &&
      entry.mtimeMs === stat.mtimeMs && entry.size === stat.size
    ) {
      return entry.config;
    }
  } catch {
    // No entry or a corrupt one: parse.
  }
  const { loadProjectConfig } = await importLazily<typeof import("./project_config.ts")>(
    import.meta.url,
    "./project_config.ts",
  );
  const config = loadProjectConfig(root);
  if (config) {
    const entry: CacheEntry = {
      format: PROJECT_CONFIG_CACHE_FORMAT,
      path,
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      config,
    };
    try {
      ensurePrivateDir(run);
      const temp = `${file}.${Deno.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(entry), { mode: PRIVATE_FILE_MODE });
      renameSync(temp, file);
    } catch {
      // A cache that cannot be written only costs the next hook its parse.
    }
  }
  return config;
}
