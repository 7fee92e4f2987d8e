// Incident write-ups → `incident` memories (root cause as `why`); any other Markdown → one `note`
// per top-level section. Pure: text in, items out.
import type { ImportItem } from "./item.ts";
import { textId, titleFrom } from "./item.ts";
import {
  headingKey,
  mentionedPaths,
  type Section,
  sectionMarkdown,
  withChildren,
} from "./markdown.ts";

const PARTS = {
  summary: [
    "summary",
    "overview",
    "executive summary",
    "description",
    "what happened",
    "incident summary",
  ],
  impact: ["impact", "customer impact", "user impact", "blast radius"],
  rootCause: [
    "root cause",
    "root causes",
    "root cause analysis",
    "cause",
    "causes",
    "why it happened",
    "contributing factors",
    "trigger",
  ],
  resolution: [
    "resolution",
    "mitigation",
    "fix",
    "remediation",
    "recovery",
    "resolution and recovery",
  ],
  actions: [
    "action items",
    "follow ups",
    "follow up",
    "followups",
    "next steps",
    "corrective actions",
    "actions",
  ],
  lessons: ["lessons learned", "lessons", "what we learned", "learnings"],
} as const;
type Part = keyof typeof PARTS;

/** Parse one Markdown file; throws an Error whose message says why nothing can be taken from it. */
export function parsePostmortem(path: string, text: string): ImportItem[] {
  const doc = sectionMarkdown(text);
  const headed = doc.sections.filter((s) => s.level > 0);
  if (headed.length === 0 && doc.sections.every((s) => s.body === "")) {
    throw new Error("it is empty");
  }
  const found = new Map<Part, number>();
  doc.sections.forEach((s, i) => {
    const key = headingKey(s.heading);
    for (const [part, names] of Object.entries(PARTS) as [Part, readonly string[]][]) {
      if (!found.has(part) && names.includes(key)) found.set(part, i);
    }
  });
  const part = (name: Part) => {
    const i = found.get(name);
    return i === undefined ? "" : withChildren(doc.sections, i);
  };
  const core = (["summary", "impact", "rootCause", "resolution", "actions"] as const)
    .filter((p) => found.has(p)).length;
  if (found.has("rootCause") && core >= 2) {
    const titleSection = headed.find((s) => s.level === 1);
    const title = String(doc.frontMatter.title ?? titleSection?.heading ?? "").trim() ||
      `Incident: ${path.split("/").at(-1)?.replace(/\.[^.]+$/, "") ?? path}`;
    const content = [
      ["Summary", part("summary")],
      ["Impact", part("impact")],
      ["Resolution", part("resolution")],
      ["Action items", part("actions")],
      ["Lessons learned", part("lessons")],
    ].filter(([, body]) => body !== "").map(([label, body]) => `${label}:\n${body}`).join("\n\n");
    return [{
      key: `postmortem:${path}`,
      path,
      line: titleSection?.line || 1,
      type: "incident",
      title,
      content: content === "" ? part("rootCause") : content,
      why: part("rootCause"),
      tags: tagsOf(doc.frontMatter.tags),
      files: mentionedPaths(text),
      status: "active",
      supersededBy: [],
      supersedes: [],
      dedupeByText: false,
    }];
  }
  return genericSections(path, doc.sections, tagsOf(doc.frontMatter.tags));
}

/** One `note` per top-level section: H2s under a single H1, else the H1s. */
function genericSections(path: string, sections: Section[], tags: string[]): ImportItem[] {
  const h1 = sections.filter((s) => s.level === 1);
  const topLevel = h1.length === 1 && sections.some((s) => s.level === 2) ? 2 : 1;
  const docTitle = h1.length === 1 ? h1[0]?.heading : undefined;
  const items: ImportItem[] = [];
  sections.forEach((s, i) => {
    const preface = s.level === 0 || (s.level === 1 && topLevel === 2);
    if (!preface && s.level !== topLevel) return;
    const body = preface ? s.body : withChildren(sections, i);
    if (body === "") return;
    const heading = preface ? (docTitle ?? titleFrom(body)) : s.heading;
    const title = docTitle && !preface ? `${docTitle}: ${heading}` : heading;
    items.push({
      key: `postmortem:${path}#${slug(heading) || textId(body)}`,
      path,
      line: s.level === 0 ? s.bodyLine : s.line,
      type: "note",
      title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
      content: body,
      why: undefined,
      tags,
      files: mentionedPaths(body),
      status: "active",
      supersededBy: [],
      supersedes: [],
      dedupeByText: false,
    });
  });
  if (items.length === 0) throw new Error("it has no text under its headings");
  return dedupeKeys(items);
}

/** Two sections with the same heading get `-2`, `-3` … so keys stay unique within a file. */
export function dedupeKeys(items: ImportItem[]): ImportItem[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.key) ?? 0) + 1;
    seen.set(item.key, n);
    return n === 1 ? item : { ...item, key: `${item.key}-${n}` };
  });
}

/** A heading as a key part: lower case, words joined by dashes. */
export function slug(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
    .slice(0, 60);
}

function tagsOf(value: unknown): string[] {
  const list = Array.isArray(value)
    ? value
    : typeof value === "string"
    ? value.split(/[,\s]+/)
    : [];
  return list.map((t) => String(t).trim().toLowerCase()).filter((t) => t !== "" && t.length <= 64)
    .slice(0, 32);
}
