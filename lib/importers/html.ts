// HTML pages from Confluence and Notion exports → Markdown, so the Markdown importers read them.
// Parsed with htmlparser2 (a DOM, not regexes); each Markdown line remembers its HTML source line.
import { parseDocument } from "htmlparser2";
import { lineStarts, position } from "../text_lines.ts";

/** Markdown made from a page, with the HTML line each Markdown line came from (1-based). */
export interface HtmlAsMarkdown {
  markdown: string;
  lines: number[];
}

interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  startIndex?: number | null;
}

const SKIP = new Set(["script", "style", "noscript", "nav", "footer", "head", "template", "svg"]);
const SKIP_IDS = new Set(["breadcrumb-section", "footer", "navigation", "page-metadata-banner"]);
const SKIP_CLASSES = ["page-metadata", "breadcrumbs", "pageSection group", "footer"];
const BLOCKS = new Set([
  "html",
  "body",
  "p",
  "div",
  "section",
  "article",
  "main",
  "blockquote",
  "figure",
  "header",
  "details",
  "summary",
  "dl",
  "dt",
  "dd",
  "table",
  "tbody",
  "thead",
]);

/** Convert an exported page to Markdown: title as `#`, headings, paragraphs, lists, code, tables. */
export function htmlToMarkdown(html: string): HtmlAsMarkdown {
  const doc = parseDocument(html, { withStartIndices: true }) as unknown as Node;
  const starts = lineStarts(html);
  const lineAt = (offset: number) => position(starts, offset).line;
  const blocks: { text: string; line: number; tight?: boolean }[] = [];
  let paragraph: { text: string; line: number } | undefined;
  const flush = () => {
    if (paragraph && paragraph.text.trim() !== "") {
      blocks.push({ text: paragraph.text.replace(/[ \t]+/g, " ").trim(), line: paragraph.line });
    }
    paragraph = undefined;
  };
  const block = (text: string, node: Node, tight = false) => {
    flush();
    if (text.trim() !== "") blocks.push({ text, line: lineAt(node.startIndex ?? 0), tight });
  };

  const title = findTitle(doc, lineAt);
  const root = findFirst(doc, (n) => n.attribs?.id === "main-content") ??
    findFirst(doc, (n) => classOf(n).split(" ").includes("page-body")) ??
    findFirst(doc, (n) => n.name === "body") ?? doc;
  const properties = findFirst(doc, (n) => n.name === "table" && classOf(n).includes("properties"));
  if (title && !findFirst(root, (n) => n.name === "h1")) {
    blocks.push({ text: `# ${title.text}`, line: title.line });
  }
  if (properties && !contains(root, properties)) walk(properties, 0);

  function walk(node: Node, depth: number): void {
    if (node.type === "text") {
      const text = (node.data ?? "").replace(/\s+/g, " ");
      if (text.trim() === "" && !paragraph) return;
      paragraph ??= { text: "", line: lineAt(node.startIndex ?? 0) };
      paragraph.text += text;
      return;
    }
    if (node.type !== "tag" && node.type !== "root") return;
    const name = node.name ?? "";
    if (SKIP.has(name) || skipped(node)) return;
    const heading = name.match(/^h([1-6])$/);
    if (heading) return block(`${"#".repeat(Number(heading[1]))} ${inline(node)}`, node);
    if (name === "pre") return block("```\n" + textOf(node).replace(/\n+$/, "") + "\n```", node);
    if (name === "ul" || name === "ol") {
      flush();
      let n = 0;
      for (const child of node.children ?? []) {
        if (child.name !== "li") continue;
        n++;
        const marker = name === "ol" ? `${n}.` : "-";
        const nested = (child.children ?? []).filter((c) => c.name === "ul" || c.name === "ol");
        const own = {
          ...child,
          children: (child.children ?? []).filter((c) => !nested.includes(c)),
        };
        block(`${"  ".repeat(depth)}${marker} ${inline(own)}`, child, true);
        for (const list of nested) walk(list, depth + 1);
      }
      return;
    }
    if (name === "tr") {
      const cells = (node.children ?? []).filter((c) => c.name === "td" || c.name === "th");
      const texts = cells.map((c) => inline(c));
      if (cells.length === 2 && cells[0]?.name === "th") {
        return block(`${texts[0]}: ${texts[1]}`, node, true);
      }
      return block(`| ${texts.join(" | ")} |`, node, true);
    }
    if (name === "br") {
      if (paragraph) paragraph.text += "\n";
      return;
    }
    if (name === "hr") return flush();
    if (BLOCKS.has(name) || node.type === "root") {
      flush();
      for (const child of node.children ?? []) walk(child, depth);
      flush();
      return;
    }
    // Inline element: its Markdown form joins the current paragraph.
    const text = inline({ type: "root", children: [node] });
    if (text === "") return;
    paragraph ??= { text: "", line: lineAt(node.startIndex ?? 0) };
    paragraph.text += text;
  }
  walk(root, 0);
  flush();

  const markdown: string[] = [];
  const lines: number[] = [];
  blocks.forEach((b, i) => {
    if (markdown.length > 0 && !(b.tight && blocks[i - 1]?.tight)) {
      markdown.push("");
      lines.push(b.line);
    }
    for (const line of b.text.split("\n")) {
      markdown.push(line);
      lines.push(b.line);
    }
  });
  return { markdown: markdown.join("\n") + "\n", lines };
}

/** Inline Markdown of an element: text, `code`, **strong**, [links](relative targets). */
function inline(node: Node): string {
  const parts: string[] = [];
  for (const child of node.children ?? []) {
    if (child.type === "text") parts.push(child.data ?? "");
    else if (child.type === "tag" && !SKIP.has(child.name ?? "")) {
      const text = inline(child);
      const href = child.attribs?.href;
      if (child.name === "code") parts.push(`\`${text}\``);
      else if (child.name === "strong" || child.name === "b") parts.push(`**${text}**`);
      else if (child.name === "br") parts.push("\n");
      else if (child.name === "a" && href && !/^([a-z]+:|#)/i.test(href)) {
        parts.push(`[${text}](${decodeURI(href)})`);
      } else parts.push(text);
    }
  }
  return parts.join("").replace(/[ \t\r\n]+/g, " ").trim();
}

function textOf(node: Node): string {
  if (node.type === "text") return node.data ?? "";
  return (node.children ?? []).map(textOf).join("");
}

function classOf(node: Node): string {
  return node.attribs?.class ?? "";
}

function skipped(node: Node): boolean {
  const id = node.attribs?.id;
  if (id && SKIP_IDS.has(id)) return true;
  const cls = classOf(node);
  return cls !== "" && SKIP_CLASSES.some((c) => cls === c || cls.split(" ").includes(c));
}

function findFirst(node: Node, test: (n: Node) => boolean): Node | undefined {
  if (test(node)) return node;
  for (const child of node.children ?? []) {
    const found = findFirst(child, test);
    if (found) return found;
  }
  return undefined;
}

function contains(root: Node, target: Node): boolean {
  return findFirst(root, (n) => n === target) !== undefined;
}

/** The page title: Notion's h1.page-title, Confluence's #title-text, else <title>. */
function findTitle(
  doc: Node,
  lineAt: (offset: number) => number,
): { text: string; line: number } | undefined {
  const node = findFirst(doc, (n) => classOf(n).split(" ").includes("page-title")) ??
    findFirst(doc, (n) => n.attribs?.id === "title-text") ??
    findFirst(doc, (n) => n.name === "title");
  if (!node) return undefined;
  // Confluence titles read "Space : Page"; the page part is the record's title.
  const text = textOf(node).replace(/\s+/g, " ").trim().replace(/^[^:]{1,80} : /, "");
  return text === "" ? undefined : { text, line: lineAt(node.startIndex ?? 0) };
}
