// A hook session's repository root and project, remembered under KORVA_HOME/run so the hooks an
// editor runs on every file read ask git once per session and working directory, not each time.
// An entry holds while the files that decide root and project keep their modification times.
import { sha256Hex } from "../sha256.ts";
import { readFileSync, statSync } from "../fs_sync.ts";
import { join } from "../posix_path.ts";
import { writeFileAtomic } from "../atomic_write.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "../file_modes.ts";
import { sessionStem } from "./session_log.ts";

/** What a hook needs to skip `git rev-parse` and `git config` on later calls. */
export interface KnownRepo {
  root: string;
  project: string;
}

interface Entry extends KnownRepo {
  cwd: string;
  stamps: Record<string, number | null>;
}

function entryPath(run: string, sessionId: string, cwd: string): string {
  const key = sha256Hex(cwd).slice(0, 16);
  return join(run, `repo-${sessionStem(sessionId)}-${key}.json`);
}

/** Files whose change may change the root or the project (HEAD: a checkout may move .korva). */
function watched(home: string, root: string): string[] {
  return [
    join(root, ".git"),
    join(root, ".git", "HEAD"),
    join(root, ".git", "config"),
    join(root, ".korva", "config.yml"),
    join(home, "config.json"),
  ];
}

function stampsOf(paths: string[]): Record<string, number | null> {
  const stamps: Record<string, number | null> = {};
  for (const path of paths) {
    try {
      stamps[path] = statSync(path).mtimeMs;
    } catch {
      stamps[path] = null;
    }
  }
  return stamps;
}

/** The root and project remembered for this session and cwd, if still valid. */
export function knownRepo(
  run: string,
  home: string,
  sessionId: string,
  cwd: string,
): KnownRepo | undefined {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(entryPath(run, sessionId, cwd), "utf8")) as Entry;
  } catch {
    return undefined; // no entry yet, or a torn one: resolve again
  }
  if (entry.cwd !== cwd || typeof entry.root !== "string" || typeof entry.project !== "string") {
    return undefined;
  }
  const now = stampsOf(watched(home, entry.root));
  for (const [path, mtime] of Object.entries(now)) {
    if (entry.stamps[path] !== mtime) return undefined;
  }
  return { root: entry.root, project: entry.project };
}

/** Remember the root and project resolved for this session and cwd. */
export function rememberRepo(
  run: string,
  home: string,
  sessionId: string,
  cwd: string,
  repo: KnownRepo,
): void {
  const entry: Entry = { cwd, ...repo, stamps: stampsOf(watched(home, repo.root)) };
  ensurePrivateDir(run);
  // Atomic, so a concurrent hook of the session reads the old entry or the new one.
  writeFileAtomic(entryPath(run, sessionId, cwd), JSON.stringify(entry), {
    mode: PRIVATE_FILE_MODE,
  });
}
