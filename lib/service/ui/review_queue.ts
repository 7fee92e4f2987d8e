// The review queue the dashboard shows. Issue 17 builds `korva review` (branch trust); until it
// lands this is the small function the page calls, to be pointed at theirs: drafts, flagged and
// past-review memories when the vault has the provenance columns, and rules citing memories that
// were superseded, archived or deleted.
import type { LoadedRule } from "../../sentinel/rules.ts";
import {
  hasProvenance,
  isDraft,
  type MemoryLayer,
  readMemory,
  type ShownMemory,
} from "./memory_layer.ts";

/** Why a memory needs a look. */
export type ReviewKind = "draft" | "flagged" | "past-review" | "superseded-cited" | "missing-cited";

/** One entry of the queue. */
export interface ReviewItem {
  kind: ReviewKind;
  id: string;
  memory: ShownMemory | undefined;
  detail: string;
}

/** The queue, and whether the vault could answer the provenance questions at all. */
export interface ReviewQueue {
  items: ReviewItem[];
  provenance: boolean;
}

/** Memories scanned for drafts, flags and review dates (newest first). */
export const REVIEW_SCAN = 500;

/** Everything that needs a person's look, most urgent kind first. */
export function reviewQueue(layer: MemoryLayer, rules: LoadedRule[]): ReviewQueue {
  const items: ReviewItem[] = [];
  const now = layer.deps.now().toISOString();
  const recent = layer.vault.list({ status: "active", limit: REVIEW_SCAN })
    .map((m) => readMemory(layer, m.id))
    .filter((m): m is ShownMemory => m !== undefined);
  const provenance = hasProvenance(recent[0]);
  for (const memory of recent) {
    if (isDraft(memory)) {
      items.push({ kind: "draft", id: memory.id, memory, detail: "saved by an AI, not confirmed" });
    }
    const flags = memory.flags;
    const flagList = Array.isArray(flags)
      ? flags
      : typeof flags === "string" && flags !== "" && flags !== "[]"
      ? [flags]
      : [];
    if (flagList.length > 0) {
      items.push({ kind: "flagged", id: memory.id, memory, detail: flagList.join(", ") });
    }
    if (typeof memory.review_by === "string" && memory.review_by !== "" && memory.review_by < now) {
      items.push({
        kind: "past-review",
        id: memory.id,
        memory,
        detail: `review was due ${memory.review_by.slice(0, 10)}`,
      });
    }
  }
  for (const rule of rules) {
    for (const id of rule.memory ?? []) {
      const memory = readMemory(layer, id);
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
  return { items, provenance };
}
