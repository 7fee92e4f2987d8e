// Team sync as an operation: the repository's `.korva/memories` ⇄ the vault, everything read or
// written passing the privacy boundary.
// Writes: the vault checks their input with validate.ts, loaded here (lib/vault/validation.ts).
import "../vault/validate.ts";
import { KorvaError } from "../errors.ts";
import { type SyncSummary, syncTeam } from "../team/sync.ts";
import type { Memories } from "./memories.ts";

/** Sync this repository's team files with the vault. */
export function syncTeamFiles(m: Memories): SyncSummary {
  const root = m.ctx.root();
  if (!root) {
    throw new KorvaError(`Cannot sync "${m.ctx.deps.cwd}": it is not inside a git repository`, {
      exitCode: 3,
      hint: "run korva sync inside the repository whose .korva/memories you want",
    });
  }
  return syncTeam(m.vault, root, {
    project: m.ctx.project(),
    redactor: m.ctx.redactor(),
    now: m.ctx.deps.now(),
  });
}
