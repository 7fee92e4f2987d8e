// Sentinel rule files: the zod schema, the loader (built-in, user, repository) and the checks
// that make an invalid file fail closed with file, rule id, field and reason.
import { hasNestedQuantifier } from "../privacy/regex_shape.ts";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML, { type Document, LineCounter } from "yaml";
import { z } from "zod";
import { KorvaError, messageOf } from "../errors.ts";

/** The rule-file format version this korva reads. */
export const RULES_VERSION = 1;

const Regex = z.string().min(1).max(2000);
const Globs = z.array(z.string().min(1)).min(1);
const OneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]));

const Example = z.union([
  z.string(),
  z.object({ file: z.string().min(1), code: z.string() }).strict(),
]);

/** The matchers a rule may use (one per rule). */
export const Matcher = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("pattern"),
    pattern: Regex,
    "pattern-not": OneOrMany(Regex).optional(),
    "pattern-inside": Regex.optional(),
    flags: z.string().regex(/^[imsu]*$/, "must use only the flags i, m, s, u").optional(),
  }).strict(),
  z.object({
    kind: z.literal("forbid-import"),
    from: Globs,
    to: Globs,
    allowTypeOnly: z.boolean().default(false),
  }).strict(),
  z.object({
    kind: z.literal("require"),
    when: Regex,
    must: Regex,
    flags: z.string().regex(/^[imsu]*$/, "must use only the flags i, m, s, u").optional(),
  }).strict(),
  z.object({
    kind: z.literal("secret"),
    mode: z.enum(["gate", "redact"]).default("gate"),
  }).strict(),
  z.object({
    kind: z.literal("max-size"),
    bytes: z.number().int().positive(),
  }).strict(),
]);
export type Matcher = z.infer<typeof Matcher>;

export const Severity = z.enum(["error", "warning", "info", "off"]);
export type Severity = z.infer<typeof Severity>;

/** One rule. */
export const Rule = z.object({
  id: z.string().regex(
    /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/,
    "must be lower-case words joined by - and /",
  ),
  title: z.string().max(200).optional(),
  message: z.string().min(1).max(1000),
  severity: Severity.default("error"),
  paths: z.object({
    include: z.array(z.string().min(1)).optional(),
    exclude: z.array(z.string().min(1)).optional(),
  }).strict().optional(),
  languages: z.array(z.string().min(1)).optional(),
  match: Matcher,
  memory: OneOrMany(z.string().min(1)).optional(),
  fix: z.string().max(500).optional(),
  docs: z.url().optional(),
  suppress: z.enum(["reason", "never"]).default("reason"),
  examples: z.object({
    bad: z.array(Example).default([]),
    good: z.array(Example).default([]),
  }).strict().optional(),
}).strict();
export type Rule = z.infer<typeof Rule>;
export type RuleExample = z.infer<typeof Example>;

/** A rule file. */
export const RuleFile = z.object({
  version: z.literal(RULES_VERSION).default(RULES_VERSION),
  rules: z.array(Rule).min(1),
}).strict();

/** A loaded rule and where it came from. */
export interface LoadedRule extends Rule {
  source: string;
  origin: "built-in" | "user" | "repository";
}

/** Built-in rule files shipped in `rules/` (embedded with `deno compile --include rules`). */
export const BUILTIN_RULE_FILES = [
  "secrets.yml",
  "hygiene.yml",
] as const;

const BUILTIN_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));

/** Parse and validate one rule file's text; errors name file, line, rule id and field. */
export function parseRuleFile(text: string, file: string): Rule[] {
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
  const rules = parsed.data.rules;
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw ruleError(file, undefined, rule.id, "duplicate rule id");
    seen.add(rule.id);
    checkRegexes(rule, file);
  }
  return rules;
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
    return `"kind" must be one of pattern, forbid-import, require, secret, max-size`;
  }
  if (issue.code === "invalid_type" && /undefined/.test(issue.message)) return "is required";
  return issue.message;
}

function ruleError(
  file: string,
  line: number | undefined,
  ruleId: string | undefined,
  reason: string,
) {
  const where = `${file}${line !== undefined ? `:${line}` : ""}`;
  return new KorvaError(
    `Invalid rule file "${where}"${ruleId ? `: rule "${ruleId}"` : ""}: ${reason}`,
    { exitCode: 2, hint: "fix the rule file; korva refuses to check with a broken rule" },
  );
}

/**
 * Compile every regex of a rule, and reject shapes that backtrack catastrophically (a group that
 * repeats something already repeated, like `(a+)+` or `(.*)*`): JavaScript regexes cannot be
 * interrupted, so a team rule must not be able to hang a commit.
 */
function checkRegexes(rule: Rule, file: string): void {
  const regexes: Array<[string, string]> = [];
  const m = rule.match;
  if (m.kind === "pattern") {
    regexes.push(["match.pattern", m.pattern]);
    for (const not of m["pattern-not"] ?? []) regexes.push(["match.pattern-not", not]);
    if (m["pattern-inside"]) regexes.push(["match.pattern-inside", m["pattern-inside"]]);
  } else if (m.kind === "require") {
    regexes.push(["match.when", m.when], ["match.must", m.must]);
  }
  for (const [field, source] of regexes) {
    try {
      new RegExp(source, "u");
    } catch (error) {
      throw ruleError(
        file,
        undefined,
        rule.id,
        `"${field}" is not a valid regex: ${messageOf(error)}`,
      );
    }
    if (hasNestedQuantifier(source)) {
      throw ruleError(
        file,
        undefined,
        rule.id,
        `"${field}" can backtrack catastrophically (a repeated group containing a repeat, e.g. (a+)+); use a bounded form such as {0,50}`,
      );
    }
  }
}

export { hasNestedQuantifier };

/** Read every `*.yml`/`*.yaml` of a folder (sorted), or nothing when it does not exist. */
export function loadRuleDir(dir: string, origin: LoadedRule["origin"]): LoadedRule[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
  return files.flatMap((name) => loadRuleFile(join(dir, name), origin));
}

/** Read one rule file. */
export function loadRuleFile(path: string, origin: LoadedRule["origin"]): LoadedRule[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new KorvaError(`Cannot read rule file "${path}": ${messageOf(error)}`, { exitCode: 2 });
  }
  return parseRuleFile(text, path).map((rule) => ({ ...rule, source: path, origin }));
}

/** The built-in rules shipped with korva. */
export function loadBuiltinRules(): LoadedRule[] {
  return BUILTIN_RULE_FILES.flatMap((name) => {
    const text = readFileSync(join(BUILTIN_DIR, name), "utf8");
    return parseRuleFile(text, `rules/${basename(name)}`).map((rule) => ({
      ...rule,
      source: `rules/${name}`,
      origin: "built-in" as const,
    }));
  });
}

/** Where rules come from, in precedence order. */
export interface RuleSources {
  home: string;
  repoRoot: string | undefined;
  disabled?: string[];
  overrides?: Record<string, Severity>;
}

/**
 * All active rules: built-in, then `$KORVA_HOME/rules/`, then `.korva/rules/` of the repository.
 * A rule id defined twice is an error; disabled rules and `off` severities are dropped.
 */
export function loadRules(sources: RuleSources): LoadedRule[] {
  const all = [
    ...loadBuiltinRules(),
    ...loadRuleDir(join(sources.home, "rules"), "user"),
    ...(sources.repoRoot
      ? loadRuleDir(join(sources.repoRoot, ".korva", "rules"), "repository")
      : []),
  ];
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
