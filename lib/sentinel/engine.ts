// Rule evaluation: pure over rules and changed files. Findings point at added lines only, with
// line numbers in the new file; suppressions are honoured and reported.
import { dirname, extname, posix } from "node:path";
import picomatch from "picomatch";
import { redactedExcerpt } from "../privacy/excerpt.ts";
import type { Redactor } from "../privacy/redact.ts";
import type { ChangedFile } from "./diff.ts";
import type { LoadedRule, Severity } from "./rules.ts";

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

/** The id of the warning raised by a suppression that gives no reason. */
export const SUPPRESSION_RULE = "korva/suppression-without-reason";

const MAX_LINE_FOR_REGEX = 4096;

/** Evaluate every rule against every file. */
export function evaluate(
  rules: LoadedRule[],
  files: ChangedFile[],
  redactor: Redactor,
  options: { formerPaths?: (path: string) => string[] } = {},
): { findings: Finding[]; summary: Summary } {
  const findings: Finding[] = [];
  for (const file of files) {
    const former = options.formerPaths?.(file.path) ?? [];
    const lines = file.content.split(/\r?\n/);
    const starts = lineStarts(file.content);
    const isAdded = (line: number) => file.added === "all" || file.added.has(line);
    for (const rule of rules) {
      if (!appliesTo(rule, file.path, former)) continue;
      const raw = match(rule, file, lines, starts, isAdded, redactor);
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

interface Hit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  vars: Record<string, string>;
}

/**
 * Whether a rule's paths and languages select this file. `former` are the file's earlier names
 * (git renames): a rule written for src/payments/** still applies after it became src/billing/.
 */
export function appliesTo(rule: LoadedRule, path: string, former: string[] = []): boolean {
  if (rule.languages) {
    const ext = extname(path).replace(/^\./, "").toLowerCase();
    if (!rule.languages.map((l) => l.toLowerCase().replace(/^\./, "")).includes(ext)) return false;
  }
  const include = rule.paths?.include;
  if (include && ![path, ...former].some((p) => picomatch.isMatch(p, include, { dot: true }))) {
    return false;
  }
  const exclude = rule.paths?.exclude;
  if (exclude && picomatch.isMatch(path, exclude, { dot: true })) return false;
  if (
    rule.match.kind === "forbid-import" && !picomatch.isMatch(path, rule.match.from, { dot: true })
  ) {
    return false;
  }
  return true;
}

function match(
  rule: LoadedRule,
  file: ChangedFile,
  lines: string[],
  starts: number[],
  isAdded: (line: number) => boolean,
  redactor: Redactor,
): Hit[] {
  const m = rule.match;
  if (m.kind === "max-size") {
    return file.size > m.bytes && (file.added === "all" || file.added.size > 0)
      ? [{ line: 1, column: 1, endLine: 1, endColumn: 1, vars: { size: String(file.size) } }]
      : [];
  }
  if (file.binary || file.content === "") return [];
  switch (m.kind) {
    case "pattern": {
      if (
        m["pattern-inside"] && !new RegExp(m["pattern-inside"], flags(m.flags)).test(file.content)
      ) {
        return [];
      }
      const nots = (m["pattern-not"] ?? []).map((source) => new RegExp(source, flags(m.flags)));
      return regexHits(new RegExp(m.pattern, `g${flags(m.flags)}`), file.content, starts)
        .filter((hit) => isAdded(hit.line))
        .filter((hit) => !nots.some((not) => not.test(lines[hit.line - 1] ?? "")));
    }
    case "require": {
      if (new RegExp(m.must, flags(m.flags)).test(file.content)) return [];
      return regexHits(new RegExp(m.when, `g${flags(m.flags)}`), file.content, starts)
        .filter((hit) => isAdded(hit.line));
    }
    case "secret": {
      return redactor.scan(file.content, { mode: m.mode }).map((f) => {
        const at = position(starts, f.start);
        const end = position(starts, f.end);
        return { ...at, endLine: end.line, endColumn: end.column, vars: { detector: f.detector } };
      }).filter((hit) => isAdded(hit.line));
    }
    case "forbid-import": {
      const hits: Hit[] = [];
      for (const imp of importsOf(file.path, lines)) {
        if (!isAdded(imp.line)) continue;
        if (m.allowTypeOnly && imp.typeOnly) continue;
        const target = imp.resolved ?? imp.specifier;
        const candidates = imp.resolved ? withExtensions(imp.resolved) : [imp.specifier];
        if (candidates.some((c) => picomatch.isMatch(c, m.to, { dot: true }))) {
          hits.push({
            line: imp.line,
            column: 1,
            endLine: imp.line,
            endColumn: (lines[imp.line - 1]?.length ?? 0) + 1,
            vars: { from: file.path, to: target },
          });
        }
      }
      return hits;
    }
  }
}

function flags(extra: string | undefined): string {
  return [...new Set((extra ?? "").split(""))].join("");
}

function regexHits(re: RegExp, content: string, starts: number[]): Hit[] {
  const hits: Hit[] = [];
  for (const m of content.matchAll(re)) {
    if (m[0].length === 0) continue;
    // A match may begin with whitespace of earlier lines (`^\s*` in multiline mode): report the
    // line of its first visible character.
    const lead = m[0].length - m[0].trimStart().length;
    const at = position(starts, m.index + (lead < m[0].length ? lead : 0));
    const end = position(starts, m.index + m[0].length);
    hits.push({ ...at, endLine: end.line, endColumn: end.column, vars: { match: m[0] } });
    if (hits.length > 1000) break;
  }
  return hits;
}

function lineStarts(content: string): number[] {
  const starts = [0];
  for (let i = content.indexOf("\n"); i !== -1; i = content.indexOf("\n", i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/** 1-based line and column of an offset. */
function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

interface Import {
  line: number;
  specifier: string;
  resolved: string | undefined;
  typeOnly: boolean;
}

/** Import edges of a file: TS/JS import/export-from/require/import(), Python, Go. */
export function importsOf(path: string, lines: string[]): Import[] {
  const ext = extname(path).toLowerCase();
  const found: Import[] = [];
  const dir = dirname(path);
  const resolveRelative = (spec: string) =>
    spec.startsWith(".") ? posix.normalize(posix.join(dir, spec)) : undefined;
  let inGoBlock = false;
  lines.forEach((text, index) => {
    if (text.length > MAX_LINE_FOR_REGEX) return;
    const line = index + 1;
    if (ext === ".py") {
      const from = text.match(/^\s*from\s+(\.*)([\w.]*)\s+import\b/);
      const plain = text.match(/^\s*import\s+([\w.]+(?:\s*,\s*[\w.]+)*)/);
      if (from) {
        const dots = from[1] ?? "";
        const mod = (from[2] ?? "").replaceAll(".", "/");
        let resolved: string | undefined;
        if (dots.length > 0) {
          let base = dir;
          for (let i = 1; i < dots.length; i++) base = dirname(base);
          resolved = posix.normalize(posix.join(base, mod));
        }
        found.push({ line, specifier: dots + (from[2] ?? ""), resolved, typeOnly: false });
      } else if (plain) {
        for (const mod of (plain[1] ?? "").split(",")) {
          const name = mod.trim();
          found.push({
            line,
            specifier: name,
            resolved: name.replaceAll(".", "/"),
            typeOnly: false,
          });
        }
      }
      return;
    }
    if (ext === ".go") {
      if (/^\s*import\s*\($/.test(text)) {
        inGoBlock = true;
        return;
      }
      if (inGoBlock && /^\s*\)/.test(text)) {
        inGoBlock = false;
        return;
      }
      const single = text.match(/^\s*import\s+(?:\w+\s+)?"([^"]+)"/);
      const inBlock = inGoBlock ? text.match(/^\s*(?:[\w.]+\s+)?"([^"]+)"/) : null;
      const spec = single?.[1] ?? inBlock?.[1];
      if (spec) found.push({ line, specifier: spec, resolved: undefined, typeOnly: false });
      return;
    }
    const re =
      /(?:\bimport\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?|\bexport\s+(type\s+)?[\w*{}\s,$]+?\s+from\s+|\brequire\s*\(\s*|\bimport\s*\(\s*)["'`]([^"'`]+)["'`]/g;
    for (const m of text.matchAll(re)) {
      const spec = m[3] ?? "";
      found.push({
        line,
        specifier: spec,
        resolved: resolveRelative(spec),
        typeOnly: Boolean(m[1] || m[2]),
      });
    }
  });
  return found;
}

function withExtensions(path: string): string[] {
  const stem = path.replace(/\.(?:[cm]?[jt]sx?)$/, "");
  return [path, stem, `${stem}.ts`, `${stem}.js`, `${stem}/index.ts`, `${stem}/index.js`];
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

const MARKER = /korva-ignore(?:-next-line)?:?\s+([a-z0-9][a-z0-9/,-]*)(?:\s+(?:--\s*)?(.*))?/i;

/** A `korva-ignore: RULE reason` marker on the line or the line above that names this rule. */
export function suppression(
  ruleId: string,
  lines: string[],
  line: number,
): { reason: string } | null {
  for (const candidate of [lines[line - 1], lines[line - 2]]) {
    const m = candidate?.match(MARKER);
    if (!m) continue;
    const ids = (m[1] ?? "").split(",").map((id) => id.trim());
    if (ids.includes(ruleId) || ids.includes("all")) {
      return { reason: (m[2] ?? "").replace(/\s*(?:\*\/|-->|#}|%>)\s*$/, "").trim() };
    }
  }
  return null;
}

/** A suppression marker without a reason on an added line is itself a warning. */
function reasonlessSuppressions(
  rules: LoadedRule[],
  file: ChangedFile,
  lines: string[],
  isAdded: (line: number) => boolean,
  redactor: Redactor,
): Finding[] {
  if (file.binary || !file.content.includes("korva-ignore")) return [];
  const out: Finding[] = [];
  lines.forEach((text, i) => {
    const m = text.match(MARKER);
    if (!m || !isAdded(i + 1)) return;
    const reason = (m[2] ?? "").replace(/\s*(?:\*\/|-->)\s*$/, "").trim();
    const ids = (m[1] ?? "").split(",").map((id) => id.trim());
    const unknown = ids.filter((id) => id !== "all" && !rules.some((r) => r.id === id));
    if (reason !== "" && unknown.length === 0) return;
    out.push({
      ruleId: SUPPRESSION_RULE,
      severity: "warning",
      path: file.path,
      line: i + 1,
      column: (m.index ?? 0) + 1,
      endLine: i + 1,
      endColumn: (m.index ?? 0) + m[0].length + 1,
      // The ids come from the raw line: redact them like the excerpt.
      message: redactor.redact(
        reason === ""
          ? `korva-ignore for ${ids.join(", ")} gives no reason; add one after the rule id`
          : `korva-ignore names unknown rule ${unknown.map((u) => `"${u}"`).join(", ")}`,
      ).text,
      memory: [],
      fix: "korva-ignore: RULE_ID why this case is safe",
      docs: null,
      excerpt: redactedExcerpt(text, redactor),
      suppressed: null,
    });
  });
  return out;
}
