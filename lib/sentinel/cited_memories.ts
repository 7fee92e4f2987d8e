// The memories rules cite, looked up in the vault and, for a teammate's memory not imported yet,
// in the repository's `.korva/memories` files. A missing vault, file or id never fails a check.
import { existsSync, readdirSync, readFileSync } from "../fs_sync.ts";
import { join } from "../posix_path.ts";
import { homePaths } from "../paths.ts";
import { importLazily } from "../lazy_import.ts";

/** The memory a rule cites, as shown next to its findings; `found` false for an unknown id. */
export interface CitedMemory {
  id: string;
  title: string | null;
  why: string | null;
  type: string | null;
  found: boolean;
}

/**
 * Look up memory ids (vault first, then team files of the repository), keyed by the id asked
 * for; `id` of the answer is the memory to show (the successor of a superseded one). The vault and team
 * modules load only when there is an id to look up, so a clean check never pays for them.
 */
export async function citeMemories(
  home: string,
  repoRoot: string | undefined,
  ids: Iterable<string>,
): Promise<Record<string, CitedMemory>> {
  const wanted = [...new Set(ids)];
  const out: Record<string, CitedMemory> = {};
  if (wanted.length === 0) return out;
  const { openVault } = await importLazily<typeof import("../vault/mod.ts")>(
    import.meta.url,
    "../vault/mod.ts",
  );
  const { parseTeamFile } = await importLazily<typeof import("../team/format.ts")>(
    import.meta.url,
    "../team/format.ts",
  );
  const path = homePaths(home).vault;
  let vault;
  try {
    vault = existsSync(path) ? openVault(path, { readonly: true }) : undefined;
  } catch {
    vault = undefined;
  }
  try {
    const lookup = (id: string) => {
      try {
        return vault?.get(id);
      } catch {
        return undefined;
      }
    };
    for (const id of wanted) {
      let memory = lookup(id);
      // A superseded memory is cited through what replaced it: its text is no longer true.
      // Bounded, so a corrupt chain cannot hang a pre-commit hook.
      for (let hops = 0; hops < 20 && memory?.status === "superseded"; hops++) {
        const next = memory.superseded_by ? lookup(memory.superseded_by) : undefined;
        if (!next) break;
        memory = next;
      }
      out[id] = memory
        ? { id: memory.id, title: memory.title, why: memory.why, type: memory.type, found: true }
        : teamMemory(repoRoot, id, parseTeamFile);
    }
  } finally {
    vault?.close();
  }
  return out;
}

function teamMemory(
  repoRoot: string | undefined,
  id: string,
  parseTeamFile: (
    text: string,
  ) => { id: string | undefined; title: string; why: string | null; type: string },
): CitedMemory {
  const missing = { id, title: null, why: null, type: null, found: false };
  if (!repoRoot) return missing;
  // .korva/memories, as lib/team/sync.ts names it.
  const dir = join(repoRoot, ".korva", "memories");
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
