// What an editor session did, as korva's hooks saw it: one JSON line per file a tool read or
// edited, appended under KORVA_HOME/run (appends of one short line do not interleave), plus
// marker files for what must happen once per session (the nudge, the summary).
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "../fs_sync.ts";
import { join } from "../posix_path.ts";
import { sessionFileStem } from "../discovery/hooks.ts";
import { ensurePrivateDir } from "../file_modes.ts";

/** One file use: when, which file (repository-relative when inside one), and whether edited. */
export interface FileUse {
  at: string;
  file: string;
  edit: boolean;
  root: string | null;
}

/** Everything recorded for a session. */
export interface SessionLog {
  startedAt: string | undefined;
  touched: string[];
  edited: string[];
  root: string | null;
}

/** A session id as a file-name stem (one rule for every file under run/: see sessionFileStem). */
export function sessionStem(sessionId: string): string {
  return sessionFileStem(sessionId);
}

function logPath(run: string, sessionId: string): string {
  return join(run, `session-${sessionStem(sessionId)}.jsonl`);
}

/** Record that a tool of the session read or edited a file. */
export function recordFileUse(run: string, sessionId: string, use: FileUse): void {
  ensurePrivateDir(run);
  appendFileSync(logPath(run, sessionId), JSON.stringify(use) + "\n", { mode: 0o600 });
}

/** What the session did so far (empty when korva saw nothing of it). */
export function readSessionLog(run: string, sessionId: string): SessionLog {
  const path = logPath(run, sessionId);
  const log: SessionLog = { startedAt: undefined, touched: [], edited: [], root: null };
  if (!existsSync(path)) return log;
  const touched = new Set<string>();
  const edited = new Set<string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    try {
      const use = JSON.parse(line) as FileUse;
      log.startedAt ??= use.at;
      log.root = use.root ?? log.root;
      touched.add(use.file);
      if (use.edit) edited.add(use.file);
    } catch {
      // A torn line (the editor killed the hook mid-write) is skipped.
    }
  }
  log.touched = [...touched];
  log.edited = [...edited];
  return log;
}

/** Mark a once-per-session event; false when it was already marked (nothing changes then). */
export function markOnce(run: string, sessionId: string, event: "nudged" | "summarized"): boolean {
  ensurePrivateDir(run);
  const path = join(run, `session-${sessionStem(sessionId)}.${event}`);
  try {
    writeFileSync(path, new Date().toISOString(), { flag: "wx", mode: 0o600 });
    return true;
  } catch {
    return false;
  }
}

/** Whether a once-per-session event was marked. */
export function wasMarked(run: string, sessionId: string, event: "nudged" | "summarized"): boolean {
  return existsSync(join(run, `session-${sessionStem(sessionId)}.${event}`));
}

/**
 * Whether the session's stop nudge may be due: it edited a file and was not nudged yet (the
 * vault, which says whether it saved something since, is asked only then).
 */
export function nudgeMayBeDue(run: string, sessionId: string): boolean {
  return !wasMarked(run, sessionId, "nudged") && readSessionLog(run, sessionId).edited.length > 0;
}

/**
 * Files edited in the most recent session that worked in `root` within `withinMs` (the MCP
 * server's way to anchor a memory saved without files to what the session changed).
 */
export function recentEdits(run: string, root: string, now: Date, withinMs: number): string[] {
  if (!existsSync(run)) return [];
  const logs = readdirSync(run)
    .filter((name) => name.startsWith("session-") && name.endsWith(".jsonl"))
    .map((name) => ({ name, mtime: statSync(join(run, name)).mtimeMs }))
    .filter((entry) => now.getTime() - entry.mtime <= withinMs)
    .sort((a, b) => b.mtime - a.mtime);
  for (const { name } of logs) {
    const id = name.slice("session-".length, -".jsonl".length);
    const log = readSessionLog(run, id);
    if (log.root === root && log.edited.length > 0) return log.edited;
  }
  return [];
}
