// The active rule set from the rule files (built-in, user, repository), without the YAML parser
// or the zod schema: the edit-time gate runs on every write, and yaml and zod cost ~45 ms of its
// start-up (issue 19). `cachedRules` answers from the cache of validated files (rule_cache.ts) and
// gives up on the first miss; rules.ts parses then, through the same reading and merging here.
import { KorvaError, messageOf } from "../errors.ts";
import { existsSync, readdirSync, readFileSync } from "../fs_sync.ts";
import { join } from "../posix_path.ts";
import { homePaths } from "../paths.ts";
import { prepareGlobs } from "../glob.ts";
import { readGlobCache, writeGlobCache } from "../glob_cache.ts";
import { compileRule, ruleGlobs } from "./compile.ts";
import { readRuleCache } from "./rule_cache.ts";
import type { LoadedRule, ParsedRule } from "./rules.ts";
import type { Rule, Severity } from "./rule_schema.ts";

/** Built-in rule files shipped in `rules/` (embedded with `deno compile --include rules`). */
export const BUILTIN_RULE_FILES = [
  "secrets.yml",
  "hygiene.yml",
] as const;

/** Where rules come from, in precedence order. */
export interface RuleSources {
  home: string;
  repoRoot: string | undefined;
  disabled?: string[];
  overrides?: Record<string, Severity>;
}

/** One rule file's text: `file` names it in errors, `source` on its rules. */
export interface RuleText {
  text: string;
  file: string;
  source: string;
  origin: LoadedRule["origin"];
}

/** The folder of cached validated rule files. */
export function ruleCacheDir(home: string): string {
  return join(home, "cache/rules");
}

/** The text of one built-in rule file. */
export function builtinRuleText(name: string): RuleText {
  const text = Deno.readTextFileSync(new URL(`../../rules/${name}`, import.meta.url));
  return { text, file: `rules/${name}`, source: `rules/${name}`, origin: "built-in" };
}

/** Read one rule file (KorvaError, exit 2, when it cannot be read). */
export function ruleFileText(path: string, origin: LoadedRule["origin"]): RuleText {
  try {
    return { text: readFileSync(path, "utf8"), file: path, source: path, origin };
  } catch (error) {
    throw new KorvaError(`Cannot read rule file "${path}": ${messageOf(error)}`, { exitCode: 2 });
  }
}

/** The `*.yml`/`*.yaml` files of a folder (sorted), or none when it does not exist. */
export function ruleDirTexts(dir: string, origin: LoadedRule["origin"]): RuleText[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort()
    .map((name) => ruleFileText(join(dir, name), origin));
}

/** Every rule file of the sources, in precedence order: built-in, user, repository. */
export function ruleTexts(sources: RuleSources): RuleText[] {
  return [
    ...BUILTIN_RULE_FILES.map(builtinRuleText),
    ...ruleDirTexts(join(sources.home, "rules"), "user"),
    ...(sources.repoRoot ? ruleDirTexts(join(sources.repoRoot, ".korva/rules"), "repository") : []),
  ];
}

/** Compile validated rules (their regexes and globs), once; errors name the file and rule. */
export function compileRules(rules: Rule[], file: string): ParsedRule[] {
  return rules.map((rule) => ({
    ...rule,
    compiled: compileRule(rule, (reason) => ruleError(file, undefined, rule.id, reason)),
  }));
}

/** A rule file error: file, line, rule id and reason in one sentence (exit 2). */
export function ruleError(
  file: string,
  line: number | undefined,
  ruleId: string | undefined,
  reason: string,
): KorvaError {
  const where = `${file}${line !== undefined ? `:${line}` : ""}`;
  return new KorvaError(
    `Invalid rule file "${where}"${ruleId ? `: rule "${ruleId}"` : ""}: ${reason}`,
    { exitCode: 2, hint: "fix the rule file; korva refuses to check with a broken rule" },
  );
}

/**
 * The active rules of loaded files: a rule id defined twice is an error; disabled rules and
 * `off` severities are dropped.
 */
export function mergeRules(all: LoadedRule[], sources: RuleSources): LoadedRule[] {
  const byId = new Map<string, LoadedRule>();
  for (const rule of all) {
    const earlier = byId.get(rule.id);
    if (earlier) {
      throw new KorvaError(
        `Invalid rule file "${rule.source}": rule "${rule.id}": duplicate rule id (also in "${earlier.source}")`,
        {
          exitCode: 2,
          hint: "rename one of them, or disable the built-in one in .korva/config.yml",
        },
      );
    }
    byId.set(rule.id, rule);
  }
  const disabled = new Set(sources.disabled ?? []);
  return [...byId.values()]
    .map((rule) => ({ ...rule, severity: sources.overrides?.[rule.id] ?? rule.severity }))
    .filter((rule) => !disabled.has(rule.id) && rule.severity !== "off");
}

/**
 * The active rules when every rule file is in the cache of validated files, else undefined (the
 * caller loads them with rules.ts's loadRules, which parses and fills the cache).
 */
export async function cachedRules(sources: RuleSources): Promise<LoadedRule[] | undefined> {
  const cache = ruleCacheDir(sources.home);
  const validated: Array<{ file: RuleText; rules: Rule[] }> = [];
  for (const file of ruleTexts(sources)) {
    const rules = readRuleCache(cache, file.text);
    if (!rules) return undefined;
    validated.push({ file, rules });
  }
  // The rules' globs compiled by an earlier run are known, so most runs load no glob compiler.
  const globCache = homePaths(sources.home).cache;
  readGlobCache(globCache);
  await prepareGlobs(validated.flatMap(({ rules }) => rules.flatMap(ruleGlobs)));
  const merged = mergeRules(
    validated.flatMap(({ file, rules }) =>
      compileRules(rules, file.file).map((rule) => ({
        ...rule,
        source: file.source,
        origin: file.origin,
      }))
    ),
    sources,
  );
  writeGlobCache(globCache);
  return merged;
}
