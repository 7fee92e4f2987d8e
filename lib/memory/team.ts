// Keeping a memory's team file in step with the vault: every write of a team-scoped memory of
// this repository's project rewrites its file in `.korva/memories/`, so teammates see it in the
// next diff without anyone running `korva sync`.
// Writes: the vault checks their input with validate.ts, loaded here (lib/vault/validation.ts).
import "../vault/validate.ts";
import { KorvaError } from "../errors.ts";
import { removeTeamMemory, writeTeamMemory } from "../team/sync.ts";
import type { Memory } from "../vault/mod.ts";
import type { Memories } from "./memories.ts";

/** What happened to the team file. */
export interface TeamFileChange {
  /** The file written (absolute path). */
  shared?: string;
  /** The file removed (absolute path). */
  removed?: string;
  /** Why a team memory has no file yet (e.g. not inside its repository). */
  pending?: string;
  /** The file changed in the repository since the last sync: this version was written here. */
  conflict?: string;
}

/** The repository root whose team files hold `memory`, if the memory belongs to it. */
function teamRoot(m: Memories, memory: Memory): string | undefined {
  const root = m.ctx.root();
  return root && memory.project === m.ctx.project() ? root : undefined;
}

/** Write, rewrite or remove the team file after a memory changed. */
export function followTeamScope(m: Memories, memory: Memory, before?: Memory): TeamFileChange {
  const root = teamRoot(m, memory);
  if (memory.scope === "team") {
    if (!root) {
      return {
        pending: `not inside the repository of project "${memory.project}"; ` +
          "it is shared on the next sync there",
      };
    }
    const written = writeTeamMemory(
      m.vault,
      root,
      memory,
      m.ctx.redactor(),
      m.ctx.deps.now(),
    );
    return written.conflict ? { conflict: written.path } : { shared: written.path };
  }
  if (before?.scope === "team" && root) {
    const removed = removeTeamMemory(m.vault, root, memory.id);
    return removed ? { removed } : {};
  }
  return {};
}

/** Share a memory with the team: scope team and a file in the repository. */
export function shareMemory(m: Memories, id: string): { memory: Memory; path: string } {
  const root = m.ctx.root();
  if (!root) {
    throw new KorvaError("Cannot share: not inside a git repository", {
      hint: "run korva share from the repository the memory belongs to",
      modelHint: "team memories live in a repository; call from a server started inside one",
    });
  }
  const before = m.vault.require(id);
  const memory = before.scope === "team"
    ? before
    : m.vault.update(before.id, { scope: "team", shared_by: m.ctx.author() ?? null });
  const path = writeTeamMemory(m.vault, root, memory, m.ctx.redactor(), m.ctx.deps.now()).path;
  return { memory, path };
}

/** Stop sharing: the file is removed and the memory becomes private again. */
export function unshareMemory(
  m: Memories,
  id: string,
): { memory: Memory; removed: string | undefined } {
  const root = m.ctx.root();
  if (!root) {
    throw new KorvaError("Cannot unshare: not inside a git repository", {
      hint: "run korva unshare from the repository the memory belongs to",
    });
  }
  const before = m.vault.require(id);
  const memory = before.scope === "private"
    ? before
    : m.vault.update(before.id, { scope: "private" });
  const removed = removeTeamMemory(m.vault, root, memory.id);
  return { memory, removed };
}
