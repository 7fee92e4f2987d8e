// What every tool handler shares: the memory layer over one vault (opened on the first call, or
// the reason it could not be), the repository context, the outgoing redactor, the session and
// the "already shown" set for delta.
import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute } from "node:path";
import type { Deps } from "../deps.ts";
import { KorvaError, messageOf } from "../errors.ts";
import { recentEdits } from "../capture/session_log.ts";
import { createLogger, type Logger } from "../log.ts";
import { homePaths } from "../paths.ts";
import { type Memories, type RepoContext, resolveRepoContext, withVault } from "../memory/mod.ts";
import type { Redactor } from "../privacy/redact.ts";
import { revealHidden } from "../trust/hidden.ts";
import { mapTextFields } from "../text_fields.ts";
import { MEMORY_TEXT_FIELDS, redactMemory } from "../vault/export.ts";
import type { Memory, Vault } from "../vault/mod.ts";
import type { Profile } from "./profiles.ts";

/** Shared state of one MCP server. */
export interface ToolContext {
  deps: Deps;
  profile: Profile;
  /** Where memories are filed: the server's working directory, or a client root it adopted. */
  readonly repo: RepoContext;
  /**
   * Adopt the repository holding `path` (an MCP client root, an absolute path in a tool's
   * arguments) when the server's own working directory is in none; true when adopted.
   */
  adoptPath(path: string): boolean;
  /** The memory layer for this client (agent origin, current session). */
  memories(): Memories;
  /** The vault, or a KorvaError saying why it cannot be used (the tool then reports it). */
  vault(): Vault;
  project(): string;
  repoRoot(): string | undefined;
  /**
   * Redact text leaving the server (memories were redacted on the way in, but rules improve) and
   * make hidden characters visible: everything a tool returns is read by a model.
   */
  out(memory: Memory): Memory;
  redactor(): Redactor;
  outText(text: string): string;
  /** Files the editor session working in this repository edited lately (from korva's hooks). */
  sessionEdits(): string[];
  /** The MCP client's name, recorded as the client of saves. */
  clientName(): string;
  session: { id: string | undefined };
  /** Ids already returned by vault_context in this server's lifetime (for `delta`). */
  seen: Set<string>;
  log: Logger;
  close(): void;
}

/** How recent a hook session's edits must be for a save without files to be anchored to them. */
const SESSION_WINDOW_MS = 2 * 60 * 60 * 1000;

/** Build the shared context; nothing is opened until a tool needs it. */
export function createToolContext(
  deps: Deps,
  profile: Profile,
  clientName: () => string,
): ToolContext {
  let vault: Vault | undefined;
  let failure: KorvaError | undefined;
  let repo = resolveRepoContext(deps);
  const session: { id: string | undefined } = { id: undefined };
  const openVault = (): Vault => {
    if (vault) return vault;
    if (failure) throw failure;
    try {
      vault = repo.openVault();
      return vault;
    } catch (error) {
      failure = error instanceof KorvaError
        ? error
        : new KorvaError(`Cannot open the vault: ${messageOf(error)}`, { exitCode: 3 });
      throw failure;
    }
  };
  return {
    deps,
    profile,
    get repo() {
      return repo;
    },
    adoptPath(path) {
      // A server started outside any repository would file everything under the default
      // project; the client's roots say which repository it works in.
      if (repo.root() || !isAbsolute(path) || !existsSync(path)) return false;
      const candidate = resolveRepoContext(deps, {
        cwd: statSync(path).isDirectory() ? path : dirname(path),
      });
      if (!candidate.root()) return false;
      repo = candidate;
      return true;
    },
    memories: () =>
      withVault(repo, openVault(), {
        client: clientName(),
        person: false,
        sessionId: session.id,
      }),
    vault: openVault,
    project: () => repo.project(),
    repoRoot: () => repo.root(),
    out: (memory) => revealMemory(redactMemory(memory, repo.redactor())),
    redactor: () => repo.redactor(),
    outText: (text) => revealHidden(repo.redactor().redact(text).text),
    sessionEdits: () => {
      const root = repo.root();
      return root ? recentEdits(homePaths(deps.home).run, root, deps.now(), SESSION_WINDOW_MS) : [];
    },
    clientName,
    session,
    seen: new Set(),
    log: createLogger(deps.home, "mcp", deps.now),
    close() {
      vault?.close();
      vault = undefined;
    },
  };
}

function revealMemory(memory: Memory): Memory {
  return mapTextFields(memory, MEMORY_TEXT_FIELDS, revealHidden);
}
