// The review queue: memories that need a person. Past their review date, stale by git, drafts,
// flagged by the screen, team copies in conflict, and superseded memories a rule still cites.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { LoadedRule } from "../sentinel/rules.ts";
import type { Memory } from "../vault/mod.ts";
import { memoryFlags } from "./provenance.ts";
import { type Staleness, type StalenessLookup, stalenessReasons } from "./staleness.ts";

/** Why a memory is in the queue. */
export type ReviewKind = "review-date" | "stale" | "draft" | "flagged";

/** One memory that needs a person, with every reason. */
export interface ReviewItem {
  id: string;
  type: Memory["type"];
  title: string;
  author: string | null;
  owner: string | null;
  review_by: string | null;
  confirmed: boolean;
  flags: string[];
  reasons: Array<{ kind: ReviewKind; detail: string }>;
}

/** A team file whose local copy conflicts with the repository's (`*.local-conflict`). */
export interface ReviewConflict {
  path: string;
  id: string | null;
}

/** A rule citing a superseded memory: the rule file should cite the successor. */
export interface ReviewCitation {
  rule: string;
  source: string;
  cites: string;
  superseded_by: string | null;
}

/** The whole queue. */
export interface ReviewQueue {
  items: ReviewItem[];
  conflicts: ReviewConflict[];
  citations: ReviewCitation[];
}

/** Commits touching the anchors after which a memory counts as stale. */
export const STALE_COMMITS = 10;
/** Memories per staleness lookup (bounds the git pathspec). */
const STALENESS_BATCH = 100;

/** Build the queue from the project's memories, its rules and its team folder. */
export function buildReviewQueue(input: {
  memories: Iterable<Memory>;
  rules: LoadedRule[];
  /** Looks a memory up by id, for rule citations. */
  get: (id: string) => Memory | undefined;
  staleness?: StalenessLookup | undefined;
  /** The repository's team folder (`.korva/memories`), if any. */
  teamDir?: string | undefined;
  now: Date;
}): ReviewQueue {
  const today = input.now.toISOString().slice(0, 10);
  const active: Memory[] = [];
  for (const memory of input.memories) if (memory.status === "active") active.push(memory);
  const stale = new Map<string, Staleness>();
  if (input.staleness) {
    const anchored = active.filter((m) => m.files.length > 0);
    for (let i = 0; i < anchored.length; i += STALENESS_BATCH) {
      for (const [id, s] of input.staleness(anchored.slice(i, i + STALENESS_BATCH))) {
        stale.set(id, s);
      }
    }
  }
  const items: ReviewItem[] = [];
  for (const memory of active) {
    const reasons: ReviewItem["reasons"] = [];
    if (memory.review_by !== null && memory.review_by < today) {
      reasons.push({
        kind: "review-date",
        detail: `review was due ${memory.review_by}${
          memory.owner ? ` (owner ${memory.owner})` : ""
        }`,
      });
    }
    const staleness = stale.get(memory.id);
    if (staleness && isStale(staleness)) {
      for (const detail of stalenessReasons(staleness)) reasons.push({ kind: "stale", detail });
    }
    const flags = memoryFlags(memory);
    if (flags.length > 0) {
      reasons.push({
        kind: "flagged",
        detail: `${flags.join(", ")}${
          memory.confirmed ? " (confirmed anyway)" : "; kept out of context until confirmed"
        }`,
      });
    }
    if (!memory.confirmed) {
      reasons.push({
        kind: "draft",
        detail: `saved by ${memory.client ?? memory.source}; a person has not confirmed it`,
      });
    }
    // A confirmed flagged memory was judged by a person already; it stays out of the queue.
    const open = reasons.filter((r) => !(r.kind === "flagged" && memory.confirmed));
    if (open.length === 0) continue;
    items.push({
      id: memory.id,
      type: memory.type,
      title: memory.title,
      author: memory.author,
      owner: memory.owner,
      review_by: memory.review_by,
      confirmed: memory.confirmed,
      flags,
      reasons: open,
    });
  }
  return {
    items,
    conflicts: conflictsIn(input.teamDir),
    citations: supersededCitations(input.rules, input.get),
  };
}

/** Stale enough to need a person: anchors gone or moved, or much churn since the save. */
export function isStale(staleness: Staleness): boolean {
  return staleness.allDeleted || staleness.deletedFiles.length > 0 ||
    staleness.renamed.length > 0 || staleness.commits >= STALE_COMMITS;
}

function conflictsIn(dir: string | undefined): ReviewConflict[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith(".local-conflict")).sort().map(
    (name) => ({
      path: join(".korva", "memories", name),
      id: name.match(/^([0-9A-HJKMNP-TV-Z]{26})-/i)?.[1]?.toUpperCase() ?? null,
    }),
  );
}

function supersededCitations(
  rules: LoadedRule[],
  get: (id: string) => Memory | undefined,
): ReviewCitation[] {
  const out: ReviewCitation[] = [];
  for (const rule of rules) {
    const cited = rule.memory === undefined ? [] : [rule.memory].flat();
    for (const id of cited) {
      const memory = get(id);
      if (memory?.status !== "superseded") continue;
      out.push({
        rule: rule.id,
        source: rule.source,
        cites: memory.id,
        superseded_by: memory.superseded_by,
      });
    }
  }
  return out;
}
