// The context operation: pull team files changed in git (unless read-only), then rank the
// memories for the files and task within a token budget (ranked_context.ts).
import type { ContextResult } from "../discovery/context.ts";
import { refreshTeamMemories } from "../team/sync.ts";
import type { Memories } from "./memories.ts";
import { type ContextRequest, rankedContext } from "./ranked_context.ts";
import { lazyRedactor } from "./team_refresh.ts";

export type { ContextRequest } from "./ranked_context.ts";

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
  return rankedContext(m, { ...request, project });
}
