// Running the sentinel on a target: load the rules, collect the change, evaluate, attach the
// memories that explain the rules. The edit-time gate runs this on every write, so it loads
// neither the YAML parser nor zod when the rule files, config.json and `.korva/config.yml` are
// in their caches (rule_set.ts, config_cache.ts, project_config_cache.ts), nor the vault when
// no finding cites a memory.
import { cachedConfig } from "../config_cache.ts";
import { KorvaError } from "../errors.ts";
import { repoRoot } from "../git.ts";
import { loadGlobCompiler } from "../glob.ts";
import { importLazily } from "../lazy_import.ts";
import { mergePrivacyConfig } from "../privacy/merge.ts";
import { redactorFor } from "../privacy/redactor.ts";
import type { ProjectConfig } from "../project_config.ts";
import { cachedProjectConfig } from "../project_config_cache.ts";
import { type CitedMemory, citeMemories } from "./cited_memories.ts";
import { formerPaths, refreshRenames, renameCacheDir } from "../trust/renames.ts";
import { collectChanges, type Target } from "./diff.ts";
import { evaluate, type Finding, type Summary } from "./engine.ts";
import { parsersFor } from "./parsers_for.ts";
import { recordRuleHits } from "./rule_hits.ts";
import type { LoadedRule } from "./rules.ts";
import { cachedRules, type RuleSources } from "./rule_set.ts";

/** Everything a check produced. */
export interface SentinelReport {
  findings: Finding[];
  summary: Summary & { durationMs: number };
  rules: LoadedRule[];
  memories: Record<string, CitedMemory>;
  /** What was judged: only a `staged` check speaks of a commit. */
  target: Target["kind"];
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
  const project = root ? await cachedProjectConfig(input.home, root) : undefined;
  const rules = await activeRulesOf(root, input.home, project);
  // config.json through its cache: validated when cached, so the redactor needs no zod.
  const redactor = redactorFor(
    mergePrivacyConfig((await cachedConfig(input.home)).privacy, project?.privacy),
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

/**
 * The active rules (built-in, user, repository; the project config disables and overrides):
 * from the cache of validated rule files, else parsed by rules.ts (which fills the cache).
 */
async function activeRulesOf(
  root: string | undefined,
  home: string,
  project: ProjectConfig | undefined,
): Promise<LoadedRule[]> {
  const sources: RuleSources = {
    home,
    repoRoot: root,
    disabled: project?.sentinel?.disabled ?? [],
    overrides: project?.sentinel?.overrides ?? {},
  };
  const cached = await cachedRules(sources);
  if (cached) return cached;
  await loadGlobCompiler(); // parsing validates every glob
  const { loadRules } = await importLazily<typeof import("./rules.ts")>(
    import.meta.url,
    "./rules.ts",
  );
  return loadRules(sources);
}
