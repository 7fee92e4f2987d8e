// config.json for the hooks, through lib/validated_cache.ts: the validated settings (defaults
// when the file is absent) cached as JSON, so a hook loads no zod schema unless the file changed.
import type { Config } from "./config.ts";
import { importLazily } from "./lazy_import.ts";
import { homePaths } from "./paths.ts";
import { cachedValidated } from "./validated_cache.ts";

/**
 * What the cached data was validated against. Bump it whenever config.ts, privacy/config.ts or
 * privacy/detector.ts (the schemas config.json is checked with) change; tests/config_cache_test.ts
 * fails until then.
 */
export const CONFIG_CACHE_FORMAT = "config-1:66bab343";

/** loadConfig(home), through the cache; an invalid file throws loadConfig's error, uncached. */
export async function cachedConfig(home: string): Promise<Config> {
  return await cachedValidated(home, homePaths(home).config, {
    kind: "config",
    format: CONFIG_CACHE_FORMAT,
    load: async () => {
      const { loadConfig } = await importLazily<typeof import("./config.ts")>(
        import.meta.url,
        "./config.ts",
      );
      return loadConfig(home);
    },
  });
}
