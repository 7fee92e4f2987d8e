// The dashboard's one door to memories: every page reads and writes through these functions,
// which call what the CLI, MCP tools and HTTP API call (vault methods, buildContext, the team
// files), with the same redaction on the way out. When lib/memory/ lands, re-route here only.
import { existsSync, readdirSync } from "node:fs";
import type { Deps } from "../../deps.ts";
import { buildContext, type ContextResult } from "../../discovery/context.ts";
import { KorvaError } from "../../errors.ts";
import type { Redactor } from "../../privacy/redact.ts";
import { activeRules } from "../../sentinel/mod.ts";
import type { LoadedRule } from "../../sentinel/rules.ts";
import {
  memoriesDir,
  refreshTeamMemories,
  removeTeamMemory,
  writeTeamMemory,
} from "../../team/sync.ts";
import { redactMemory } from "../../vault/export.ts";
import { searchTerms } from "../../vault/search.ts";
import type {
  Memory,
  MemoryFilter,
  MemoryPatch,
  MemoryType,
  NewMemory,
  Scope,
  Status,
  Vault,
  VaultStats,
} from "../../vault/mod.ts";

/** What the dashboard works with, resolved once when the service starts. */
export interface MemoryLayer {
  deps: Deps;
  vault: Vault;
  redactor: Redactor;
  project: string;
  repoRoot: string | undefined;
}

/** Provenance fields added by the vault's migration 2; absent on older vaults. */
export const PROVENANCE_FIELDS = [
  "commit",
  "confirmed",
  "review_by",
  "owner",
  "client",
  "flags",
] as const;

/** A memory as the dashboard shows it: redacted, with provenance when the vault has it. */
export type ShownMemory = Memory & Partial<Record<(typeof PROVENANCE_FIELDS)[number], unknown>>;

/** Search filters of the search page. */
export interface FindInput {
  q: string;
  project?: string | undefined;
  type?: MemoryType | undefined;
  tag?: string | undefined;
  file?: string | undefined;
  scope?: Scope | undefined;
  status?: Status | "all" | undefined;
  /** confirmed or draft: needs the provenance column `confirmed`. */
  state?: "confirmed" | "draft" | undefined;
  limit?: number | undefined;
}

/** One search result. */
export interface Found {
  memory: ShownMemory;
  score: number | null;
  /** Excerpt with the matched words in [brackets] (snippetOf's convention). */
  snippet: string;
}

const shown = (layer: MemoryLayer, memory: Memory): ShownMemory =>
  ({ ...memory, ...redactMemory(memory, layer.redactor) }) as ShownMemory;

/** Whether the vault records drafts (the `confirmed` column of migration 2). */
export function hasProvenance(memory: ShownMemory | undefined): boolean {
  return memory !== undefined && "confirmed" in memory;
}

/** Whether a memory is an unconfirmed draft. */
export function isDraft(memory: ShownMemory): boolean {
  return "confirmed" in memory && (memory.confirmed === 0 || memory.confirmed === false);
}

/** Search (or list, when the query has no words) with the page's filters. */
export function findMemories(layer: MemoryLayer, input: FindInput): Found[] {
  const limit = input.limit ?? 20;
  const filter: MemoryFilter = {
    project: input.project,
    type: input.type,
    tag: input.tag,
    file: input.file,
    scope: input.scope,
    status: input.status,
    // The draft filter runs on the rows, so fetch more to fill the page.
    limit: input.state ? limit * 5 : limit,
  };
  const keep = (memory: ShownMemory) =>
    input.state === undefined || (input.state === "draft") === isDraft(memory);
  if (searchTerms(input.q).length === 0) {
    return layer.vault.list(filter).map((m) => shown(layer, m)).filter(keep).slice(0, limit)
      .map((memory) => ({ memory, score: null, snippet: memory.content.slice(0, 200) }));
  }
  return layer.vault.search(input.q, filter)
    .map((hit) => ({
      memory: shown(layer, hit.memory),
      score: hit.score,
      snippet: layer.redactor.redact(hit.snippet).text,
    }))
    .filter((found) => keep(found.memory))
    .slice(0, limit);
}

/** One memory, redacted, or undefined. */
export function readMemory(layer: MemoryLayer, id: string): ShownMemory | undefined {
  const memory = layer.vault.get(id);
  return memory ? shown(layer, memory) : undefined;
}

/** One memory or a not-found KorvaError. */
export function requireMemory(layer: MemoryLayer, id: string): ShownMemory {
  return shown(layer, layer.vault.require(id));
}

/** Earlier versions of a memory, oldest first. */
export function memoryHistory(layer: MemoryLayer, id: string): ShownMemory[] {
  return layer.vault.history(id).map((m) => shown(layer, m));
}

/** The supersede chain around a memory: what it replaced (nearest first) and what replaced it. */
export function supersedeChain(
  layer: MemoryLayer,
  memory: Memory,
): { older: ShownMemory[]; newer: ShownMemory[] } {
  const walk = (start: string | null, next: (m: Memory) => string | null) => {
    const out: ShownMemory[] = [];
    const seen = new Set([memory.id]);
    for (let id = start; id && !seen.has(id) && out.length < 50;) {
      seen.add(id);
      const found = layer.vault.get(id);
      if (!found) break;
      out.push(shown(layer, found));
      id = next(found);
    }
    return out;
  };
  return {
    older: walk(memory.supersedes, (m) => m.supersedes),
    newer: walk(memory.superseded_by, (m) => m.superseded_by),
  };
}

/** Change fields of a memory (the same update the CLI, MCP and PATCH route make). */
export function editMemory(layer: MemoryLayer, id: string, patch: MemoryPatch): ShownMemory {
  return shown(layer, layer.vault.update(id, patch));
}

/** Replace a memory with a new one. */
export function supersedeMemory(layer: MemoryLayer, id: string, next: NewMemory): ShownMemory {
  return shown(layer, layer.vault.supersede(id, { source: "dashboard", ...next }).next.memory);
}

/** Archive a memory (kept, hidden from context and search). */
export function archiveMemory(layer: MemoryLayer, id: string): ShownMemory {
  return shown(layer, layer.vault.forget(id));
}

/** Delete a memory and its history for good. */
export function deleteMemory(layer: MemoryLayer, id: string): void {
  layer.vault.forget(id, { hard: true });
}

function needRepo(layer: MemoryLayer, action: string): string {
  if (!layer.repoRoot) {
    throw new KorvaError(
      `Cannot ${action}: the vault service was not started inside a git repository`,
      { exitCode: 2, hint: "start it with korva vault start from the repository" },
    );
  }
  return layer.repoRoot;
}

/** What sharing would redact: detector names found in the memory's text. */
export function shareFindings(layer: MemoryLayer, memory: Memory): string[] {
  const text = [memory.title, memory.content, memory.why ?? "", ...memory.tags, ...memory.files]
    .join("\n");
  return [...new Set(layer.redactor.scan(text).map((f) => f.detector))];
}

/** Share a memory with the team: team scope plus its `.korva/memories` file (redacted). */
export function shareMemory(layer: MemoryLayer, id: string): { path: string } {
  const root = needRepo(layer, "share");
  const memory = layer.vault.require(id);
  const team = memory.scope === "team" ? memory : layer.vault.update(memory.id, { scope: "team" });
  return { path: writeTeamMemory(layer.vault, root, team, layer.redactor, layer.deps.now()).path };
}

/** Stop sharing: remove the team file; the memory stays, private. */
export function unshareMemory(layer: MemoryLayer, id: string): void {
  const root = needRepo(layer, "unshare");
  const memory = layer.vault.require(id);
  removeTeamMemory(layer.vault, root, memory.id);
  if (memory.scope === "team") layer.vault.update(memory.id, { scope: "private" });
}

/** Confirm a draft (needs the vault's provenance columns). */
export function confirmMemory(layer: MemoryLayer, id: string): ShownMemory {
  const vault = layer.vault as Vault & { confirm?: (id: string) => Memory };
  if (typeof vault.confirm !== "function") {
    throw new KorvaError("Cannot confirm drafts: this vault has no provenance columns yet", {
      exitCode: 2,
      hint: "update korva; the vault's migration 2 adds them",
    });
  }
  return shown(layer, vault.confirm(id));
}

/** Exactly what vault_context returns for a file and task: team files refreshed first. */
export function previewContext(
  layer: MemoryLayer,
  input: { files: string[]; task?: string | undefined; maxTokens?: number | undefined },
): ContextResult & { maxTokens: number | undefined } {
  if (layer.repoRoot) {
    refreshTeamMemories(layer.vault, layer.repoRoot, {
      project: layer.project,
      now: layer.deps.now(),
    });
  }
  const result = buildContext(layer.vault, {
    project: layer.project,
    files: input.files,
    ...(input.task ? { task: input.task } : {}),
    ...(input.maxTokens ? { maxTokens: input.maxTokens } : {}),
    ...(layer.repoRoot ? { repoRoot: layer.repoRoot } : {}),
    now: layer.deps.now(),
  });
  const clean = (text: string) => layer.redactor.redact(text).text;
  return {
    ...result,
    text: clean(result.text),
    memories: result.memories.map((m) => ({
      ...m,
      title: clean(m.title),
      content: clean(m.content),
      why: m.why === null ? null : clean(m.why),
    })),
    maxTokens: input.maxTokens,
  };
}

/** Sentinel rules active where the service runs. */
export function loadActiveRules(layer: MemoryLayer): LoadedRule[] {
  return activeRules(layer.repoRoot ?? layer.deps.cwd, layer.deps.home);
}

/** Counts for the overview. */
export interface Overview {
  stats: Omit<VaultStats, "path">;
  perWeek: Array<{ week: string; count: number }>;
  team: { inVault: number; files: number } | undefined;
}

/** Counts by type, project, scope and status, memories added per week, team files. */
export function overview(layer: MemoryLayer, weeks = 12): Overview {
  const { path: _path, ...stats } = layer.vault.stats();
  const perWeek = layer.vault.addedPerWeek(weeks, layer.deps.now());
  let team: Overview["team"];
  if (layer.repoRoot) {
    const dir = memoriesDir(layer.repoRoot);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".md")).length : 0;
    team = { inVault: stats.byScope.team ?? 0, files };
  }
  return { stats, perWeek, team };
}
