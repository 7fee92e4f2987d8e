// Discovery: choose the memories an AI should see before working on files or a task, each with
// the reasons it was chosen, and render them within a token budget.
import { dirname, isAbsolute, relative } from "../posix_path.ts";
import { anchorCovers } from "../vault/filter.ts";
import type { Vault } from "../vault/store.ts";
import type { Memory } from "../vault/types.ts";
import { queryWords } from "../vault/search.ts";
import { memoryFlags } from "../trust/provenance.ts";
import { type StalenessLookup, stalenessPenalty, stalenessReasons } from "../trust/staleness.ts";
import { renderContext } from "./render.ts";

/** What to find context for. */
export interface ContextInput {
  project: string;
  /** Paths open or being edited: repo-relative or absolute (made relative to repoRoot). */
  files?: string[];
  repoRoot?: string;
  task?: string;
  /** Budget for the rendered text, in tokens of ~4 characters. Default 1,500. */
  maxTokens?: number;
  /** Skip memories whose id is in `seen`, and add the returned ones to it. */
  delta?: boolean;
  seen?: Set<string>;
  /** Only memories anchored to the files (no text matches, no conventions); for file hooks. */
  anchoredOnly?: boolean;
  /**
   * Include flagged memories nobody has confirmed (default false: context is unasked-for, and
   * such text stays out of it; `vault_get` and `korva get` still return it, marked).
   */
  includeWithheld?: boolean;
  /** The screen's flags of a draft (default: screened now; the hooks pass a cached answer). */
  flagsOf?: ((memory: Memory) => string[]) | undefined;
  /** Earlier names of a file (git renames), so anchors written before a move still apply. */
  formerPaths?: ((file: string) => string[]) | undefined;
  /** How the anchored code changed since each memory was saved (git); none outside a repo. */
  staleness?: StalenessLookup | undefined;
  now?: Date;
}

/** One chosen memory with why it was chosen. */
export interface ContextMemory {
  id: string;
  type: Memory["type"];
  title: string;
  why: string | null;
  content: string;
  project: string;
  scope: Memory["scope"];
  files: string[];
  created_at: string;
  age: string;
  author: string | null;
  /** Written or confirmed by a person; false for an agent's draft. */
  confirmed: boolean;
  /** What the injection screen found in its text (empty when clean). */
  flags: string[];
  reasons: string[];
  score: number;
}

/** The ordered memories and their rendering within the budget. */
export interface ContextResult {
  memories: ContextMemory[];
  text: string;
  tokens: number;
}

/** Default token budget; one token is counted as four characters everywhere. */
export const DEFAULT_MAX_TOKENS = 1500;
export const CHARS_PER_TOKEN = 4;

/**
 * Signal weights. Anchors dominate (a memory tied to the file is what the developer needs);
 * full-text relevance comes next; type priors let conventions and decisions of the project
 * compete for a place; recency, team scope and project only nudge the order.
 */
export const WEIGHTS = {
  anchorExact: 12,
  anchorCovers: 9,
  sameModule: 4,
  text: 6,
  convention: 2.5,
  decision: 1.5,
  incidentAnchored: 3,
  incident: 1,
  pattern: 1,
  recency: 1.5,
  team: 1,
  sameProject: 2,
  otherProject: -4,
} as const;

/** Words in paths that say nothing about what a file is about. */
const GENERIC_PATH_WORDS = new Set([
  "src",
  "lib",
  "app",
  "apps",
  "pkg",
  "cmd",
  "internal",
  "index",
  "main",
  "mod",
  "test",
  "tests",
  "spec",
  "specs",
  "utils",
  "util",
  "helpers",
  "common",
  "shared",
  "core",
  "ts",
  "tsx",
  "js",
  "jsx",
  "mjs",
  "cjs",
  "py",
  "go",
  "rs",
  "java",
  "kt",
  "rb",
  "php",
  "cs",
  "md",
  "json",
  "yaml",
  "yml",
  "toml",
  "components",
  "packages",
  "modules",
  "source",
  "dist",
  "build",
]);

const RECENT_INCIDENT_DAYS = 120;
const DECAY_DAYS = 180;
const TEXT_CANDIDATES = 40;
const PRIOR_CANDIDATES = 12;
/** How many of the best candidates get a staleness check (bounds the git pathspec). */
const STALENESS_CANDIDATES = 30;

interface Candidate {
  memory: Memory;
  score: number;
  reasons: string[];
  anchored: boolean;
  matched: boolean;
}

/** Find, rank and render the context for a session start, an opened file or a task. */
export function buildContext(vault: Vault, input: ContextInput): ContextResult {
  const now = input.now ?? new Date();
  const files = (input.files ?? []).map((file) => normalizeFile(file, input.repoRoot))
    .filter((file) => file !== "");
  const candidates = new Map<string, Candidate>();
  // What this session was already shown is left out below: anchored memories skip it unread.
  const shown: ReadonlySet<string> = input.delta && input.seen ? input.seen : new Set();
  const add = (
    memory: Memory,
    score: number,
    reason: string | undefined,
    kind?: "anchor" | "text",
  ) => {
    if (memory.status !== "active") return;
    let candidate = candidates.get(memory.id);
    if (!candidate) {
      candidate = { memory, score: 0, reasons: [], anchored: false, matched: false };
      candidates.set(memory.id, candidate);
    }
    candidate.score += score;
    if (reason && !candidate.reasons.includes(reason)) candidate.reasons.push(reason);
    if (kind === "anchor") candidate.anchored = true;
    if (kind === "text") candidate.matched = true;
  };

  for (const file of files) {
    for (const name of [file, ...(input.formerPaths?.(file) ?? [])]) {
      const anchors = vault.anchorsFor(name);
      if (anchors.length === 0) continue;
      const moved = name === file ? "" : ` (${name} was renamed to ${file})`;
      for (const memory of vault.list({ anchors, limit: 50 }, { skip: shown })) {
        for (const anchor of memory.files.filter((a) => anchors.includes(a))) {
          const exact = anchor === name;
          add(
            memory,
            exact ? WEIGHTS.anchorExact : WEIGHTS.anchorCovers,
            `anchored to ${anchor}${moved}`,
            "anchor",
          );
        }
      }
    }
    for (const memory of sameModule(vault, file, shown)) {
      add(memory, WEIGHTS.sameModule, `same module as ${file}`, "anchor");
    }
  }

  const words = [input.task ?? "", ...files.map(pathWords).flat()].join(" ").trim();
  if (words !== "" && input.anchoredOnly === true) {
    // A file's context shows only anchored memories: their own words are checked (literal
    // matches, no related words), instead of a search of the whole vault for the few it would
    // boost, which cost every file hook ~10 ms at 5,000 memories.
    const wanted = contentWords(words);
    const eligible = new Set(wanted).size;
    for (const candidate of candidates.values()) {
      const matched = matchedWords(candidate.memory, wanted);
      if (matched.length === 0 || eligible === 0) continue;
      const strength = Math.min(1, matched.length / eligible);
      add(candidate.memory, WEIGHTS.text * strength, `matches "${matched.join(" ")}"`, "text");
    }
  } else if (words !== "") {
    const hits = vault.search(words, { limit: TEXT_CANDIDATES, status: "active" });
    const top = hits[0]?.score ?? 0;
    const wanted = contentWords(words);
    hits.forEach((hit) => {
      const strength = top > 0 ? hit.score / top : 0;
      const matched = matchedWords(hit.memory, wanted);
      if (matched.length === 0 || strength < 0.15) return;
      add(hit.memory, WEIGHTS.text * strength, `matches "${matched.join(" ")}"`, "text");
    });
  }

  const wantsPriors = !input.anchoredOnly;
  if (wantsPriors) {
    for (const type of ["convention", "decision"] as const) {
      for (const memory of vault.list({ project: input.project, type, limit: PRIOR_CANDIDATES })) {
        add(memory, 0, `project ${type}`);
      }
    }
    const since = new Date(now.getTime() - RECENT_INCIDENT_DAYS * 86_400_000).toISOString();
    for (const type of ["incident", "bugfix"] as const) {
      for (const memory of vault.list({ project: input.project, type, since, limit: 5 })) {
        add(memory, 0, `recent ${type}`);
      }
    }
    if (files.length === 0 && !input.task) {
      for (const memory of vault.list({ project: input.project, limit: 10 })) {
        add(memory, 0, undefined);
      }
    }
  }

  const sorted = [...candidates.values()]
    .filter((c) => !(input.anchoredOnly && !c.anchored))
    .filter((c) => !(input.delta && input.seen?.has(c.memory.id)))
    .map((c) => ({ ...c, score: c.score + priors(c, input.project, now) }))
    .filter((c) => c.memory.project === input.project || c.anchored || c.matched)
    .sort(byScore);
  // Flagged drafts are withheld. Screening a draft's text costs ~0.25 ms, so candidates are
  // screened in rank order only as far as the staleness check and the rendering reach: the
  // order is the one screening every candidate first would give.
  const flagsOf = input.flagsOf ?? memoryFlags;
  const visible = (c: Candidate) =>
    input.includeWithheld === true || c.memory.confirmed || flagsOf(c.memory).length === 0;
  const head: Candidate[] = [];
  let next = 0;
  for (; next < sorted.length && head.length < STALENESS_CANDIDATES; next++) {
    if (visible(sorted[next]!)) head.push(sorted[next]!);
  }
  if (input.staleness) applyStaleness(head, input.staleness);
  const screened = new Set(head);
  const ranked = [...head, ...sorted.slice(next)].sort(byScore);

  const chosen = function* (): Generator<ContextMemory> {
    for (const c of ranked) {
      if (!screened.has(c) && !visible(c)) continue;
      yield {
        id: c.memory.id,
        type: c.memory.type,
        title: c.memory.title,
        why: c.memory.why,
        content: c.memory.content,
        project: c.memory.project,
        scope: c.memory.scope,
        files: c.memory.files,
        created_at: c.memory.created_at,
        age: formatAge(c.memory.created_at, now),
        author: c.memory.author,
        confirmed: c.memory.confirmed,
        flags: c.memory.confirmed ? c.memory.flags : flagsOf(c.memory),
        reasons: c.reasons.length
          ? c.reasons
          : [c.memory.project === input.project ? "recent in this project" : "related"],
        score: Math.round(c.score * 1000) / 1000,
      };
    }
  };
  const budget = Math.max(50, input.maxTokens ?? DEFAULT_MAX_TOKENS) * CHARS_PER_TOKEN;
  const rendered = renderContext(chosen(), { budgetChars: budget, project: input.project });
  if (input.delta && input.seen) {
    for (const memory of rendered.memories) {
      input.seen.add(memory.id);
    }
  }
  return {
    memories: rendered.memories,
    text: rendered.text,
    tokens: Math.ceil(rendered.text.length / CHARS_PER_TOKEN),
  };
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || (a.memory.id < b.memory.id ? 1 : -1);
}

/** Staleness reasons and rank penalties for the best candidates (one git lookup for all). */
function applyStaleness(candidates: Candidate[], lookup: StalenessLookup): void {
  const found = lookup(candidates.map((c) => c.memory));
  for (const candidate of candidates) {
    const staleness = found.get(candidate.memory.id);
    if (!staleness) continue;
    candidate.score -= stalenessPenalty(staleness);
    candidate.reasons.push(...stalenessReasons(staleness));
  }
}

/** Type, recency, scope and project adjustments, with the reasons they add. */
function priors(candidate: Candidate, project: string, now: Date): number {
  const { memory, reasons } = candidate;
  let score = 0;
  const ageDays = Math.max(0, (now.getTime() - Date.parse(memory.created_at)) / 86_400_000);
  score += WEIGHTS.recency * Math.exp(-ageDays / DECAY_DAYS);
  switch (memory.type) {
    case "convention":
      score += WEIGHTS.convention;
      break;
    case "decision":
      score += WEIGHTS.decision;
      break;
    case "incident":
    case "bugfix":
      score += candidate.anchored ? WEIGHTS.incidentAnchored : WEIGHTS.incident;
      if (candidate.anchored && !reasons.some((r) => r.startsWith("recent"))) {
        reasons.push(`${memory.type} on this code`);
      }
      break;
    case "pattern":
      score += WEIGHTS.pattern;
      break;
    case "learning":
    case "note":
      break;
  }
  if (memory.scope === "team") score += WEIGHTS.team;
  score += memory.project === project ? WEIGHTS.sameProject : WEIGHTS.otherProject;
  return score;
}

/** Memories anchored to a sibling file or folder of `file` (same directory, not covering it). */
function sameModule(vault: Vault, file: string, skip: ReadonlySet<string>): Memory[] {
  const dir = dirname(file);
  if (dir === "." || dir === "") return [];
  const rows = vault.anchorsInFolder(dir)
    .filter((anchor) => anchor !== file && !anchorCovers(anchor, file) && dirname(anchor) === dir);
  return rows.length === 0 ? [] : vault.list({ anchors: rows, limit: 20 }, { skip });
}

/** A file path relative to the repository root, with `/` separators. */
export function normalizeFile(file: string, repoRoot: string | undefined): string {
  let path = file.trim().replaceAll("\\", "/");
  if (isAbsolute(path) && repoRoot) {
    const rel = relative(repoRoot, path).replaceAll("\\", "/");
    if (!rel.startsWith("..")) path = rel;
  }
  return path.replace(/^\.\//, "");
}

/** The words of a path that describe it: `src/payments/payments.ts` → payments. */
export function pathWords(file: string): string[] {
  const words = queryWords(file.replace(/\.[a-z0-9]+$/i, "").replaceAll("/", " "));
  return [...new Set(words.filter((word) => word.length > 1 && !GENERIC_PATH_WORDS.has(word)))];
}

/** The words of a query that can match: longer than two letters, not a generic path word. */
function contentWords(text: string): string[] {
  return queryWords(text).filter((w) => w.length > 2 && !GENERIC_PATH_WORDS.has(w));
}

/** Which of the query's words (contentWords) appear in the memory (for `matches "…"`). */
function matchedWords(memory: Memory, words: string[]): string[] {
  const haystack = `${memory.title} ${memory.content} ${memory.why ?? ""} ${
    memory.tags.join(" ")
  } ${memory.files.join(" ")}`.toLowerCase();
  const stems = words.filter((w) => haystack.includes(w.replace(/(ies|es|s|ing|ed)$/, "")));
  return [...new Set(stems)].slice(0, 4);
}

/** A short age: `today`, `3d`, `5w`, `4mo`, `2y`. */
export function formatAge(iso: string, now: Date): string {
  const days = Math.max(0, (now.getTime() - Date.parse(iso)) / 86_400_000);
  if (days < 1) return "today";
  if (days < 14) return `${Math.floor(days)}d`;
  if (days < 60) return `${Math.floor(days / 7)}w`;
  if (days < 730) return `${Math.floor(days / 30)}mo`;
  return `${Math.floor(days / 365)}y`;
}
