// Team files on disk: where they live, writing and removing one with its sync state, reading
// them all. The sync algorithm over them is in sync.ts.
import { sha256Hex } from "../sha256.ts";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "../fs_sync.ts";
import { join, relative } from "node:path";
import { writeFileAtomic } from "../atomic_write.ts";
import type { Redactor } from "../privacy/redact.ts";
import { redactMemory } from "../vault/export.ts";
import type { Memory, TeamSyncState, Vault } from "../vault/mod.ts";
import { memoriesDir } from "./changed.ts";
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

export { memoriesDir } from "./changed.ts";

export function states(vault: Vault, repo: string): Map<string, TeamSyncState> {
  return vault.team.states(repo);
}

export function recordState(
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

export function dropState(vault: Vault, repo: string, id: string): void {
  vault.team.drop(repo, id);
}

export function sha(text: string): string {
  return sha256Hex(text);
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

export interface FileEntry {
  path: string;
  text: string;
  memory: TeamMemory;
}

/** Read every team file; unreadable ones go to `errors` and are skipped. */
export function readTeamFiles(
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
