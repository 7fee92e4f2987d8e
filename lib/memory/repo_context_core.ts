// RepoContext: what every memory operation needs to know about where it runs (repository root,
// project, author, HEAD, config, privacy settings), resolved once per process and passed down.
// Built here from given sources (RepoContextSources), without importing the YAML parser or the
// detector catalogue: resolveRepoContext (repo_context.ts) passes the usual ones, the hooks
// cached or on-demand ones (issue 19).
import type { Config } from "../config.ts";
import type { Deps } from "../deps.ts";
import { DEFAULT_PROJECT, detectProjectAt, gitOutput, repoRoot } from "../git.ts";
import { homePaths } from "../paths.ts";
import type { PrivacyConfig } from "../privacy/config.ts";
import { mergePrivacyConfig } from "../privacy/merge.ts";
import type { Redactor } from "../privacy/redact.ts";
import type { ProjectConfig } from "../project_config.ts";
import { openVault } from "../vault/open.ts";
import type { SearchSemantics } from "../vault/search.ts";
import type { Vault } from "../vault/store.ts";

/** Where an operation runs; every getter is computed at most once. */
export interface RepoContext {
  readonly deps: Deps;
  /** config.json, read once. */
  readonly config: Config;
  /** The repository root of the working directory, if inside one. */
  root(): string | undefined;
  /** `.korva/config.yml` of the repository, if any. */
  projectConfig(): ProjectConfig | undefined;
  /** The project new memories belong to. */
  project(): string;
  /** Who writes: config author, then `git config user.name`, then $USER. */
  author(): string | undefined;
  /** The repository's HEAD commit, if any. */
  commit(): string | undefined;
  /** config.json's privacy block plus the repository's. */
  privacy(): PrivacyConfig;
  /** The redactor for those settings. */
  redactor(): Redactor;
  /**
   * Open the user's vault (the caller closes it). `vectors: false` leaves semantic recall out:
   * memories saved then get their vector from the backlog later (a hook that must stay light).
   */
  openVault(options?: { readonly?: boolean; lockTimeoutMs?: number; vectors?: boolean }): Vault;
}

/** Options that override what is detected. */
export interface RepoContextOptions {
  /** A project named on the command line or in a request. */
  project?: string | undefined;
  /** Another working directory (an MCP client's root, a hook payload's cwd). */
  cwd?: string | undefined;
  /** Root and project found earlier (a hook session's cache): git is not asked again. */
  known?: { root: string; project: string } | undefined;
}

/**
 * Where a context gets what costs a parser, a schema or a catalogue to load: config.json,
 * `.korva/config.yml` of a repository root (loadProjectConfig, or a cached copy) and the redactor for privacy settings
 * (createRedactor, or one loaded when a hook needs it).
 */
export interface RepoContextSources {
  /** config.json, validated (loadConfig, or a cached copy). */
  config: Config;
  projectConfig(root: string): ProjectConfig | undefined;
  createRedactor(privacy: PrivacyConfig): Redactor;
  /**
   * Semantic recall for the vaults it opens, with the team's abbreviations; without it they
   * search lexically and leave new memories' vectors to the backlog (hooks that never search
   * do not load lib/recall).
   */
  semantics?(abbreviations: Record<string, string> | undefined): SearchSemantics;
}

/** Resolve lazily, once: nothing runs git or reads a file until a getter needs it. */
export function createRepoContext(
  deps: Deps,
  options: RepoContextOptions,
  sources: RepoContextSources,
): RepoContext {
  const cwd = options.cwd ?? deps.cwd;
  const config = sources.config;
  const once = <T>(compute: () => T): () => T => {
    let done = false;
    let value: T;
    return () => {
      if (!done) {
        value = compute();
        done = true;
      }
      return value;
    };
  };
  const root = once(() => options.known?.root ?? repoRoot(cwd));
  const projectConfig = once(() => {
    const r = root();
    return r ? sources.projectConfig(r) : undefined;
  });
  const project = once(() => {
    const named = options.project?.trim();
    if (named) return named;
    if (options.known) return options.known.project;
    if (config.project) return config.project;
    const r = root();
    if (!r) return DEFAULT_PROJECT;
    return projectConfig()?.project ?? detectProjectAt(r);
  });
  const privacy = once(() => mergePrivacyConfig(config.privacy, projectConfig()?.privacy));
  const redactor = once(() => sources.createRedactor(privacy()));
  const author = once(() => {
    if (config.author) return config.author;
    const fromGit = gitOutput(root() ?? cwd, ["config", "user.name"]);
    if (fromGit) return fromGit;
    return deps.env("USER") ?? deps.env("USERNAME") ?? undefined;
  });
  const commit = once(() => {
    const r = root();
    return r ? gitOutput(r, ["rev-parse", "--verify", "--quiet", "HEAD"]) || undefined : undefined;
  });
  return {
    deps,
    config,
    root,
    projectConfig,
    project,
    author,
    commit,
    privacy,
    redactor,
    openVault: (open = {}) => {
      const fromEnv = Number(deps.env("KORVA_LOCK_TIMEOUT_MS"));
      const lockTimeoutMs = open.lockTimeoutMs ??
        (Number.isFinite(fromEnv) && fromEnv >= 0 && deps.env("KORVA_LOCK_TIMEOUT_MS")
          ? fromEnv
          : undefined);
      const semantics = open.vectors === false ? undefined : sources.semantics;
      return openVault(homePaths(deps.home).vault, {
        now: deps.now,
        project,
        ...(semantics ? { semantics: semantics(projectConfig()?.recall?.abbreviations) } : {}),
        ...(open.readonly ? { readonly: true } : {}),
        ...(lockTimeoutMs !== undefined ? { lockTimeoutMs } : {}),
      });
    },
  };
}
