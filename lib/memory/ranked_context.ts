// Context without the team refresh: renames, staleness and ranking over what the vault holds.
// memoryContext (context.ts) refreshes first; the file hooks refresh through team_refresh.ts,
// which loads team sync only when a team file changed (issue 19).
import { buildContext, type ContextResult } from "../discovery/context.ts";
import { formerPaths, refreshRenames, renameCacheDir } from "../trust/renames.ts";
import { stalenessFor } from "../trust/staleness.ts";
import { screenCache } from "../trust/screen_cache.ts";
import { homePaths } from "../paths.ts";
import { join } from "../posix_path.ts";
import type { Memories } from "./memories.ts";
import { recordRecalls } from "./usage.ts";

/** What a caller asks context for. */
export interface ContextRequest {
  files?: string[] | undefined;
  task?: string | undefined;
  maxTokens?: number | undefined;
  project?: string | undefined;
  /** Only memories anchored to the files (file hooks). */
  anchoredOnly?: boolean | undefined;
  /** Skip ids in `seen` and add what is returned to it. */
  delta?: boolean | undefined;
  seen?: Set<string> | undefined;
  /** Read team files into the vault first (a write); off for the read-only profile. */
  refresh: boolean;
  /** Count the memories returned as recalled (default); off for a preview nobody is served. */
  record?: boolean | undefined;
}

/** Context for a request from the vault as it is, with the project it was built for. */
export function rankedContext(
  m: Memories,
  request: Omit<ContextRequest, "refresh">,
): ContextResult & { project: string } {
  const project = request.project ?? m.ctx.project();
  const root = m.ctx.root();
  // Renames first: a file opened under its new name must find memories anchored to the old one.
  const renames = root ? refreshRenames(root, renameCacheDir(m.ctx.deps.home)) : undefined;
  const screen = screenCache(join(homePaths(m.ctx.deps.home).cache, "screen"));
  const result = buildContext(m.vault, {
    flagsOf: screen.flagsOf,
    project,
    ...(request.files ? { files: request.files } : {}),
    ...(request.task ? { task: request.task } : {}),
    ...(request.maxTokens ? { maxTokens: request.maxTokens } : {}),
    ...(root ? { repoRoot: root } : {}),
    ...(request.anchoredOnly ? { anchoredOnly: true } : {}),
    delta: request.delta ?? false,
    ...(request.seen ? { seen: request.seen } : {}),
    staleness: stalenessFor(m.ctx.deps.home, root),
    ...(renames && renames.renames.length > 0
      ? { formerPaths: (file: string) => formerPaths(renames, file) }
      : {}),
    now: m.ctx.deps.now(),
  });
  screen.save();
  if (request.record !== false) recordRecalls(m, result.memories.map((c) => c.id));
  return { ...result, project };
}
