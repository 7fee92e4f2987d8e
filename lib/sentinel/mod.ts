// The sentinel's public face: load rules, collect the change, evaluate, attach the memories that
// explain the rules.
import { existsSync } from "node:fs";
import { loadConfig } from "../config.ts";
import { KorvaError } from "../errors.ts";
import { repoRoot } from "../git.ts";
import { homePaths } from "../paths.ts";
import { mergePrivacyConfig } from "../privacy/config.ts";
import { createRedactor } from "../privacy/redact.ts";
import { loadProjectConfig } from "../project_config.ts";
import { formerPaths, refreshRenames, renameCacheDir } from "../trust/renames.ts";
import { openVault } from "../vault/mod.ts";
import { collectChanges, type Target } from "./diff.ts";
import { evaluate, type Finding, type Summary } from "./engine.ts";
import { type LoadedRule, loadRules } from "./rules.ts";

export type { Finding, Summary } from "./engine.ts";
export type { Target } from "./diff.ts";

/** The memory a rule cites, as shown next to its findings. */
export interface CitedMemory {
  id: string;
  title: string | null;
  why: string | null;
  type: string | null;
}

/** Everything a check produced. */
export interface SentinelReport {
  findings: Finding[];
  summary: Summary & { durationMs: number };
  rules: LoadedRule[];
  memories: Record<string, CitedMemory>;
}

/** Load the rules that apply in `cwd` (built-in, user, repository; config disables). */
export function activeRules(cwd: string, home: string): LoadedRule[] {
  const root = repoRoot(cwd);
  const project = root ? loadProjectConfig(root) : undefined;
  return loadRules({
    home,
    repoRoot: root,
    disabled: project?.sentinel?.disabled ?? [],
    overrides: project?.sentinel?.overrides ?? {},
  });
}

/** Run the sentinel on a target. Throws KorvaError 2 (rules/config) or 3 (git, not a repo). */
export async function runSentinel(input: {
  cwd: string;
  home: string;
  target: Target;
}): Promise<SentinelReport> {
  const started = performance.now();
  const root = repoRoot(input.cwd);
  if (!root && input.target.kind !== "content" && input.target.kind !== "files") {
    throw new KorvaError(`Cannot check "${input.cwd}": it is not inside a git repository`, {
      exitCode: 3,
    });
  }
  const rules = activeRules(input.cwd, input.home);
  const project = root ? loadProjectConfig(root) : undefined;
  const redactor = createRedactor(
    mergePrivacyConfig(loadConfig(input.home).privacy, project?.privacy),
  );
  const files = await collectChanges(root ?? input.cwd, input.target);
  const renames = root ? refreshRenames(root, renameCacheDir(input.home)) : undefined;
  const evaluated = evaluate(
    rules,
    files,
    redactor,
    renames && renames.renames.length > 0
      ? { formerPaths: (path) => formerPaths(renames, path) }
      : {},
  );
  const { memories, successor } = citeMemories(input.home, evaluated.findings);
  // A rule that cites a superseded memory cites what replaced it: the old text is no longer true.
  const findings = evaluated.findings.map((f) =>
    f.memory.length === 0 ? f : { ...f, memory: [...new Set(f.memory.map(successor))] }
  );
  return {
    findings,
    summary: { ...evaluated.summary, durationMs: Math.round(performance.now() - started) },
    rules,
    memories,
  };
}

/**
 * Look up the memories findings cite, following supersede links to the newest memory; a missing
 * vault or id never fails the check. `successor` maps a cited id to the one to show.
 */
function citeMemories(
  home: string,
  findings: Finding[],
): { memories: Record<string, CitedMemory>; successor: (id: string) => string } {
  const ids = [...new Set(findings.flatMap((f) => f.memory))];
  const out: Record<string, CitedMemory> = {};
  const next = new Map<string, string>();
  const successor = (id: string) => next.get(id) ?? id;
  if (ids.length === 0) return { memories: out, successor };
  const path = homePaths(home).vault;
  let vault;
  try {
    vault = existsSync(path) ? openVault(path, { readonly: true }) : undefined;
  } catch {
    vault = undefined;
  }
  const lookup = (id: string) => {
    try {
      return vault?.get(id);
    } catch {
      return undefined;
    }
  };
  for (const id of ids) {
    let memory = lookup(id);
    // Bounded: a corrupt chain must not hang a pre-commit hook.
    for (
      let hops = 0;
      hops < 20 && memory?.status === "superseded" && memory.superseded_by;
      hops++
    ) {
      memory = lookup(memory.superseded_by) ?? memory;
      if (memory.status !== "superseded") break;
    }
    const shown = memory?.id ?? id;
    if (shown !== id) next.set(id, shown);
    out[shown] = {
      id: shown,
      title: memory?.title ?? null,
      why: memory?.why ?? null,
      type: memory?.type ?? null,
    };
  }
  vault?.close();
  return { memories: out, successor };
}
