// The review operation: gather the project's memories, rules and team folder, and build the queue
// of what needs a person (lib/trust/review.ts decides what belongs in it).
import { join } from "node:path";
import type { LoadedRule } from "../sentinel/rules.ts";
import { buildReviewQueue, type ReviewQueue } from "../trust/review.ts";
import { stalenessFor } from "../trust/staleness.ts";
import type { Memories } from "./memories.ts";

/** The review queue of a project (default: the context's), against the given rules. */
export function reviewMemories(
  m: Memories,
  options: { project?: string | undefined; rules: LoadedRule[] },
): ReviewQueue & { project: string } {
  const project = options.project ?? m.ctx.project();
  const root = m.ctx.root();
  const queue = buildReviewQueue({
    memories: m.vault.iterate({ project, status: "all" }),
    rules: options.rules,
    get: (id) => m.vault.get(id),
    staleness: stalenessFor(m.ctx.deps.home, root),
    teamDir: root ? join(root, ".korva", "memories") : undefined,
    now: m.ctx.deps.now(),
  });
  return { ...queue, project };
}
