// Architecture decision records → `decision` memories. Reads Nygard (Status/Context/Decision/
// Consequences), MADR 2-4 (front matter or "* Status:" lines, Considered Options, Decision
// Outcome), log4brains (MADR with "- Tags:") and Y-statements. Pure: text in, item out.
import type { Status } from "../vault/types.ts";
import type { ImportItem } from "./item.ts";
import {
  headingKey,
  listItems,
  type MarkdownDoc,
  mentionedPaths,
  plainText,
  sectionMarkdown,
  withChildren,
} from "./markdown.ts";

const CONTEXT = ["context", "context and problem statement", "problem statement", "problem"];
const DECISION = ["decision", "decision outcome", "outcome"];
const CONSEQUENCES = [
  "consequences",
  "positive consequences",
  "negative consequences",
  "consequences positive",
  "consequences negative",
];
const DRIVERS = ["decision drivers", "drivers"];
const OPTIONS = ["considered options", "options", "alternatives", "considered alternatives"];
/** Headings whose text is a sub-part of the outcome, not the decision itself. */
const OUTCOME_PARTS = [...CONSEQUENCES, "confirmation", "validation"];

const Y_STATEMENT =
  /in the context of\s+(.+?),\s*facing\s+(.+?),\s*we decided (?:for|on|to)\s+(.+?)(?:,?\s*and neglected\s+(.+?))?,\s*to achieve\s+(.+?),\s*accepting\s+(.+?)(?:\.|$)/is;

/** Parse one decision record; throws an Error whose message says why it is not one. */
export function parseAdr(path: string, text: string): ImportItem {
  const doc = sectionMarkdown(text);
  const titleSection = doc.sections.find((s) => s.level === 1);
  const meta = metadata(doc);
  const title = (stringOf(doc.frontMatter.title) ?? titleSection?.heading ?? "").replace(
    /^(ADR[-\s]?)?\d+[.:]?\s+/i,
    "",
  ).trim();
  if (title === "") throw new Error("it has no title heading");
  const find = (names: string[]) =>
    doc.sections.findIndex((s) => names.includes(headingKey(s.heading)));
  const sectionText = (names: string[]) => {
    const i = find(names);
    return i < 0 ? "" : withChildren(doc.sections, i);
  };

  const decisionIndex = find(DECISION);
  // The outcome's own text: its Consequences/Confirmation sub-sections go to `why` or nowhere.
  let decision = decisionIndex < 0
    ? ""
    : withChildren(doc.sections, decisionIndex, (h) => OUTCOME_PARTS.includes(headingKey(h)));
  const consequences = doc.sections.filter((s) => CONSEQUENCES.includes(headingKey(s.heading)))
    .filter((s) => s.body !== "").map((s) => `${s.heading}:\n${s.body}`).join("\n\n");
  const context = sectionText(CONTEXT);
  const drivers = sectionText(DRIVERS);
  const why: string[] = [];
  const y = (decision === "" ? text : decision).match(Y_STATEMENT);
  if (y) {
    const [, useCase, concern, chosen, neglected, quality, downside] = y;
    if (decision === "" || decision === y[0].trim()) decision = `We decided for ${flat(chosen)}.`;
    why.push(`In the context of ${flat(useCase)}, facing ${flat(concern)}.`);
    why.push(`To achieve ${flat(quality)}, accepting ${flat(downside)}.`);
    if (neglected) why.push(`Rejected options: ${flat(neglected)}.`);
  }
  if (decision === "") throw new Error('it has no "Decision" section and no Y-statement');
  if (context !== "" && !y) why.push(`Context: ${context}`);
  if (drivers !== "") why.push(`Decision drivers:\n${drivers}`);
  if (consequences !== "") why.push(consequences);
  const rejected = rejectedOptions(doc, find(OPTIONS), decision);
  if (rejected.length > 0) why.push(`Rejected options: ${rejected.join("; ")}.`);

  const status = statusOf(meta.status ?? "");
  return {
    key: `adr:${path}`,
    path,
    line: titleSection?.line || 1,
    type: "decision",
    title,
    content: decision,
    why: why.length > 0 ? why.join("\n\n") : undefined,
    tags: meta.tags,
    files: mentionedPaths(text.replace(/^---[\s\S]*?\n---/, "")),
    status: status.status,
    supersededBy: [...new Set([...status.supersededBy, ...meta.supersededBy])],
    supersedes: [...new Set([...status.supersedes, ...meta.supersedes])],
    dedupeByText: false,
  };
}

function flat(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return undefined;
}

interface Meta {
  status: string | undefined;
  tags: string[];
  supersededBy: string[];
  supersedes: string[];
}

/**
 * Status, tags and links from front matter, "* Status: x" / "Status: x" lines (MADR 2,
 * log4brains, Notion exports), a "## Status" section (Nygard) and a "## Links" section.
 */
function metadata(doc: MarkdownDoc): Meta {
  const fm = doc.frontMatter;
  let status = stringOf(fm.status);
  const tags = new Set<string>();
  const addTags = (value: unknown) => {
    const list = Array.isArray(value)
      ? value
      : typeof value === "string"
      ? value.split(/[,\s]+/)
      : [];
    for (const tag of list) {
      const t = String(tag).replace(/^\[|\]$/g, "").replace(/^#/, "").trim().toLowerCase();
      if (t !== "" && t.length <= 64 && !t.includes("{")) tags.add(t);
    }
  };
  addTags(fm.tags);
  addTags(fm.category);
  const supersededBy: string[] = [];
  const supersedes: string[] = [];
  const keyLines =
    /^\s*(?:[-*+]\s+)?\**(status|tags|date|superseded[- ]by|supersedes)\**\s*:\s*(.+)$/gim;
  for (const section of doc.sections.slice(0, 2)) {
    for (const match of section.body.matchAll(keyLines)) {
      const key = (match[1] ?? "").toLowerCase();
      const value = (match[2] ?? "").trim();
      if (key === "status") status ??= value;
      else if (key === "tags") addTags(value);
      else if (key.startsWith("superseded")) supersededBy.push(...refsIn(value));
      else if (key === "supersedes") supersedes.push(...refsIn(value));
    }
  }
  const statusSection = doc.sections.find((s) => headingKey(s.heading) === "status");
  if (statusSection && statusSection.body !== "") {
    status = status === undefined ? statusSection.body : status;
    for (const line of statusSection.body.split("\n")) {
      if (/^\W*supersedes\b/i.test(line)) supersedes.push(...refsIn(line));
      if (/superseded by\b/i.test(line) && status !== statusSection.body) {
        supersededBy.push(...refsIn(line));
      }
    }
  }
  const links = doc.sections.find((s) => headingKey(s.heading) === "links");
  if (links) {
    for (const item of listItems(links.body, links.bodyLine)) {
      if (/^\W*supersedes\b/i.test(item.text)) supersedes.push(...refsIn(item.text));
      if (/^\W*superseded by\b/i.test(item.text)) supersededBy.push(...refsIn(item.text));
    }
  }
  return { status, tags: [...tags].slice(0, 32), supersededBy, supersedes };
}

/** Mapped status plus the records a "superseded by …" / "supersedes …" status line names. */
export function statusOf(
  raw: string,
): { status: Status; supersededBy: string[]; supersedes: string[] } {
  const text = raw.toLowerCase();
  const supersededBy: string[] = [];
  const supersedes: string[] = [];
  for (const line of raw.split("\n")) {
    if (/superseded by/i.test(line)) supersededBy.push(...refsIn(line));
    else if (/\bsupersedes\b/i.test(line)) supersedes.push(...refsIn(line));
  }
  const first = text.split("\n").find((l) => l.trim() !== "") ?? "";
  const status: Status = /superseded/.test(first)
    ? "superseded"
    : /\b(deprecated|rejected|obsolete|retired|withdrawn)\b/.test(first)
    ? "archived"
    : "active";
  return { status, supersededBy, supersedes };
}

/** Record references in a line: Markdown link targets, else "ADR-0005" / "ADR 5" / "#5". */
export function refsIn(text: string): string[] {
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? "")
    .filter((t) => t !== "" && !/^[a-z]+:\/\//i.test(t));
  if (links.length > 0) return links;
  const numbers = [...text.matchAll(/\b(?:ADR[-\s]?|#)(\d+)\b/gi)].map((m) => m[1] ?? "");
  if (numbers.length > 0) return numbers;
  const bare = text.match(/(?:superseded by|supersedes)\s*:?\s*(\d+)\b/i)?.[1];
  return bare ? [bare] : [];
}

/** Considered options that are not the chosen one (the `Chosen option: "X"` line names it). */
function rejectedOptions(doc: MarkdownDoc, optionsIndex: number, decision: string): string[] {
  const options = doc.sections[optionsIndex];
  if (!options) return [];
  const chosen = decision.match(/chosen option:?\s*["“']?(.+?)["”']?(?:,|\s+because|$)/im)?.[1]
    ?.trim().toLowerCase();
  return listItems(options.body, options.bodyLine).map((item) => plainText(item.text))
    .filter((name) => {
      const lower = name.toLowerCase();
      return chosen === undefined ? false : !(lower === chosen || lower.startsWith(chosen) ||
        chosen.startsWith(lower));
    });
}
