// The review queue the dashboard shows. Issue 17 builds `korva review` (branch trust); until it
// lands this is the one function the page calls, to be pointed at theirs: drafts, flagged and
// past-review memories, rules citing memories that were superseded, archived or deleted, and the
// commits `korva mine git` proposed.
import type { Memories } from "../../memory/mod.ts";
import type { LoadedRule } from "../../sentinel/rules.ts";
import type { Memory, StoredCandidate } from "../../vault/mod.ts";
import { commitCandidates, readMemory } from "./memory_layer.ts";

/** Why a memory needs a look. */
export type ReviewKind =
  | "draft"
  | "flagged"
  | "past-review"
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

/** How many memories each kind lists at most, and how many of the newest are scanned for flags. */
export const REVIEW_LIMIT = 200;
export const REVIEW_SCAN = 1000;

/** Everything that needs a person's look, most urgent kind first. */
export function reviewQueue(m: Memories, rules: LoadedRule[]): ReviewItem[] {
  const items: ReviewItem[] = [];
  const today = m.ctx.deps.now().toISOString().slice(0, 10);
  const shown = (memory: Memory) => readMemory(m, memory.id) ?? memory;
  for (const draft of m.vault.list({ confirmed: false, limit: REVIEW_LIMIT })) {
    items.push({
      kind: "draft",
      id: draft.id,
      memory: shown(draft),
      detail: `saved by ${draft.client ?? draft.source}, not confirmed by a person`,
    });
  }
  const recent = m.vault.list({ limit: REVIEW_SCAN });
  for (const memory of recent.filter((r) => r.flags.length > 0).slice(0, REVIEW_LIMIT)) {
    items.push({
      kind: "flagged",
      id: memory.id,
      memory: shown(memory),
      detail: `flagged: ${memory.flags.join(", ")}`,
    });
  }
  const due = recent.filter((r) => r.review_by !== null && r.review_by < today);
  for (const memory of due.slice(0, REVIEW_LIMIT)) {
    items.push({
      kind: "past-review",
      id: memory.id,
      memory: shown(memory),
      detail: `review was due ${memory.review_by}${memory.owner ? ` (owner ${memory.owner})` : ""}`,
    });
  }
  for (const rule of rules) {
    for (const id of rule.memory ?? []) {
      const memory = readMemory(m, id);
      if (!memory) {
        items.push({ kind: "missing-cited", id, memory, detail: `rule ${rule.id} cites it` });
      } else if (memory.status !== "active") {
        items.push({
          kind: "superseded-cited",
          id,
          memory,
          detail: `${memory.status}, yet rule ${rule.id} cites it`,
        });
      }
    }
  }
  for (const candidate of commitCandidates(m, REVIEW_LIMIT)) {
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
