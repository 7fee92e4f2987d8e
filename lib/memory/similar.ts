// The closest existing memories to a new one, returned by save so an agent can supersede or
// update instead of adding a near-duplicate.
import type { Memory } from "../vault/mod.ts";
import type { Memories } from "./memories.ts";

/** A memory close to the one just saved. */
export interface SimilarMemory {
  id: string;
  type: Memory["type"];
  title: string;
  score: number;
}

/** The `limit` active memories of the same project most like `memory` (title first), best first. */
export function closestMemories(m: Memories, memory: Memory, limit = 3): SimilarMemory[] {
  // The title twice and the start of the body: a full body would let common words dominate.
  const query = `${memory.title} ${memory.title} ${memory.content.slice(0, 300)}`;
  return m.vault.search(query, { project: memory.project, limit: limit + 1 })
    .filter((hit) => hit.memory.id !== memory.id)
    .slice(0, limit)
    .map((hit) => ({
      id: hit.memory.id,
      type: hit.memory.type,
      title: hit.memory.title,
      score: hit.score,
    }));
}
