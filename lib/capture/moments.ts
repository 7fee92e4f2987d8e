// The moments knowledge is created: the end of a working stretch (Stop, SubagentStop, Gemini's
// AfterAgent, and Claude Code's SessionStart after a compaction, since PreCompact cannot add
// context) gets one nudge when the session edited code and saved nothing; the end of a session
// gets one summary memory when it edited or saved anything (session_summary.ts: it writes, so
// it loads the memory layer's save path, which the nudge does not need).
import type { Memories } from "../memory/memories.ts";
import type { Memory } from "../vault/mod.ts";
import { nudgeText } from "./nudge.ts";
import { markOnce, readSessionLog, type SessionLog, wasMarked } from "./session_log.ts";

/** The tag of session summary memories (they do not count as "saved something"). */
export const SUMMARY_TAG = "session-summary";

/** Memories of the project saved since the session started, summaries excluded. */
export function savedSince(m: Memories, log: SessionLog): Memory[] {
  if (!log.startedAt) return [];
  return m.vault.list({ project: m.ctx.project(), since: log.startedAt, limit: 20 })
    .filter((memory) => !memory.tags.includes(SUMMARY_TAG));
}

/**
 * The nudge for this session, or undefined when it is not due: nothing edited, something saved,
 * or already nudged. Marks the session as nudged when it returns text.
 */
export function dueNudge(
  run: string,
  sessionId: string,
  open: () => Memories,
): string | undefined {
  if (wasMarked(run, sessionId, "nudged")) return undefined;
  const log = readSessionLog(run, sessionId);
  if (log.edited.length === 0) return undefined;
  using m = open();
  if (savedSince(m, log).length > 0) return undefined;
  if (!markOnce(run, sessionId, "nudged")) return undefined;
  return nudgeText(log.edited);
}
