// Memories: the vault opened for one front door (CLI, MCP, HTTP, hooks), with the RepoContext
// and the origin every operation in lib/memory records.
import type { Vault } from "../vault/mod.ts";
import type { RepoContext } from "./repo_context.ts";

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
  close(): void;
}

/** Open the user's vault for a front door. */
export function openMemories(
  ctx: RepoContext,
  origin: Origin,
  options: { readonly?: boolean; vectors?: boolean } = {},
): Memories {
  const vault = ctx.openVault(options);
  return withVault(ctx, vault, origin);
}

/** Memories over a vault that is already open (long-lived servers share one connection). */
export function withVault(ctx: RepoContext, vault: Vault, origin: Origin): Memories {
  return {
    ctx,
    vault,
    origin,
    close: () => vault.close(),
    [Symbol.dispose]: () => vault.close(),
  };
}
