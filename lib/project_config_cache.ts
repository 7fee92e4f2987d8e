// `.korva/config.yml` for the hooks, through lib/validated_cache.ts: the validated settings
// cached as JSON, so a hook loads neither the YAML parser nor the zod schema unless it changed.
import { join } from "./posix_path.ts";
import { existsSync } from "./fs_sync.ts";
import { importLazily } from "./lazy_import.ts";
import type { ProjectConfig } from "./project_config.ts";
import { cachedValidated } from "./validated_cache.ts";

/**
 * What the cached data was validated against. Bump it whenever project_config.ts changes
 * (tests/project_config_cache_test.ts fails until then).
 */
export const PROJECT_CONFIG_CACHE_FORMAT = "project-config-1:16bb6866";

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
  if (!existsSync(path)) return undefined;
  return await cachedValidated(home, path, {
    kind: "project-config",
    format: PROJECT_CONFIG_CACHE_FORMAT,
    load: async () => {
      const { loadProjectConfig } = await importLazily<typeof import("./project_config.ts")>(
        import.meta.url,
        "./project_config.ts",
      );
      return loadProjectConfig(root);
    },
  });
}
