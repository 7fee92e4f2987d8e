// The end of a session: one summary memory when it edited or saved anything (see moments.ts).
import { sha256Hex } from "../sha256.ts";
import type { Memories } from "../memory/memories.ts";
import { endSession, startSession } from "../memory/session.ts";
import { savedSince } from "./moments.ts";
import { summaryText } from "./nudge.ts";
import { markOnce, readSessionLog, wasMarked } from "./session_log.ts";

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
