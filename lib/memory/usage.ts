// Recording what was served: every front door that hands memories to an AI or a person (context,
// hooks, search, get, the dashboard's memory page) counts them here. Best effort by contract: a
// busy, read-only or damaged vault skips the count, and nothing here ever fails the caller.
import type { Memories } from "./memories.ts";

/** Count one recall of each memory id now; false when the count was skipped. */
export function recordRecalls(m: Memories, ids: Iterable<string>): boolean {
  try {
    return m.vault.recordRecalls(ids, m.ctx.deps.now());
  } catch {
    return false;
  }
}
