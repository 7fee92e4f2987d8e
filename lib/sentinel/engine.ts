// Rule evaluation: pure over compiled rules and changed files. Findings point at added lines
// only, with line numbers in the new file; suppressions are honoured and reported.
import { extname } from "../posix_path.ts";
import { redactedExcerpt } from "../privacy/excerpt.ts";
import type { Redactor } from "../privacy/redact.ts";
import type { ChangedFile } from "./diff.ts";
import { callHits, type Parsers, syntaxOf } from "./matchers/call.ts";
import { forbidImportHits } from "./matchers/imports.ts";
import { patternHits, requireHits } from "./matchers/regex.ts";
import type { LoadedRule } from "./rules.ts";
import type { Severity } from "./rule_schema.ts";
import { reasonlessSuppressions, suppression } from "./suppression.ts";
import { lineStarts, position } from "../text_lines.ts";
import type { Hit } from "./text_position.ts";

export { SUPPRESSION_RULE } from "./suppression.ts";

/** One problem found in a change. */
export interface Finding {
  ruleId: string;
  severity: Exclude<Severity, "off">;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  memory: string[];
  fix: string | null;
  docs: string | null;
  /** The offending line, with any secret in it redacted. */
  excerpt: string;
  suppressed: { reason: string } | null;
}

/** Counts for the summary line and exit code. */
export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
  files: number;
  rules: number;
}

/** What evaluate() may be given besides rules, files and the redactor. */
export interface EvaluateOptions {
  /**
   * The syntax parsers structural (`call`) rules need (see `loadParsers`); a file whose language
   * has no parser loaded is skipped by them.
   */
  parsers?: Parsers;
  /** A file's earlier names (git renames): rules written for the old paths still apply. */
  formerPaths?: (path: string) => string[];
}

/** Evaluate every rule against every file. */
export function evaluate(
  rules: LoadedRule[],
  files: ChangedFile[],
  redactor: Redactor,
  options: EvaluateOptions = {},
): { findings: Finding[]; summary: Summary } {
  const parsers = options.parsers ?? new Map();
  const findings: Finding[] = [];
  for (const file of files) {
    const former = options.formerPaths?.(file.path) ?? [];
    const lines = file.content.split(/\r?\n/);
    const starts = lineStarts(file.content);
    const isAdded = (line: number) => file.added === "all" || file.added.has(line);
    for (const rule of rules) {
      if (!appliesTo(rule, file.path, former)) continue;
      const raw = match(rule, file, lines, starts, isAdded, redactor, parsers);
      for (const hit of raw) {
        findings.push(finding(rule, file, lines, hit, redactor));
      }
    }
    findings.push(...reasonlessSuppressions(rules, file, lines, isAdded, redactor));
  }
  findings.sort((a, b) =>
    a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId)
  );
  const active = findings.filter((f) => !f.suppressed);
  return {
    findings,
    summary: {
      errors: active.filter((f) => f.severity === "error").length,
      warnings: active.filter((f) => f.severity === "warning").length,
      infos: active.filter((f) => f.severity === "info").length,
      suppressed: findings.length - active.length,
      files: files.length,
      rules: rules.length,
    },
  };
}

/**
 * Whether a rule's paths and languages select this file. `former` are the file's earlier names
 * (git renames): a rule written for src/payments/** still applies after it became src/billing/.
 */
export function appliesTo(rule: LoadedRule, path: string, former: string[] = []): boolean {
  const c = rule.compiled;
  if (c.languages && !c.languages.has(extname(path).replace(/^\./, "").toLowerCase())) {
    return false;
  }
  if (c.include && ![path, ...former].some((p) => c.include?.(p))) return false;
  if (c.exclude && c.exclude(path)) return false;
  if (c.match.kind === "forbid-import" && !c.match.from(path)) return false;
  if (c.match.kind === "call" && !syntaxOf(path)) return false;
  return true;
}

function match(
  rule: LoadedRule,
  file: ChangedFile,
  lines: string[],
  starts: number[],
  isAdded: (line: number) => boolean,
  redactor: Redactor,
  parsers: Parsers,
): Hit[] {
  const m = rule.compiled.match;
  if (m.kind === "max-size") {
    return file.size > m.bytes && (file.added === "all" || file.added.size > 0)
      ? [{ line: 1, column: 1, endLine: 1, endColumn: 1, vars: { size: String(file.size) } }]
      : [];
  }
  if (file.binary || file.content === "") return [];
  switch (m.kind) {
    case "pattern":
      return patternHits(m, file.content, lines, starts, isAdded);
    case "require":
      return requireHits(m, file.content, starts, isAdded);
    case "secret":
      return redactor.scan(file.content, { mode: m.mode }).map((f) => {
        const at = position(starts, f.start);
        const end = position(starts, f.end);
        return { ...at, endLine: end.line, endColumn: end.column, vars: { detector: f.detector } };
      }).filter((hit) => isAdded(hit.line));
    case "forbid-import":
      return forbidImportHits(m, file.path, lines, isAdded);
    case "call":
      return callHits(m, file.path, file.content, parsers, isAdded);
  }
}

function finding(
  rule: LoadedRule,
  file: ChangedFile,
  lines: string[],
  hit: Hit,
  redactor: Redactor,
): Finding {
  const text = lines[hit.line - 1] ?? "";
  const vars: Record<string, string> = { path: file.path, ...hit.vars };
  const message = rule.message.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = vars[name] ?? "";
    return name === "match" ? redactor.redact(value).text : value;
  });
  return {
    ruleId: rule.id,
    severity: rule.severity === "off" ? "info" : rule.severity,
    path: file.path,
    line: hit.line,
    column: hit.column,
    endLine: hit.endLine,
    endColumn: hit.endColumn,
    message,
    memory: rule.memory ?? [],
    fix: rule.fix ?? null,
    docs: rule.docs ?? null,
    excerpt: redactedExcerpt(text, redactor),
    suppressed: rule.suppress === "never" ? null : suppression(rule.id, lines, hit.line),
  };
}
