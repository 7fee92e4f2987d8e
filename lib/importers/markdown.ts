// Markdown sectioning shared by every importer: front matter, headings (outside code fences),
// list items and mentioned file paths, each with the 1-based line it starts on.
import { parse as parseYaml } from "yaml";

/** A heading and the text up to the next heading of any level. */
export interface Section {
  level: number;
  heading: string;
  /** Line of the heading (0 for text before the first heading). */
  line: number;
  /** Text under the heading, before the next heading of any level, trimmed. */
  body: string;
  /** Line where the body's first non-blank line is. */
  bodyLine: number;
}

/** A Markdown document split into front matter and flat sections. */
export interface MarkdownDoc {
  frontMatter: Record<string, unknown>;
  sections: Section[];
}

/** A top-level list item with its continuation lines joined. */
export interface ListItem {
  text: string;
  line: number;
}

const FENCE = /^\s{0,3}(```+|~~~+)/;
const ATX = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+\s*)?$/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;

/**
 * Split Markdown into front matter and sections. Throws an Error with a one-line reason when the
 * front matter is not valid YAML.
 */
export function sectionMarkdown(text: string): MarkdownDoc {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let start = 0;
  let frontMatter: Record<string, unknown> = {};
  if (lines[0]?.trim() === "---") {
    const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (end > 0) {
      let data: unknown = simpleFrontMatter(lines.slice(1, end));
      try {
        data ??= parseYaml(lines.slice(1, end).join("\n"));
      } catch (error) {
        const reason = (error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error))
          .replace(/:$/, "");
        throw new Error(`front matter is not valid YAML: ${reason}`);
      }
      if (data !== null && typeof data === "object" && !Array.isArray(data)) {
        frontMatter = data as Record<string, unknown>;
      }
      start = end + 1;
    }
  }
  const sections: Section[] = [];
  let current: { level: number; heading: string; line: number; body: string[]; from: number } = {
    level: 0,
    heading: "",
    line: 0,
    body: [],
    from: start + 1,
  };
  const close = () => sections.push(finish(current));
  let fence: string | undefined;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fenceMatch = line.match(FENCE);
    if (fence !== undefined) {
      const marker = fenceMatch?.[1] ?? "";
      if (marker[0] === fence[0] && marker.length >= fence.length) {
        fence = undefined;
      }
      current.body.push(line);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      current.body.push(line);
      continue;
    }
    const atx = line.match(ATX);
    if (atx) {
      close();
      current = {
        level: atx[1]?.length ?? 1,
        heading: cleanHeading(atx[2] ?? ""),
        line: i + 1,
        body: [],
        from: i + 2,
      };
      continue;
    }
    const underline = line.match(SETEXT);
    const previous = current.body.at(-1);
    if (
      underline && previous !== undefined && previous.trim() !== "" &&
      !/^\s*([-*+]|\d+[.)])\s/.test(previous) &&
      (underline[1]?.[0] === "=" || current.body.length === 1 ||
        (current.body.at(-2) ?? "").trim() === "")
    ) {
      current.body.pop();
      close();
      current = {
        level: underline[1]?.[0] === "=" ? 1 : 2,
        heading: cleanHeading(previous),
        line: i,
        body: [],
        from: i + 2,
      };
      continue;
    }
    current.body.push(line);
  }
  close();
  return { frontMatter, sections: sections.filter((s) => s.level > 0 || s.body !== "") };
}

/**
 * Front matter made only of `key: plain value`, `key: "quoted"` and `key: [a, b]` lines (what
 * ADR and rule files use), read without the YAML library, which costs ~0.4 ms a file; anything
 * else returns undefined and goes to the full parser.
 */
function simpleFrontMatter(lines: string[]): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  for (const line of lines) {
    if (line.trim() === "" || /^\s*#/.test(line)) continue;
    const pair = line.match(/^([A-Za-z0-9_-]+):(?:\s+(.*))?$/);
    if (!pair || pair[1] === undefined) return undefined;
    const raw = (pair[2] ?? "").trim();
    if (raw === "") data[pair[1]] = null;
    else if (/^\[[^[\]{}"'#]*\]$/.test(raw)) {
      data[pair[1]] = raw.slice(1, -1).split(",").map((v) => v.trim()).filter((v) => v !== "");
    } else if (/^"[^"\\]*"$/.test(raw) || /^'[^']*'$/.test(raw)) data[pair[1]] = raw.slice(1, -1);
    else if (/^[^\s"'[\]{}&*!|>%@`#-][^#]*$/.test(raw) && !/:\s/.test(raw)) data[pair[1]] = raw;
    else return undefined;
  }
  return data;
}

function finish(
  s: { level: number; heading: string; line: number; body: string[]; from: number },
): Section {
  const first = s.body.findIndex((line) => line.trim() !== "");
  return {
    level: s.level,
    heading: s.heading,
    line: s.line,
    body: stripComments(s.body.join("\n")).trim(),
    bodyLine: first < 0 ? s.from : s.from + first,
  };
}

function cleanHeading(text: string): string {
  return stripComments(text).replace(/\{#[^}]*\}\s*$/, "").replace(/[*_`]/g, "").trim();
}

/** Remove HTML comments (template hints such as `<!-- optional -->`). */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, "");
}

/** The lower-cased heading with numbering and punctuation removed, for matching names. */
export function headingKey(heading: string): string {
  return heading.toLowerCase().replace(/^[\d.\s]+/, "").replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ").trim();
}

/**
 * The section and every deeper section after it, joined as Markdown (sub-headings kept), leaving
 * out sub-sections whose heading `skip` names.
 */
export function withChildren(
  sections: Section[],
  index: number,
  skip: (heading: string) => boolean = () => false,
): string {
  const head = sections[index];
  if (!head) return "";
  const parts = [head.body];
  for (let i = index + 1; i < sections.length; i++) {
    const s = sections[i];
    if (!s || s.level <= head.level) break;
    if (skip(s.heading)) continue;
    parts.push(`${"#".repeat(s.level)} ${s.heading}`, s.body);
  }
  return parts.filter((p) => p !== "").join("\n\n").trim();
}

/** Top-level list items of a body (`-`, `*`, `+`, `1.`), with their continuation lines. */
export function listItems(body: string, firstLine: number): ListItem[] {
  const items: ListItem[] = [];
  let current: { lines: string[]; line: number } | undefined;
  let fence = false;
  const lines = body.split("\n");
  const flush = () => {
    if (current) {
      const text = current.lines.join("\n").trim();
      if (text !== "") items.push({ text, line: current.line });
    }
    current = undefined;
  };
  lines.forEach((line, i) => {
    if (FENCE.test(line)) fence = !fence;
    const bullet = fence ? null : line.match(/^ {0,1}([-*+]|\d+[.)])\s+(.*)$/);
    if (bullet) {
      flush();
      current = { lines: [bullet[2] ?? ""], line: firstLine + i };
    } else if (current && (line.trim() === "" || /^\s/.test(line) || fence)) {
      current.lines.push(line.trim() === "" ? "" : line.replace(/^\s{1,4}/, ""));
    } else if (current && line.trim() !== "") {
      // A lazy continuation line (no indent) still belongs to the item, as in CommonMark.
      current.lines.push(line);
    } else {
      flush();
    }
  });
  flush();
  return items;
}

/** Plain text: Markdown links reduced to their text, emphasis markers removed. */
export function plainText(markdown: string): string {
  return markdown.replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2").replace(/\s+/g, " ").trim();
}

const PATH_TOKEN =
  /(?:^|[\s(`'"[])((?:\.{0,2}\/)?[A-Za-z0-9_@.-]+\/(?:[A-Za-z0-9_@.*-]+\/)*[A-Za-z0-9_@.*-]*)/g;

/**
 * Repository paths a text mentions (`src/pay/charge.ts`, `lib/**`, `docs/`), for anchors: a
 * token with a slash whose last part has an extension, a glob or a trailing slash. URLs, Markdown
 * files and `and/or`-style words are not paths.
 */
export function mentionedPaths(text: string): string[] {
  const found = new Set<string>();
  const withoutUrls = text.replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, " ").replace(
    /\]\([^)]*\)/g,
    "]",
  );
  for (const match of withoutUrls.matchAll(PATH_TOKEN)) {
    const path = (match[1] ?? "").replace(/^\.\//, "").replace(/[.,;:]+$/, "");
    const last = path.replace(/\/$/, "").split("/").at(-1) ?? "";
    const pathLike = path.endsWith("/") || last.includes("*") || /\.[A-Za-z0-9]{1,8}$/.test(last);
    if (!path.includes("/") || !pathLike || /\.(md|markdown|mdx|png|jpe?g|gif|svg)$/i.test(last)) {
      continue;
    }
    if (path.startsWith("../") || path.startsWith("/") || path.length > 200) continue;
    found.add(path);
  }
  return [...found].slice(0, 64);
}
