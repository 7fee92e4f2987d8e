// Where team files live and whether any changed since a time: answered from file names and
// mtimes, without the YAML parser, so a context refresh that finds nothing to import (most file
// hooks) never loads team sync (issue 19).
import { join } from "../posix_path.ts";
import { existsSync, readdirSync, statSync } from "../fs_sync.ts";

/** A refresh rereads files modified up to this long before the last one (mtime granularity). */
export const REFRESH_SLACK_MS = 2000;

/** The folder of shared memories in a repository. */
export function memoriesDir(repoRoot: string): string {
  return join(repoRoot, ".korva", "memories");
}

/**
 * Whether the repository has a team file (`*.md`) modified after `since` (epoch ms), or any
 * at all when `since` is undefined: the files a refresh (syncTeam with changedSince) would read.
 */
export function teamFilesChangedSince(repoRoot: string, since: number | undefined): boolean {
  const dir = memoriesDir(repoRoot);
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((name) =>
    name.endsWith(".md") && (since === undefined || statSync(join(dir, name)).mtimeMs > since)
  );
}
