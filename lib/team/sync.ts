// Team sync: `.korva/memories/*.md` in the repository ⇄ the local vault. Remembers, per memory,
// the file and memory hashes at the last sync so it can tell who changed what; when both sides
// changed it keeps both and names the file to resolve.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { monotonicFactory } from "ulid";
import { writeFileAtomic } from "../atomic_write.ts";
import type { Redactor } from "../privacy/redact.ts";
import { redactMemory } from "../vault/export.ts";
import type { Memory, TeamSyncState, Vault } from "../vault/mod.ts";
import { parseTeamFile, renderTeamFile, teamFileName, type TeamMemory } from "./format.ts";

/** What a sync did. */
export interface SyncSummary {
  imported: number;
  updated: number;
  exported: number;
  archived: number;
  conflicts: Array<{ path: string; local: string }>;
  errors: Array<{ path: string; reason: string }>;
}

/** The folder of shared memories in a repository. */
export function memoriesDir(repoRoot: string): string {
  return join(repoRoot, ".korva", "memories");
}

function states(vault: Vault, repo: string): Map<string, TeamSyncState> {
  return vault.team.states(repo);
}

function recordState(
  vault: Vault,
  repo: string,
  memory: Memory,
  path: string,
  fileText: string,
  now: Date,
) {
  vault.team.record(repo, {
    memory_id: memory.id,
    path,
    file_hash: sha(fileText),
    memory_hash: memoryHash(memory),
  }, now);
}

function dropState(vault: Vault, repo: string, id: string): void {
  vault.team.drop(repo, id);
}

function sha(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The fields a team file carries, hashed: a change to any of them is a change to sync. */
export function memoryHash(
  m: Pick<
    Memory,
    "type" | "title" | "content" | "why" | "tags" | "files" | "status" | "supersedes"
  >,
): string {
  return sha(
    JSON.stringify([
      m.type,
      m.title,
      m.content.trim(),
      (m.why ?? "").trim(),
      m.tags,
      m.files,
      m.status,
      m.supersedes,
    ]),
  );
}

/**
 * Write a memory's team file (redacted) and remember it as synced; returns the file path. A file
 * that changed in the repository since the last sync (a pull not yet synced) is never
 * overwritten: this version goes beside it as `<file>.local-conflict` instead.
 */
export function writeTeamMemory(
  vault: Vault,
  repoRoot: string,
  memory: Memory,
  redactor: Redactor,
  now: Date,
): { path: string; redacted: number; conflict?: boolean } {
  const dir = memoriesDir(repoRoot);
  mkdirSync(dir, { recursive: true });
  const known = states(vault, repoRoot).get(memory.id);
  const path = known && existsSync(join(repoRoot, known.path))
    ? join(repoRoot, known.path)
    : join(dir, teamFileName(memory.id, memory.title));
  const clean = redactMemory(memory, redactor);
  const redacted = countChanges(memory, clean);
  const text = renderTeamFile(clean);
  if (known && existsSync(path) && sha(readFileSync(path, "utf8")) !== known.file_hash) {
    const conflict = `${path}.local-conflict`;
    writeFileAtomic(conflict, text);
    return { path: conflict, redacted, conflict: true };
  }
  writeFileAtomic(path, text);
  recordState(vault, repoRoot, memory, relative(repoRoot, path), text, now);
  return { path, redacted };
}

function countChanges(a: Memory, b: Memory): number {
  const fields = ["title", "content", "why"] as const;
  return fields.reduce((n, f) => n + ((a[f] ?? "") === (b[f] ?? "") ? 0 : 1), 0) +
    a.tags.filter((t, i) => t !== b.tags[i]).length +
    a.files.filter((t, i) => t !== b.files[i]).length;
}

/** Remove a memory's team file and forget its sync state; the memory stays (private). */
export function removeTeamMemory(vault: Vault, repoRoot: string, id: string): string | undefined {
  const known = states(vault, repoRoot).get(id);
  const candidates = known ? [join(repoRoot, known.path)] : [];
  const dir = memoriesDir(repoRoot);
  if (existsSync(dir)) {
    candidates.push(
      ...readdirSync(dir).filter((f) => f.startsWith(`${id}-`)).map((f) => join(dir, f)),
    );
  }
  const path = candidates.find((p) => existsSync(p));
  if (path) rmSync(path);
  dropState(vault, repoRoot, id);
  return path;
}

interface FileEntry {
  path: string;
  text: string;
  memory: TeamMemory;
}

/** Read every team file; unreadable ones go to `errors` and are skipped. */
function readTeamFiles(
  repoRoot: string,
  errors: SyncSummary["errors"],
  only?: (path: string) => boolean,
): FileEntry[] {
  const dir = memoriesDir(repoRoot);
  if (!existsSync(dir)) return [];
  const entries: FileEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".md")) continue;
    const path = join(dir, name);
    if (only && !only(path)) continue;
    const rel = relative(repoRoot, path);
    try {
      const text = readFileSync(path, "utf8");
      entries.push({ path: rel, text, memory: parseTeamFile(text) });
    } catch (error) {
      errors.push({ path: rel, reason: (error as Error).message });
    }
  }
  return entries;
}

/** Options for a sync. */
export interface SyncOptions {
  project: string;
  /** Everything read from or written to the repository passes through it. */
  redactor: Redactor;
  now: Date;
  /** Import only (no export, no deletions): the cheap refresh before context. */
  importOnly?: boolean;
  /** Only files modified after this time (refresh). */
  changedSince?: number;
}

/** Import new and changed files, archive memories whose file was deleted, export local changes. */
export function syncTeam(vault: Vault, repoRoot: string, options: SyncOptions): SyncSummary {
  const summary: SyncSummary = {
    imported: 0,
    updated: 0,
    exported: 0,
    archived: 0,
    conflicts: [],
    errors: [],
  };
  const known = states(vault, repoRoot);
  const since = options.changedSince;
  const files = readTeamFiles(
    repoRoot,
    summary.errors,
    since === undefined ? undefined : (path) => statSync(path).mtimeMs > since,
  );
  const ulid = monotonicFactory();
  const seen = new Set<string>();
  const toImport: Array<{ entry: FileEntry; id: string }> = [];

  for (const entry of files) {
    let id = entry.memory.id;
    if (!id && options.importOnly) continue; // hand-written: `korva sync` gives it an id
    entry.memory = redactTeamMemory(entry.memory, options.redactor);
    if (!id) {
      // A hand-written file: give it an id and write it back (redacted) so every clone agrees.
      id = ulid(options.now.getTime());
      const withId = { ...entry.memory, id };
      entry.text = renderTeamFile(toMemoryShape(withId, options));
      writeFileAtomic(join(repoRoot, entry.path), entry.text);
      entry.memory = withId;
    }
    seen.add(id);
    const local = vault.get(id);
    const state = known.get(id);
    if (!local) {
      toImport.push({ entry, id });
      continue;
    }
    const fileChanged = !state || state.file_hash !== sha(entry.text);
    const localChanged = state !== undefined && state.memory_hash !== memoryHash(local);
    if (fileChanged && localChanged) {
      if (options.importOnly) continue;
      const conflictPath = `${entry.path}.local-conflict`;
      writeFileAtomic(
        join(repoRoot, conflictPath),
        renderTeamFile(redactMemory(local, options.redactor)),
      );
      summary.conflicts.push({ path: entry.path, local: conflictPath });
      continue;
    }
    if (fileChanged) {
      if (memoryHash(local) !== memoryHash(toMemoryShape({ ...entry.memory, id }, options))) {
        const updated = vault.update(local.id, {
          type: entry.memory.type,
          title: entry.memory.title,
          content: entry.memory.content,
          why: entry.memory.why,
          tags: entry.memory.tags,
          files: entry.memory.files,
          status: entry.memory.status,
          scope: "team",
        });
        recordState(vault, repoRoot, updated, entry.path, entry.text, options.now);
        summary.updated++;
      } else {
        recordState(vault, repoRoot, local, entry.path, entry.text, options.now);
      }
    } else if (localChanged && !options.importOnly) {
      writeTeamMemory(vault, repoRoot, local, options.redactor, options.now);
      summary.exported++;
    }
  }

  if (toImport.length > 0) {
    vault.importLines(toImport.map(({ entry, id }) => ({
      id,
      project: options.project,
      type: entry.memory.type,
      title: entry.memory.title,
      content: entry.memory.content,
      why: entry.memory.why,
      tags: entry.memory.tags,
      files: entry.memory.files,
      scope: "team",
      status: entry.memory.status,
      supersedes: entry.memory.supersedes,
      author: entry.memory.author,
      shared_by: entry.memory.shared_by,
      client: "team",
      confirmed: true,
      source: "team",
      ...(entry.memory.created ? { created_at: entry.memory.created } : {}),
      ...(entry.memory.updated ? { updated_at: entry.memory.updated } : {}),
    })));
    for (const { entry, id } of toImport) {
      const memory = vault.get(id);
      if (memory) recordState(vault, repoRoot, memory, entry.path, entry.text, options.now);
    }
    summary.imported += toImport.length;
  }

  if (options.importOnly) return summary;

  // Files deleted from the repository: the team no longer shares that memory.
  for (const [id, state] of known) {
    if (seen.has(id) || existsSync(join(repoRoot, state.path))) continue;
    if (summary.errors.some((e) => e.path === state.path)) continue;
    const local = vault.get(id);
    if (local && local.status === "active") {
      vault.update(id, { status: "archived", scope: "private" });
      summary.archived++;
    }
    dropState(vault, repoRoot, id);
  }

  // Team-scoped memories of this project that have no file yet (e.g. saved by an AI with
  // scope team): share them.
  for (const memory of vault.iterate({ project: options.project, scope: "team" })) {
    if (seen.has(memory.id) || known.has(memory.id)) continue;
    writeTeamMemory(vault, repoRoot, memory, options.redactor, options.now);
    summary.exported++;
  }
  return summary;
}

/** A team file's texts as they may enter the vault: every field redacted. */
function redactTeamMemory(memory: TeamMemory, redactor: Redactor): TeamMemory {
  const clean = (text: string) => redactor.redact(text).text;
  return {
    ...memory,
    title: clean(memory.title),
    content: clean(memory.content),
    why: memory.why === null ? null : clean(memory.why),
    tags: memory.tags.map(clean),
    files: memory.files.map(clean),
    author: memory.author === null ? null : clean(memory.author),
    shared_by: memory.shared_by === null ? null : clean(memory.shared_by),
  };
}

function toMemoryShape(m: TeamMemory & { id: string }, options: { now: Date }): Memory {
  const now = options.now.toISOString();
  return {
    id: m.id,
    project: "",
    type: m.type,
    title: m.title,
    content: m.content,
    why: m.why,
    tags: m.tags.map((t) => t.toLowerCase()),
    files: m.files,
    scope: "team",
    status: m.status,
    supersedes: m.supersedes,
    superseded_by: null,
    author: m.author,
    source: "team",
    session_id: null,
    commit: null,
    client: "team",
    confirmed: true,
    review_by: null,
    owner: null,
    flags: [],
    shared_by: m.shared_by,
    created_at: m.created ?? now,
    updated_at: m.updated ?? m.created ?? now,
    content_hash: "",
  };
}

/**
 * Cheap refresh before context: import team files changed since the last refresh, so pulled
 * memories are visible even when no `korva sync` has run.
 */
export function refreshTeamMemories(
  vault: Vault,
  repoRoot: string,
  options: { project: string; now: Date; redactor: Redactor },
): SyncSummary {
  const dir = memoriesDir(repoRoot);
  if (!existsSync(dir)) {
    return { imported: 0, updated: 0, exported: 0, archived: 0, conflicts: [], errors: [] };
  }
  const last = vault.team.refreshedAt(repoRoot);
  const started = Date.now();
  const summary = syncTeam(vault, repoRoot, {
    ...options,
    importOnly: true,
    ...(last !== undefined ? { changedSince: last - 2000 } : {}),
  });
  vault.team.setRefreshedAt(repoRoot, started);
  return summary;
}
