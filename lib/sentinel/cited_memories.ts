// The memories rules cite, looked up in the vault and, for a teammate's memory not imported yet,
// in the repository's `.korva/memories` files. A missing vault, file or id never fails a check.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { homePaths } from "../paths.ts";
import { parseTeamFile } from "../team/format.ts";
import { memoriesDir } from "../team/sync.ts";
import { openVault } from "../vault/mod.ts";

/** The memory a rule cites, as shown next to its findings; `found` false for an unknown id. */
export interface CitedMemory {
  id: string;
  title: string | null;
  why: string | null;
  type: string | null;
  found: boolean;
}

/** Look up memory ids (vault first, then team files of the repository). */
export function citeMemories(
  home: string,
  repoRoot: string | undefined,
  ids: Iterable<string>,
): Record<string, CitedMemory> {
  const wanted = [...new Set(ids)];
  const out: Record<string, CitedMemory> = {};
  if (wanted.length === 0) return out;
  const path = homePaths(home).vault;
  let vault;
  try {
    vault = existsSync(path) ? openVault(path, { readonly: true }) : undefined;
  } catch {
    vault = undefined;
  }
  try {
    for (const id of wanted) {
      let memory;
      try {
        memory = vault?.get(id);
      } catch {
        memory = undefined;
      }
      out[id] = memory
        ? { id, title: memory.title, why: memory.why, type: memory.type, found: true }
        : teamMemory(repoRoot, id);
    }
  } finally {
    vault?.close();
  }
  return out;
}

function teamMemory(repoRoot: string | undefined, id: string): CitedMemory {
  const missing = { id, title: null, why: null, type: null, found: false };
  if (!repoRoot) return missing;
  const dir = memoriesDir(repoRoot);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return missing;
  }
  const upper = id.toUpperCase();
  for (const name of names.filter((n) => n.toUpperCase().startsWith(upper) && n.endsWith(".md"))) {
    try {
      const memory = parseTeamFile(readFileSync(join(dir, name), "utf8"));
      if (memory.id !== upper) continue;
      return { id, title: memory.title, why: memory.why, type: memory.type, found: true };
    } catch {
      continue;
    }
  }
  return missing;
}
