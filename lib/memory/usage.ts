// Recording what was served: every front door that hands memories to an AI or a person (context,
// hooks, search, get, the dashboard's memory page) counts them here. Best effort by contract: a
// busy, read-only or damaged vault skips the count, and nothing here ever fails the caller.
// Hooks count into the recall journal (recall_journal.ts), which the next writer folds in.
import { homePaths } from "../paths.ts";
import type { Memories } from "./memories.ts";
import { appendRecalls, takeRecalls } from "./recall_journal.ts";

/** Count one recall of each memory id now; false when the count was skipped. */
export function recordRecalls(m: Memories, ids: Iterable<string>): boolean {
  try {
    const batch = { ids: [...ids], at: m.ctx.deps.now() };
    if (m.recallJournal === undefined) return m.vault.recordRecalls(batch.ids, batch.at);
    appendRecalls(m.recallJournal, batch);
    return true;
  } catch {
    return false;
  }
}

/**
 * Fold the counts the hooks journaled into the vault; when it cannot take them (another process
 * holds the write lock, the vault is read-only) they go back to the journal for the next writer.
 */
export function foldRecalls(m: Memories): void {
  const runDir = homePaths(m.ctx.deps.home).run;
  try {
    const batches = takeRecalls(runDir);
    if (batches.length === 0) return;
    let counted = false;
    try {
      counted = m.vault.recordRecallBatches(batches);
    } finally {
      if (!counted) { for (const batch of batches) appendRecalls(runDir, batch); }
    }
  } catch {
    // Best effort, like every count.
  }
}
