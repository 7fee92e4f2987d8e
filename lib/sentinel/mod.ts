// The sentinel's public face: load rules, collect the change, evaluate, attach the memories that
// explain the rules.
import { loadConfig } from "../config.ts";
import { KorvaError } from "../errors.ts";
import { repoRoot } from "../git.ts";
import { mergePrivacyConfig } from "../privacy/config.ts";
import { createRedactor } from "../privacy/redact.ts";
import { loadProjectConfig, type ProjectConfig } from "../project_config.ts";
import { type CitedMemory, citeMemories } from "./cited_memories.ts";
import { formerPaths, refreshRenames, renameCacheDir } from "../trust/renames.ts";
import { collectChanges, type Target } from "./diff.ts";
import { evaluate, type Finding, type Summary } from "./engine.ts";
import { parsersFor } from "./parsers_for.ts";
import { recordRuleHits } from "./rule_hits.ts";
import { type LoadedRule, loadRules } from "./rules.ts";

export type { Finding, Summary } from "./engine.ts";
export type { Target } from "./diff.ts";
export type { CitedMemory } from "./cited_memories.ts";

/** Everything a check produced. */
export interface SentinelReport {
  findings: Finding[];
  summary: Summary & { durationMs: number };
  rules: LoadedRule[];
  memories: Record<string, CitedMemory>;
  /** What was judged: only a `staged` check speaks of a commit. */
  target: Target["kind"];
}

/** Load the rules that apply in `cwd` (built-in, user, repository; config disables). */
export function activeRules(cwd: string, home: string): LoadedRule[] {
  const root = repoRoot(cwd);
  return rulesAt(root, home, root ? loadProjectConfig(root) : undefined);
}

function rulesAt(
  root: string | undefined,
  home: string,
  project: ProjectConfig | undefined,
): LoadedRule[] {
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
  /** The repository root when the caller already knows it (saves a git call). */
  root?: string;
  /** The clock for the rule hit counts (tests pass a fixed one). */
  now?: () => Date;
}): Promise<SentinelReport> {
  const started = performance.now();
  const root = input.root ?? repoRoot(input.cwd);
  if (!root && input.target.kind !== "content" && input.target.kind !== "files") {
    throw new KorvaError(`Cannot check "${input.cwd}": it is not inside a git repository`, {
      exitCode: 3,
    });
  }
  const project = root ? loadProjectConfig(root) : undefined;
  const rules = rulesAt(root, input.home, project);
  const redactor = createRedactor(
    mergePrivacyConfig(loadConfig(input.home).privacy, project?.privacy),
  );
  const files = await collectChanges(root ?? input.cwd, input.target);
  const renames = root ? refreshRenames(root, renameCacheDir(input.home)) : undefined;
  const evaluated = evaluate(rules, files, redactor, {
    parsers: await parsersFor(rules, files),
    ...(renames && renames.renames.length > 0
      ? { formerPaths: (path: string) => formerPaths(renames, path) }
      : {}),
  });
  const cited = await citeMemories(input.home, root, evaluated.findings.flatMap((f) => f.memory));
  await recordRuleHits(input.home, evaluated.findings, (input.now ?? (() => new Date()))());
  // A rule that cites a superseded memory cites what replaced it.
  const findings = evaluated.findings.map((f) =>
    f.memory.length === 0
      ? f
      : { ...f, memory: [...new Set(f.memory.map((id) => cited[id]?.id ?? id))] }
  );
  return {
    findings,
    summary: { ...evaluated.summary, durationMs: Math.round(performance.now() - started) },
    rules,
    memories: Object.fromEntries(Object.values(cited).map((memory) => [memory.id, memory])),
    target: input.target.kind,
  };
}

/** One sentence per memory id a rule cites that is neither in the vault nor in team files. */
export async function unknownMemoryWarnings(
  rules: LoadedRule[],
  home: string,
  cwd: string,
): Promise<string[]> {
  const cited = await citeMemories(home, repoRoot(cwd), rules.flatMap((r) => r.memory ?? []));
  return rules.flatMap((rule) =>
    (rule.memory ?? []).filter((id) => !cited[id]?.found).map((id) =>
      `rule "${rule.id}" cites memory "${id}", which is neither in your vault nor in .korva/memories`
    )
  );
}
