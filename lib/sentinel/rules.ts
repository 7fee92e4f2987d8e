// Sentinel rule files: the loader (built-in, user, repository), failing closed on an invalid file
// with file, line, rule id, field and reason; each rule is compiled once here.
import YAML, { type Document, LineCounter } from "yaml";
import type { z } from "zod";
import { messageOf } from "../errors.ts";
import type { CompiledRule } from "./compile.ts";
import { readRuleCache, writeRuleCache } from "./rule_cache.ts";
import { type Rule, RuleFile, RULES_VERSION } from "./rule_schema.ts";
import {
  BUILTIN_RULE_FILES,
  builtinRuleText,
  compileRules,
  mergeRules,
  ruleCacheDir,
  ruleDirTexts,
  ruleError,
  ruleFileText,
  type RuleSources,
  type RuleText,
  ruleTexts,
} from "./rule_set.ts";

export { BUILTIN_RULE_FILES, type RuleSources } from "./rule_set.ts";

/** A validated rule with its compiled regexes and globs. */
export interface ParsedRule extends Rule {
  compiled: CompiledRule;
}

/** A loaded rule and where it came from. */
export interface LoadedRule extends ParsedRule {
  source: string;
  origin: "built-in" | "user" | "repository";
}

/** Parse, validate and compile one rule file's text; errors name file, line, rule id and field. */
export function parseRuleFile(text: string, file: string): ParsedRule[] {
  return compileRules(validateRuleFile(text, file), file);
}

/** Parse and validate one rule file's text (YAML and zod); duplicate ids are an error. */
function validateRuleFile(text: string, file: string): Rule[] {
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = YAML.parseDocument(text, { lineCounter: lines, prettyErrors: true });
  } catch (error) {
    throw ruleError(file, undefined, undefined, messageOf(error));
  }
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first?.linePos?.[0]?.line;
    throw ruleError(file, line, undefined, `invalid YAML: ${first?.message.split("\n")[0] ?? ""}`);
  }
  const raw = doc.toJS() as unknown;
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version > RULES_VERSION) {
    throw ruleError(
      file,
      undefined,
      undefined,
      `version ${version} is newer than this korva understands (${RULES_VERSION})`,
    );
  }
  const parsed = RuleFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const ruleIndex = path[0] === "rules" && typeof path[1] === "number" ? path[1] : undefined;
    const ruleId = ruleIndex === undefined
      ? undefined
      : (raw as { rules?: Array<{ id?: unknown }> }).rules?.[ruleIndex]?.id;
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const parentNode = doc.getIn(path.slice(0, -1), true) as
      | { range?: [number, number, number] }
      | undefined;
    const offset = node?.range?.[0] ?? parentNode?.range?.[0];
    const line = offset === undefined ? undefined : lines.linePos(offset).line;
    const field = ruleIndex === undefined ? path.join(".") : path.slice(2).join(".");
    throw ruleError(
      file,
      line,
      typeof ruleId === "string" ? ruleId : undefined,
      `${field ? `"${field}" ` : ""}${describe(issue)}`,
    );
  }
  const seen = new Set<string>();
  for (const rule of parsed.data.rules) {
    if (seen.has(rule.id)) throw ruleError(file, undefined, rule.id, "duplicate rule id");
    seen.add(rule.id);
  }
  return parsed.data.rules;
}

/**
 * A rule file's rules through the cache of validated files (`cacheDir`, keyed by the text's
 * hash): YAML parsing and zod validation are most of loading rules, which an edit hook does on
 * every write. A file that fails validation is never cached; the cache never fails a load.
 */
function loadText(file: RuleText, cacheDir: string | undefined): LoadedRule[] {
  const cached = cacheDir ? readRuleCache(cacheDir, file.text) : undefined;
  let parsed: ParsedRule[];
  if (cached) parsed = compileRules(cached, file.file);
  else {
    parsed = parseRuleFile(file.text, file.file);
    if (cacheDir) {
      writeRuleCache(cacheDir, file.text, parsed.map(({ compiled: _, ...rule }) => rule));
    }
  }
  return parsed.map((rule) => ({ ...rule, source: file.source, origin: file.origin }));
}

function describe(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "is invalid";
  if (issue.code === "invalid_value" && "values" in issue) {
    return `must be one of ${(issue.values as unknown[]).join(", ")}`;
  }
  if (issue.code === "unrecognized_keys" && "keys" in issue) {
    return `has unknown field${(issue.keys as string[]).length > 1 ? "s" : ""} ${
      (issue.keys as string[]).map((k) => `"${k}"`).join(", ")
    }`;
  }
  if (issue.code === "invalid_union" && issue.path.at(-1) === "match") {
    return `"kind" must be one of pattern, forbid-import, require, secret, max-size, call`;
  }
  if (issue.code === "invalid_type" && /undefined/.test(issue.message)) return "is required";
  return issue.message;
}

/** Read every `*.yml`/`*.yaml` of a folder (sorted), or nothing when it does not exist. */
export function loadRuleDir(
  dir: string,
  origin: LoadedRule["origin"],
  cacheDir?: string,
): LoadedRule[] {
  return ruleDirTexts(dir, origin).flatMap((file) => loadText(file, cacheDir));
}

/** Read one rule file. */
export function loadRuleFile(
  path: string,
  origin: LoadedRule["origin"],
  cacheDir?: string,
): LoadedRule[] {
  return loadText(ruleFileText(path, origin), cacheDir);
}

/** The built-in rules shipped with korva. */
export function loadBuiltinRules(cacheDir?: string): LoadedRule[] {
  return BUILTIN_RULE_FILES.flatMap((name) => loadText(builtinRuleText(name), cacheDir));
}

/**
 * All active rules: built-in, then `$KORVA_HOME/rules/`, then `.korva/rules/` of the repository.
 * A rule id defined twice is an error; disabled rules and `off` severities are dropped.
 */
export function loadRules(sources: RuleSources): LoadedRule[] {
  const cache = ruleCacheDir(sources.home);
  return mergeRules(ruleTexts(sources).flatMap((file) => loadText(file, cache)), sources);
}
