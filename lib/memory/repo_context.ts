// resolveRepoContext: a RepoContext (repo_context_core.ts) that reads config.json, parses
// `.korva/config.yml` and builds the redactor when a getter first needs them; what commands,
// MCP and the service use.
import { loadConfig } from "../config.ts";
import type { Deps } from "../deps.ts";
import { createRedactor } from "../privacy/redact.ts";
import { loadProjectConfig } from "../project_config.ts";
import { lazySemantics } from "../recall/mod.ts";
import {
  createRepoContext,
  type RepoContext,
  type RepoContextOptions,
} from "./repo_context_core.ts";

export type { RepoContext, RepoContextOptions } from "./repo_context_core.ts";

/** Resolve lazily, once: nothing runs git or reads a file until a getter needs it. */
export function resolveRepoContext(deps: Deps, options: RepoContextOptions = {}): RepoContext {
  return createRepoContext(deps, options, {
    config: loadConfig(deps.home),
    projectConfig: loadProjectConfig,
    createRedactor,
    semantics: (abbreviations) => lazySemantics(abbreviations ? { abbreviations } : {}),
  });
}
