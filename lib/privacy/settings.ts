// The privacy settings in force for a directory: config.json's `privacy` section plus the
// repository's `.korva/config.yml` (which can only add disabled detectors and allowed values).
import { loadConfig } from "../config.ts";
import { repoRoot } from "../git.ts";
import { loadProjectConfig, type ProjectConfig } from "../project_config.ts";
import type { PrivacyConfig } from "./config.ts";

/** Merge a project's `privacy` block into the user's settings (union of both lists). */
export function mergePrivacyConfig(
  user: PrivacyConfig,
  project: ProjectConfig["privacy"] | undefined,
): PrivacyConfig {
  if (!project) return user;
  return {
    ...user,
    disabled: [...new Set([...user.disabled, ...project.disabled])],
    allow: [...new Set([...user.allow, ...project.allow])],
  };
}

/** The settings for `cwd`: user config, then the enclosing repository's `.korva/config.yml`. */
export function loadPrivacySettings(home: string, cwd: string): PrivacyConfig {
  const user = loadConfig(home).privacy;
  const root = repoRoot(cwd);
  return mergePrivacyConfig(user, root ? loadProjectConfig(root)?.privacy : undefined);
}
