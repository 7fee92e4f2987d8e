// Session ends waiting for their summary. The SessionEnd hook queues one small file per session
// under KORVA_HOME/run and returns at once; a detached `korva hook session-end --drain` writes the
// summaries. An editor that is exiting should not wait for a save (it loads the privacy
// boundary), and may end its hooks' process group with it; a queued end that no writer took is
// written by the next drain.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "../fs_sync.ts";
import { join } from "../posix_path.ts";
import { ensurePrivateDir } from "../file_modes.ts";
import { readSessionLog, sessionStem, wasMarked } from "./session_log.ts";

/** What the writer needs of the editor's payload. */
export interface QueuedEnd {
  session_id: string;
  cwd?: string | undefined;
}

const SUFFIX = ".ending";

/**
 * Queue the session's summary; false when there is nothing to write: korva saw no file use in
 * the session (it then saved nothing the summary would name either), the summary is written,
 * or the end is queued already.
 */
export function queueSessionEnd(run: string, end: QueuedEnd): boolean {
  if (wasMarked(run, end.session_id, "summarized")) return false;
  if (readSessionLog(run, end.session_id).startedAt === undefined) return false;
  ensurePrivateDir(run);
  const body = JSON.stringify({ session_id: end.session_id, cwd: end.cwd });
  try {
    writeFileSync(join(run, `session-${sessionStem(end.session_id)}${SUFFIX}`), body, {
      flag: "wx",
      mode: 0o600,
    });
    return true;
  } catch {
    return false;
  }
}

/** The queued ends, oldest name first; an unreadable entry is dropped. */
export function queuedSessionEnds(run: string): Array<{ path: string; end: QueuedEnd }> {
  if (!existsSync(run)) return [];
  const queued: Array<{ path: string; end: QueuedEnd }> = [];
  for (const name of readdirSync(run).filter((n) => n.endsWith(SUFFIX)).sort()) {
    const path = join(run, name);
    try {
      const end = JSON.parse(readFileSync(path, "utf8")) as QueuedEnd;
      if (typeof end.session_id === "string") queued.push({ path, end });
      else dequeue(path);
    } catch {
      dequeue(path);
    }
  }
  return queued;
}

/** Remove a queued end once its summary is written (or proved unnecessary). */
export function dequeue(path: string): void {
  rmSync(path, { force: true });
}
