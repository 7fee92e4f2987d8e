// One import run: find the files, read them (never writing to them), parse, pass the boundary,
// and plan against the vault. Writing the plan is writeImport's job (write.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { describeIssue, LIMITS, type Memory, NewMemory } from "../vault/mod.ts";
import { parseAdr } from "./adr.ts";
import { passBoundary } from "./boundary.ts";
import { htmlToMarkdown } from "./html.ts";
import { type ImportItem, type ImportKind, type ImportProblem, sourceOf } from "./item.ts";
import { type ImportPlan, planImport } from "./plan.ts";
import { parsePostmortem } from "./postmortem.ts";
import { isRuleFile, parseRules } from "./rules.ts";
import type { Redactor } from "../privacy/redact.ts";

/** What the vault must answer for planning (read-only). */
export interface ImportLookup {
  /** Stored memories whose source starts with `prefix`, any status. */
  bySource(prefix: string): Memory[];
  /** Stored active memories whose text de-duplicates conventions. */
  conventions(): Memory[];
}

/** Options of one run. */
export interface ImportOptions {
  kind: ImportKind;
  /** Files and folders as given on the command line. */
  paths: string[];
  cwd: string;
  /** Paths are recorded relative to this folder (the repository root, or cwd outside one). */
  root: string;
  redactor: Redactor;
  onProgress?: (done: number, total: number) => void;
}

/** Everything known before writing: the items, the plan, the problems. */
export interface PreparedImport {
  kind: ImportKind;
  files: string[];
  items: ImportItem[];
  plan: ImportPlan;
  problems: ImportProblem[];
  redacted: Record<string, number>;
}

const SKIPPED_NAMES =
  /^(readme|index|template|adr-template|_template|\.?template)\.(md|markdown|html?)$/i;
const SKIPPED_DIRS = new Set([".git", "node_modules", ".korva", "dist", "build", "vendor"]);

/** Read, parse, redact and plan an import. Problems are collected, not thrown. */
export function prepareImport(options: ImportOptions, lookup: ImportLookup): PreparedImport {
  const problems: ImportProblem[] = [];
  const files = collectFiles(options, problems);
  const parsed: ImportItem[] = [];
  files.forEach((file, index) => {
    const path = displayPath(options, file);
    try {
      parsed.push(...checked(parseFile(options.kind, path, readText(file)), problems));
    } catch (error) {
      problems.push({ path, reason: error instanceof Error ? error.message : String(error) });
    }
    options.onProgress?.(index + 1, files.length);
  });
  const { items, redacted } = passBoundary(parsed, options.redactor);
  const plan = planImport(
    items,
    lookup.bySource(`${options.kind}:`),
    options.kind === "rules" ? lookup.conventions() : [],
  );
  return { kind: options.kind, files, items, plan, problems, redacted };
}

/** Each kind's parser (a Record, so a new kind does not compile until it has one). */
const PARSERS: Record<ImportKind, (path: string, text: string) => ImportItem[]> = {
  adr: (path, text) => [parseAdr(path, text)],
  postmortem: parsePostmortem,
  rules: parseRules,
};

/** Parse one file's text with the kind's parser; HTML pages are converted to Markdown first. */
export function parseFile(kind: ImportKind, path: string, text: string): ImportItem[] {
  const html = /\.html?$/i.test(path) ? htmlToMarkdown(text) : undefined;
  const markdown = html ? html.markdown : text;
  const items = PARSERS[kind](path, markdown);
  return html ? items.map((item) => ({ ...item, line: html.lines[item.line - 1] ?? 1 })) : items;
}

/** Items that fit the memory schema; the rest become problems naming the file and line. */
function checked(items: ImportItem[], problems: ImportProblem[]): ImportItem[] {
  return items.flatMap((raw) => {
    const item = raw.title.length > LIMITS.title
      ? { ...raw, title: `${raw.title.slice(0, LIMITS.title - 1).trimEnd()}…` }
      : raw;
    const result = NewMemory.safeParse({
      type: item.type,
      title: item.title,
      content: item.content,
      why: item.why,
      tags: item.tags,
      files: item.files,
      source: sourceOf(item),
    });
    if (result.success) return [item];
    problems.push({ path: `${item.path}:${item.line}`, reason: describeIssue(result.error) });
    return [];
  });
}

function readText(file: string): string {
  const bytes = readFileSync(file);
  if (bytes.includes(0)) throw new Error("it is not a text file");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error("it is not valid UTF-8");
  }
}

function displayPath(options: ImportOptions, file: string): string {
  const fromRoot = relative(options.root, file);
  const inside = (rel: string) => !rel.startsWith("..") && !isAbsolute(rel);
  const fromCwd = relative(options.cwd, file);
  const rel = inside(fromRoot) ? fromRoot : inside(fromCwd) ? fromCwd : file;
  return rel.split(sep).join("/");
}

/** The files a run reads: given files as they are, folders walked for the kind's files. */
function collectFiles(options: ImportOptions, problems: ImportProblem[]): string[] {
  const found: string[] = [];
  for (const given of options.paths) {
    const abs = resolve(options.cwd, given);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      problems.push({ path: given, reason: "it does not exist" });
      continue;
    }
    if (stat.isFile()) {
      found.push(abs);
      continue;
    }
    const before = found.length;
    walk(abs, (file) => {
      const path = relative(abs, file).split(sep).join("/");
      if (wanted(options.kind, path)) found.push(file);
    });
    if (found.length === before) {
      problems.push({ path: given, reason: `it has no ${describeKind(options.kind)} files` });
    }
  }
  return [...new Set(found)];
}

function wanted(kind: ImportKind, path: string): boolean {
  const name = path.split("/").at(-1) ?? "";
  if (kind === "rules") return isRuleFile(path);
  return /\.(md|markdown|html?)$/i.test(name) && !SKIPPED_NAMES.test(name);
}

function describeKind(kind: ImportKind): string {
  return kind === "rules"
    ? "rule (CLAUDE.md, AGENTS.md, .cursor/rules/*.mdc …)"
    : "Markdown or HTML";
}

function walk(dir: string, visit: (file: string) => void): void {
  const entries = readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = resolve(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(path, visit);
    } else if (entry.isFile()) visit(path);
  }
}
