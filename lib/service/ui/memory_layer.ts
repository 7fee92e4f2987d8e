// The dashboard's one door to memories: every page reads and writes through lib/memory, the
// same operations the CLI, MCP tools and HTTP API call (validation, redaction on the way in,
// team files), and everything shown passes the redactor again on the way out, as the API does.
import { existsSync, readdirSync } from "node:fs";
import type { ContextResult } from "../../discovery/context.ts";
import {
  confirmMemory as confirm,
  foldRecalls,
  forgetMemory,
  listCandidates,
  type Memories,
  memoryContext,
  recordRecalls,
  saveMemory,
  shareMemory as share,
  supersedeMemory as supersede,
  unshareMemory as unshare,
  updateMemory,
} from "../../memory/mod.ts";
import { activeRules } from "../../sentinel/mod.ts";
import type { LoadedRule } from "../../sentinel/rules.ts";
import { memoriesDir } from "../../team/sync.ts";
import { redactMemory } from "../../vault/export.ts";
import { searchTerms } from "../../vault/search.ts";
import type {
  Memory,
  MemoryFilter,
  MemoryPatch,
  MemoryType,
  RecallCount,
  RuleHitCount,
  Scope,
  Status,
  StoredCandidate,
  VaultStats,
} from "../../vault/mod.ts";

/** The provenance fields shown on a memory's page (the vault's migration 2). */
export const PROVENANCE_FIELDS = [
  "commit",
  "client",
  "confirmed",
  "review_by",
  "owner",
  "flags",
  "shared_by",
] as const;

/** Search filters of the search page. */
export interface FindInput {
  q: string;
  project?: string | undefined;
  type?: MemoryType | undefined;
  tag?: string | undefined;
  file?: string | undefined;
  scope?: Scope | undefined;
  status?: Status | "all" | undefined;
  state?: "confirmed" | "draft" | undefined;
  limit?: number | undefined;
  /**
   * A request sent while the person types: full-text ranking only. Related words and reranking
   * (semantic recall, ~60 ms at 100k) wait for Enter, a filter change or a page load.
   */
  typing?: boolean | undefined;
}

/** One search result. */
export interface Found {
  memory: Memory;
  score: number | null;
  /** Excerpt with the matched words in [brackets] (snippetOf's convention). */
  snippet: string;
}

const shown = (m: Memories, memory: Memory): Memory => redactMemory(memory, m.ctx.redactor());

/** Whether a memory is a draft an agent saved, not yet confirmed by a person. */
export function isDraft(memory: Memory): boolean {
  return !memory.confirmed;
}

/** Search (or list, when the query has no words) with the page's filters. */
export function findMemories(m: Memories, input: FindInput): Found[] {
  const filter: MemoryFilter = {
    project: input.project,
    type: input.type,
    tag: input.tag,
    file: input.file,
    scope: input.scope,
    status: input.status,
    confirmed: input.state === undefined ? undefined : input.state === "confirmed",
    limit: input.limit ?? 20,
  };
  if (searchTerms(input.q).length === 0) {
    return m.vault.list(filter).map((memory) => shown(m, memory))
      .map((memory) => ({ memory, score: null, snippet: memory.content.slice(0, 200) }));
  }
  return m.vault.search(input.q, filter, { semantic: !input.typing }).map((hit) => ({
    memory: shown(m, hit.memory),
    score: hit.score,
    snippet: m.ctx.redactor().redact(hit.snippet).text,
  }));
}

/** One memory, redacted, or undefined. */
export function readMemory(m: Memories, id: string): Memory | undefined {
  const memory = m.vault.get(id);
  return memory ? shown(m, memory) : undefined;
}

/** A memory a person opened: counted as recalled, with its count so far (after this one). */
export function openedMemory(
  m: Memories,
  id: string,
): { memory: Memory; recalls: RecallCount | undefined } | undefined {
  const memory = readMemory(m, id);
  if (!memory) return undefined;
  recordRecalls(m, [memory.id]);
  foldRecalls(m); // what the hooks served since
  return { memory, recalls: m.vault.recallsOf(memory.id) };
}

/** One memory or a not-found KorvaError. */
export function requireMemory(m: Memories, id: string): Memory {
  return shown(m, m.vault.require(id));
}

/** Earlier versions of a memory, oldest first. */
export function memoryHistory(m: Memories, id: string): Memory[] {
  return m.vault.history(id).map((memory) => shown(m, memory));
}

/** The supersede chain around a memory: what it replaced (nearest first) and what replaced it. */
export function supersedeChain(
  m: Memories,
  memory: Memory,
): { older: Memory[]; newer: Memory[] } {
  const walk = (start: string | null, next: (found: Memory) => string | null) => {
    const out: Memory[] = [];
    const seen = new Set([memory.id]);
    for (let id = start; id && !seen.has(id) && out.length < 50;) {
      seen.add(id);
      const found = m.vault.get(id);
      if (!found) break;
      out.push(shown(m, found));
      id = next(found);
    }
    return out;
  };
  return {
    older: walk(memory.supersedes, (found) => found.supersedes),
    newer: walk(memory.superseded_by, (found) => found.superseded_by),
  };
}

/** Change fields of a memory. */
export function editMemory(m: Memories, id: string, patch: MemoryPatch): Memory {
  return shown(m, updateMemory(m, id, patch).memory);
}

/** Replace a memory with a new one; returns the new memory. */
export function supersedeMemory(
  m: Memories,
  id: string,
  next: { title?: string | undefined; content: string; why?: string | undefined },
): Memory {
  return shown(m, supersede(m, id, next).next.memory);
}

/** Archive a memory (kept, out of search and context). */
export function archiveMemory(m: Memories, id: string): Memory {
  return shown(m, forgetMemory(m, id).memory);
}

/** Delete a memory and its history for good. */
export function deleteMemory(m: Memories, id: string): void {
  forgetMemory(m, id, { hard: true });
}

/** Whether sharing is possible: the service runs inside a repository. */
export function canShare(m: Memories): boolean {
  return m.ctx.root() !== undefined;
}

/** What sharing would redact: detector names found in the memory's stored text. */
export function shareFindings(m: Memories, id: string): string[] {
  const memory = m.vault.get(id);
  if (!memory) return [];
  const text = [memory.title, memory.content, memory.why ?? "", ...memory.tags, ...memory.files]
    .join("\n");
  return [...new Set(m.ctx.redactor().scan(text).map((f) => f.detector))];
}

/** Share a memory with the team (team scope plus its `.korva/memories` file). */
export function shareMemory(m: Memories, id: string): { path: string } {
  return { path: share(m, id).path };
}

/** Stop sharing: the team file goes, the memory stays, private. */
export function unshareMemory(m: Memories, id: string): void {
  unshare(m, id);
}

/** Confirm a draft. */
export function confirmMemory(m: Memories, id: string): Memory {
  return shown(m, confirm(m, id).memory);
}

/** Commits `korva mine git` proposed for the project, strongest first (already redacted). */
export function commitCandidates(m: Memories, limit: number): StoredCandidate[] {
  return listCandidates(m, { limit });
}

/** Save a memory written up from a commit candidate; returns the memory. */
export function saveFromCandidate(
  m: Memories,
  input: {
    type: MemoryType;
    title: string;
    content: string;
    why?: string | undefined;
    files: string[];
    sha: string;
  },
): Memory {
  const { sha, ...fields } = input;
  return shown(
    m,
    saveMemory(m, { ...fields, tags: ["from-commit"], source: `git:${sha.slice(0, 12)}` }).memory,
  );
}

/** Exactly what vault_context returns for files and a task (team files refreshed first). */
export function previewContext(
  m: Memories,
  input: { files: string[]; task?: string | undefined; maxTokens?: number | undefined },
): ContextResult {
  const result = memoryContext(m, {
    files: input.files,
    task: input.task,
    maxTokens: input.maxTokens,
    refresh: true,
    // A preview shows what an AI would be told; nobody is served, so nothing is counted.
    record: false,
  });
  const clean = (text: string) => m.ctx.redactor().redact(text).text;
  return {
    ...result,
    text: clean(result.text),
    memories: result.memories.map((c) => ({
      ...c,
      title: clean(c.title),
      content: clean(c.content),
      why: c.why === null ? null : clean(c.why),
    })),
  };
}

/** Sentinel rules active where the service runs. */
export function loadActiveRules(m: Memories): LoadedRule[] {
  return activeRules(m.ctx.root() ?? m.ctx.deps.cwd, m.ctx.deps.home);
}

/** Counts for the overview. */
export interface Overview {
  stats: Omit<VaultStats, "path">;
  perWeek: Array<{ week: string; count: number }>;
  team: { inVault: number; files: number } | undefined;
  /** The most recalled memories (redacted), most first. */
  recalled: Array<RecallCount & { memory: Memory | undefined }>;
  /** Findings reported per sentinel rule id. */
  ruleHits: Map<string, RuleHitCount>;
}

/** Counts by type, project, scope and status, memories added per week, team files. */
export function overview(m: Memories, weeks = 12): Overview {
  const { path: _path, ...stats } = m.vault.stats();
  const perWeek = m.vault.addedPerWeek(weeks, m.ctx.deps.now());
  const root = m.ctx.root();
  let team: Overview["team"];
  if (root) {
    const dir = memoriesDir(root);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".md")).length : 0;
    team = { inVault: stats.byScope.team ?? 0, files };
  }
  foldRecalls(m); // what the hooks served since
  const recalled = m.vault.mostRecalled(10).map((count) => {
    const memory = m.vault.get(count.memory_id);
    return { ...count, memory: memory ? shown(m, memory) : undefined };
  });
  return { stats, perWeek, team, recalled, ruleHits: ruleHitCounts(m) };
}

/** Findings the sentinel reported per rule id. */
export function ruleHitCounts(m: Memories): Map<string, RuleHitCount> {
  return new Map(m.vault.ruleHits().map((hit) => [hit.rule_id, hit]));
}

/** The redactor in force, for text the dashboard shows that is not a memory (rule tests). */
export function redactorOf(m: Memories) {
  return m.ctx.redactor();
}
