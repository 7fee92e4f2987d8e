// Team sync: `.korva/memories/*.md` in the repository ⇄ the local vault. Remembers, per memory,
// the file and memory hashes at the last sync so it can tell who changed what; when both sides
// changed it keeps both and names the file to resolve. Everything read or written is redacted.
// Writes: the vault checks their input with validate.ts, loaded here (lib/vault/validation.ts).
import "../vault/validate.ts";
import { existsSync, statSync } from "../fs_sync.ts";
import { join } from "node:path";
import { monotonicFactory } from "../ulid.ts";
import { mapTextFields } from "../text_fields.ts";
import { writeFileAtomic } from "../atomic_write.ts";
import type { Redactor } from "../privacy/redact.ts";
import { redactMemory } from "../vault/export.ts";
import type { Memory, Vault } from "../vault/mod.ts";
import {
  dropState,
  type FileEntry,
  memoriesDir,
  memoryHash,
  readTeamFiles,
  recordState,
  sha,
  states,
  type SyncSummary,
  writeTeamMemory,
} from "./files.ts";
import { REFRESH_SLACK_MS } from "./changed.ts";
import { renderTeamFile, type TeamMemory } from "./format.ts";
import { screenWrite } from "../trust/provenance.ts";

export {
  memoriesDir,
  memoryHash,
  removeTeamMemory,
  type SyncSummary,
  writeTeamMemory,
} from "./files.ts";

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
          // A file that changed in git is vouched for by whoever merged it, unless flagged.
          ...screenWrite(entry.memory, true),
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
      source: "team",
      ...screenWrite(entry.memory, true),
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
  return mapTextFields(
    memory,
    ["title", "content", "why", "tags", "files", "author", "shared_by"],
    (text) => redactor.redact(text).text,
  );
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
    ...(last !== undefined ? { changedSince: last - REFRESH_SLACK_MS } : {}),
  });
  vault.team.setRefreshedAt(repoRoot, started);
  return summary;
}
