// The context operation: pull team files changed in git (unless read-only), then rank the
// memories for the files and task within a token budget.
import { buildContext, type ContextResult } from "../discovery/context.ts";
import { refreshTeamMemories } from "../team/sync.ts";
import { formerPaths, refreshRenames, renameCacheDir } from "../trust/renames.ts";
import { stalenessFor } from "../trust/staleness.ts";
import type { Redactor } from "../privacy/redact.ts";
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

/** Context for a request, with the project it was built for. */
export function memoryContext(
  m: Memories,
  request: ContextRequest,
): ContextResult & { project: string } {
  const project = request.project ?? m.ctx.project();
  const root = m.ctx.root();
  if (root && request.refresh) {
    refreshTeamMemories(m.vault, root, {
      project,
      now: m.ctx.deps.now(),
      // Built on first use: a refresh that finds no changed team file (every file hook of a
      // quiet session) never compiles the detector catalogue.
      redactor: lazyRedactor(() => m.ctx.redactor()),
    });
  }
  // Renames first: a file opened under its new name must find memories anchored to the old one.
  const renames = root ? refreshRenames(root, renameCacheDir(m.ctx.deps.home)) : undefined;
  const result = buildContext(m.vault, {
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
  if (request.record !== false) recordRecalls(m, result.memories.map((c) => c.id));
  return { ...result, project };
}

/** A redactor made on its first call. */
function lazyRedactor(make: () => Redactor): Redactor {
  let made: Redactor | undefined;
  const get = () => (made ??= make());
  return {
    redact: (text, options) => get().redact(text, options),
    scan: (text, options) => get().scan(text, options),
  };
}
