// A repository's privacy additions merged into the user's settings, without the settings' zod
// schema (lib/privacy/config.ts): the file hooks merge them on every call (issue 19).
import type { PrivacyConfig } from "./config.ts";

/** A repository's additions to the user's privacy settings (`.korva/config.yml`). */
export interface PrivacyAdditions {
  disabled: string[];
  allow: string[];
}

/** Merge a repository's `privacy` block into the user's settings (union of both lists). */
export function mergePrivacyConfig(
  user: PrivacyConfig,
  project: PrivacyAdditions | undefined,
): PrivacyConfig {
  if (!project) return user;
  return {
    ...user,
    disabled: [...new Set([...user.disabled, ...project.disabled])],
    allow: [...new Set([...user.allow, ...project.allow])],
  };
}
