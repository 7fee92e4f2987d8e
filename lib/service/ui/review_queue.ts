// The review queue the dashboard shows: what `korva review` lists (reviewMemories: past review
// date, stale by git, drafts, flagged, team copies in conflict, superseded memories a rule
// cites), plus rules citing memories missing from this vault and the commits `korva mine git`
// proposed.
import { type Memories, reviewMemories } from "../../memory/mod.ts";
import type { LoadedRule } from "../../sentinel/rules.ts";
import type { Memory, StoredCandidate } from "../../vault/mod.ts";
import { commitCandidates, readMemory } from "./memory_layer.ts";

/** Why something needs a look. */
export type ReviewKind =
  | "draft"
  | "flagged"
  | "past-review"
  | "stale"
  | "conflict"
  | "superseded-cited"
  | "missing-cited"
  | "candidate";

/** One entry of the queue. */
export interface ReviewItem {
  kind: ReviewKind;
  id: string;
  memory: Memory | undefined;
  detail: string;
  /** For kind "candidate": the proposed commit. */
  candidate?: StoredCandidate;
}

/** How many commit candidates the queue lists at most. */
export const CANDIDATE_LIMIT = 200;

const KIND_OF = {
  "review-date": "past-review",
  stale: "stale",
  draft: "draft",
  flagged: "flagged",
} as const;

/** Everything that needs a person's look. */
export function reviewQueue(m: Memories, rules: LoadedRule[]): ReviewItem[] {
  const queue = reviewMemories(m, { rules });
  const items: ReviewItem[] = [];
  for (const item of queue.items) {
    const memory = readMemory(m, item.id);
    for (const reason of item.reasons) {
      items.push({ kind: KIND_OF[reason.kind], id: item.id, memory, detail: reason.detail });
    }
  }
  for (const conflict of queue.conflicts) {
    items.push({
      kind: "conflict",
      id: conflict.id ?? conflict.path,
      memory: conflict.id ? readMemory(m, conflict.id) : undefined,
      detail:
        `${conflict.path}: the local copy conflicts with the repository's; merge it and run korva sync`,
    });
  }
  for (const citation of queue.citations) {
    items.push({
      kind: "superseded-cited",
      id: citation.cites,
      memory: readMemory(m, citation.cites),
      detail: `rule ${citation.rule} (${citation.source}) cites it${
        citation.superseded_by ? `; cite ${citation.superseded_by} instead` : ""
      }`,
    });
  }
  for (const rule of rules) {
    for (const id of rule.memory ?? []) {
      if (!readMemory(m, id)) {
        items.push({
          kind: "missing-cited",
          id,
          memory: undefined,
          detail: `rule ${rule.id} cites it`,
        });
      }
    }
  }
  for (const candidate of commitCandidates(m, CANDIDATE_LIMIT)) {
    items.push({
      kind: "candidate",
      id: candidate.sha,
      memory: undefined,
      detail: `commit ${candidate.sha.slice(0, 10)} by ${candidate.author}, ${
        candidate.committed_at.slice(0, 10)
      }: ${candidate.reasons.join("; ")}`,
      candidate,
    });
  }
  return items;
}
