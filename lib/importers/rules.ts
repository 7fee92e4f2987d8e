// Editor and agent rule files (CLAUDE.md, AGENTS.md, GEMINI.md, .cursorrules, .cursor/rules/*.mdc,
// .github/copilot-instructions.md, .windsurf/rules/*) → one `convention` per bullet, or per
// section without bullets. korva's own instruction block is skipped. Pure: text in, items out.
import { END as KORVA_END } from "../discovery/instructions.ts";
import type { ImportItem } from "./item.ts";
import { textId, titleFrom } from "./item.ts";
import { listItems, plainText, sectionMarkdown } from "./markdown.ts";
import { dedupeKeys, slug } from "./postmortem.ts";

/** The start of korva's managed block (its full marker carries a note after this). */
const KORVA_BEGIN = "<!-- korva:begin";

/** File names (or path endings) the rules importer picks up when given a folder. */
export const RULE_FILES = [
  "CLAUDE.md",
  "AGENTS.md",
  "GEMINI.md",
  ".cursorrules",
  ".windsurfrules",
  ".github/copilot-instructions.md",
];

/** Whether a path (relative, `/`-separated) is a rule file the importer reads from a folder. */
export function isRuleFile(path: string): boolean {
  const name = path.split("/").at(-1) ?? "";
  return RULE_FILES.some((f) => path === f || path.endsWith(`/${f}`) || name === f) ||
    /(^|\/)\.cursor\/rules\/.+\.mdc?$/.test(path) ||
    /(^|\/)\.windsurf\/rules\/.+\.md$/.test(path) ||
    /(^|\/)\.github\/instructions\/.+\.instructions\.md$/.test(path);
}

/** Parse one rule file; throws an Error whose message says why nothing can be taken from it. */
export function parseRules(path: string, text: string): ImportItem[] {
  const doc = sectionMarkdown(withoutKorvaBlock(text));
  const files = globsOf(doc.frontMatter.globs ?? doc.frontMatter.applyTo);
  const items: ImportItem[] = [];
  const add = (content: string, line: number, heading: string, level: number) => {
    const plain = plainText(content);
    if (plain.length < 3) return;
    // A file's own title ("# AGENTS.md") names the file, not a topic.
    const tag = level >= 2 ? slug(heading) : "";
    items.push({
      key: `rules:${path}#${textId(content)}`,
      path,
      line,
      type: "convention",
      title: titleFrom(plain),
      content,
      why: undefined,
      tags: tag !== "" && tag.length <= 40 ? [tag] : [],
      files,
      status: "active",
      supersededBy: [],
      supersedes: [],
      dedupeByText: true,
    });
  };
  const titleOnly = doc.sections.filter((s) => s.level === 1).length === 1;
  for (const section of doc.sections) {
    if (section.body === "") continue;
    const bullets = listItems(section.body, section.bodyLine);
    if (bullets.length > 0) {
      for (const bullet of bullets) add(bullet.text, bullet.line, section.heading, section.level);
    } else if (section.level === 1 && titleOnly && section.body.length < 200) {
      continue; // a one-line preface under the file's title says what the file is, not a rule
    } else {
      const body = section.heading === "" ? section.body : `${section.heading}: ${section.body}`;
      add(
        body,
        section.level === 0 ? section.bodyLine : section.line,
        section.heading,
        section.level,
      );
    }
  }
  if (items.length === 0) throw new Error("it has no rules outside korva's own block");
  return dedupeKeys(items);
}

/** The text with korva's managed block (begin marker to end marker) removed. */
export function withoutKorvaBlock(text: string): string {
  const start = text.indexOf(KORVA_BEGIN);
  if (start < 0) return text;
  const end = text.indexOf(KORVA_END, start);
  const after = end < 0 ? "" : text.slice(end + KORVA_END.length);
  // Keep line numbers: the block is replaced by as many empty lines as it had.
  const removed = text.slice(start, end < 0 ? text.length : end + KORVA_END.length);
  return text.slice(0, start) + "\n".repeat(removed.split("\n").length - 1) + after;
}

/** Cursor/Windsurf/Copilot `globs` (a comma-separated string or a list) as anchors. */
function globsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  return list.map((g) => String(g).trim().replace(/^["']|["']$/g, "")).filter((g) => g !== "")
    .slice(0, 64);
}
