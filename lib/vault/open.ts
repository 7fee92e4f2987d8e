// Opening the user's vault the same way from every entry point: configured redactor, project,
// author and clock.
import { loadConfig } from "../config.ts";
import type { Deps } from "../deps.ts";
import { detectProject, repoRoot } from "../git.ts";
import { homePaths } from "../paths.ts";
import { createRedactor } from "../privacy/redact.ts";
import { loadPrivacySettings } from "../privacy/settings.ts";
import { loadProjectConfig } from "../project_config.ts";
import { lazySemantics } from "../recall/mod.ts";
import { openVault, type Vault } from "./store.ts";

/** The project for cwd: config.json, then `.korva/config.yml`, then git detection. */
export function resolveProject(deps: Deps, override?: string): string {
  if (override !== undefined && override.trim() !== "") return override.trim();
  const config = loadConfig(deps.home);
  if (config.project) return config.project;
  const root = repoRoot(deps.cwd);
  if (root) {
    const projectConfig = loadProjectConfig(root);
    if (projectConfig?.project) return projectConfig.project;
  }
  return detectProject(deps.cwd);
}

/**
 * Open `$KORVA_HOME/vault.db` with the privacy settings in force here (config.json plus the
 * repository's `.korva/config.yml`) and the detected project.
 */
export function openDefaultVault(deps: Deps, options: { project?: string } = {}): Vault {
  const config = loadConfig(deps.home);
  const author = config.author ?? deps.env("USER") ?? deps.env("USERNAME");
  const root = repoRoot(deps.cwd);
  const abbreviations = root ? loadProjectConfig(root)?.recall?.abbreviations : undefined;
  return openVault(homePaths(deps.home).vault, {
    semantics: lazySemantics(abbreviations ? { abbreviations } : {}),
    now: deps.now,
    redactor: createRedactor(loadPrivacySettings(deps.home, deps.cwd)),
    project: () => resolveProject(deps, options.project),
    ...(author ? { author } : {}),
  });
}
