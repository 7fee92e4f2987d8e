// The memory layer: one function per operation, shared by the CLI, MCP tools, HTTP routes and
// hooks. Front doors parse input, call these, and format output.
import type { Deps } from "../deps.ts";
import { CLI_ORIGIN, type Memories, openMemories } from "./memories.ts";
import { resolveRepoContext } from "./repo_context.ts";

export { addRedactions, type Redactions } from "./boundary.ts";
export { listCandidates, saveCandidates } from "./candidates.ts";
export { writeImportPlan, type WriteResult } from "./import_plan.ts";
export { type ContextRequest, memoryContext } from "./context.ts";
export { CLI_ORIGIN, type Memories, openMemories, type Origin, withVault } from "./memories.ts";
export { type RepoContext, resolveRepoContext } from "./repo_context.ts";
export { type SaveInput, saveMemory, type SaveOutcome } from "./save.ts";
export { type AnchorChange, fixAnchors } from "./anchors.ts";
export { reviewMemories } from "./review.ts";
export { missingParts } from "./quality.ts";
export { type ScanResult, scanVault } from "./scan.ts";
export { closestMemories, type SimilarMemory } from "./similar.ts";
export { endSession, startSession } from "./session.ts";
export { syncTeamFiles } from "./sync.ts";
export { foldRecalls, recordRecalls } from "./usage.ts";
export { shareMemory, type TeamFileChange, unshareMemory } from "./team.ts";
export { exportMemories, importMemories, type ImportOutcome } from "./transfer.ts";
export {
  confirmMemory,
  forgetMemory,
  supersedeMemory,
  type SupersedeOutcome,
  updateMemory,
  type UpdateOutcome,
} from "./write.ts";

/** The vault for a command line: context resolved for cwd (or a named project), written by a person. */
export function openCliMemories(
  deps: Deps,
  options: { project?: string | undefined; readonly?: boolean } = {},
): Memories {
  return openMemories(
    resolveRepoContext(deps, { project: options.project }),
    CLI_ORIGIN,
    options.readonly ? { readonly: true } : {},
  );
}
