// Memories: the vault opened for one front door (CLI, MCP, HTTP, hooks), with the RepoContext
// and the origin every operation in lib/memory records.
import { homePaths } from "../paths.ts";
import type { Vault } from "../vault/mod.ts";
import type { RepoContext } from "./repo_context.ts";
import { foldRecalls } from "./usage.ts";

/** Who is writing: the client recorded on memories, and whether a person stands behind it. */
export interface Origin {
  /** cli, http, ui, an MCP client's name, team, import. */
  client: string;
  /** A person (confirmed memories) rather than an agent (drafts). */
  person: boolean;
  /** The working session saves belong to, if any. */
  sessionId?: string | undefined;
}

/** The origin of every command-line write. */
export const CLI_ORIGIN: Origin = { client: "cli", person: true };

/** The vault, its context and the writer: what every operation takes first. */
export interface Memories extends Disposable {
  readonly ctx: RepoContext;
  readonly vault: Vault;
  readonly origin: Origin;
  /** The run folder whose recall journal counts what this front door serves (hooks only). */
  readonly recallJournal?: string | undefined;
  close(): void;
}

/**
 * Open the user's vault for a front door. A writable one first folds in the recalls the hooks
 * journaled; `journalRecalls` (the hooks) counts into that journal instead of writing the vault.
 */
export function openMemories(
  ctx: RepoContext,
  origin: Origin,
  options: { readonly?: boolean; vectors?: boolean; journalRecalls?: boolean } = {},
): Memories {
  const { journalRecalls, ...open } = options;
  const vault = ctx.openVault(open);
  const m = withVault(
    ctx,
    vault,
    origin,
    journalRecalls ? homePaths(ctx.deps.home).run : undefined,
  );
  if (!options.readonly && !journalRecalls) foldRecalls(m);
  return m;
}

/** Memories over a vault that is already open (long-lived servers share one connection). */
export function withVault(
  ctx: RepoContext,
  vault: Vault,
  origin: Origin,
  recallJournal?: string,
): Memories {
  return {
    ctx,
    vault,
    origin,
    ...(recallJournal !== undefined ? { recallJournal } : {}),
    close: () => vault.close(),
    [Symbol.dispose]: () => vault.close(),
  };
}
