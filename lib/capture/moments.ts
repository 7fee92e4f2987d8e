// The moments knowledge is created: the end of a working stretch (Stop, SubagentStop, Gemini's
// AfterAgent, and Claude Code's SessionStart after a compaction, since PreCompact cannot add
// context) gets one nudge when the session edited code and saved nothing; the end of a session
// gets one summary memory when it edited or saved anything.
import { sha256Hex } from "../sha256.ts";
import type { Memories } from "../memory/memories.ts";
import { endSession, startSession } from "../memory/session.ts";
import type { Memory } from "../vault/mod.ts";
import { nudgeText, summaryText } from "./nudge.ts";
import { markOnce, readSessionLog, type SessionLog, wasMarked } from "./session_log.ts";

/** The tag of session summary memories (they do not count as "saved something"). */
export const SUMMARY_TAG = "session-summary";

/** Memories of the project saved since the session started, summaries excluded. */
function savedSince(m: Memories, log: SessionLog): Memory[] {
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

/** Record the session's summary once, when it edited or saved anything; returns its id. */
export function summarizeSession(
  run: string,
  sessionId: string,
  open: () => Memories,
  client: string,
): string | undefined {
  if (wasMarked(run, sessionId, "summarized")) return undefined;
  const log = readSessionLog(run, sessionId);
  using m = open();
  const saved = savedSince(m, log);
  if (log.edited.length === 0 && saved.length === 0) return undefined;
  if (!markOnce(run, sessionId, "summarized")) return undefined;
  // The editor's session id is not ours to store: a short hash still tells sessions apart.
  const tag = sha256Hex(sessionId).slice(0, 8);
  const session = startSession(m, `${client} session ${tag}`);
  const ended = endSession(m, session.id, summaryText(log.edited, saved));
  return ended.summary_id ?? undefined;
}
