// Format-preserving edits of editor config files: JSON/JSONC (comments and trailing commas kept,
// via jsonc-parser), TOML (korva's table replaced textually, validated with smol-toml) and
// Markdown instruction files (a block between begin/end markers).
import * as jsonc from "jsonc-parser";
import { parse as parseToml } from "smol-toml";
import { BEGIN, END } from "../discovery/instructions.ts";

/** A file that cannot be parsed: never overwritten. */
export class UnparseableError extends Error {}

type JsonPath = (string | number)[];

function formatting(text: string): jsonc.FormattingOptions {
  const indents = [...text.matchAll(/\n([ \t]+)"/g)].map((m) => m[1] ?? "");
  const indent = indents.sort((a, b) => a.length - b.length)[0] ?? "  ";
  return indent.includes("\t")
    ? { insertSpaces: false, tabSize: 1, eol: "\n" }
    : { insertSpaces: true, tabSize: indent.length, eol: text.includes("\r\n") ? "\r\n" : "\n" };
}

/** Parse JSON or JSONC; throws UnparseableError with the first problem. */
export function parseJsonc(text: string): unknown {
  const errors: jsonc.ParseError[] = [];
  const value = jsonc.parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0] as jsonc.ParseError;
    const line = text.slice(0, first.offset).split("\n").length;
    throw new UnparseableError(`${jsonc.printParseErrorCode(first.error)} at line ${line}`);
  }
  if (text.trim() !== "" && (typeof value !== "object" || value === null || Array.isArray(value))) {
    throw new UnparseableError("the top level is not an object");
  }
  return value ?? {};
}

/** Set (or, with undefined, remove) the value at a path, keeping everything else byte for byte. */
export function setJson(text: string | undefined, path: JsonPath, value: unknown): string {
  if ((text === undefined || text.trim() === "") && value !== undefined) {
    // A new file: plain two-space JSON.
    const root: Record<string | number, unknown> = {};
    let node = root;
    path.forEach((key, i) => {
      if (i === path.length - 1) node[key] = value;
      else {node = (node[key] = typeof path[i + 1] === "number" ? [] : {}) as Record<
          string | number,
          unknown
        >;}
    });
    return JSON.stringify(root, null, 2) + "\n";
  }
  const base = text === undefined || text.trim() === "" ? "{}\n" : text;
  parseJsonc(base);
  if (value === undefined && typeof path[path.length - 1] === "number") {
    return removeArrayItem(base, path);
  }
  // Edit without reformatting, then format only the text korva inserted, so the user's own
  // layout (one-line objects, alignment) is untouched and a removal restores it byte for byte.
  const edits = jsonc.modify(base, path, value, {});
  let out = jsonc.applyEdits(base, edits);
  if (value === undefined) return out;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    if (edit.content.length < 2) continue;
    const range = { offset: edit.offset, length: edit.content.length };
    out = jsonc.applyEdits(out, jsonc.format(out, range, formatting(base)));
  }
  return out;
}

/**
 * Remove one array item exactly: from the end of the previous item (taking its comma) or, for
 * the first item, up to the next item. (jsonc-parser's own removal assumes a newline before `]`.)
 */
function removeArrayItem(text: string, path: JsonPath): string {
  const tree = jsonc.parseTree(text, [], { allowTrailingComma: true });
  const array = tree ? jsonc.findNodeAtLocation(tree, path.slice(0, -1)) : undefined;
  const index = path[path.length - 1] as number;
  const items = array?.children ?? [];
  const item = items[index];
  if (!item) return text;
  const previous = items[index - 1];
  const next = items[index + 1];
  const [start, end] = previous
    ? [previous.offset + previous.length, item.offset + item.length]
    : next
    ? [item.offset, next.offset]
    : [item.offset, item.offset + item.length];
  const out = text.slice(0, start) + text.slice(end);
  return out;
}

/** The value at a path, or undefined. */
export function getJson(text: string | undefined, path: JsonPath): unknown {
  if (text === undefined || text.trim() === "") return undefined;
  let node: unknown = parseJsonc(text);
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Whether the document is an empty object (so a file korva created can be removed again). */
export function isEmptyJson(text: string): boolean {
  const value = parseJsonc(text);
  return typeof value === "object" && value !== null && Object.keys(value).length === 0;
}

const TOML_HEADER = /^\s*\[\s*mcp_servers\s*\.\s*(?:korva|"korva")\s*(?:\.[^\]]*)?\]\s*$/;
const ANY_HEADER = /^\s*\[\[?[^\]]+\]\]?\s*$/;

/** Replace (or add, or with undefined remove) the `[mcp_servers.korva]` tables of a TOML file. */
export function setTomlServer(text: string | undefined, block: string | undefined): string {
  const base = text ?? "";
  try {
    parseToml(base);
  } catch (error) {
    throw new UnparseableError((error as Error).message.split("\n")[0] ?? "invalid TOML");
  }
  const lines = base.split("\n");
  const kept: string[] = [];
  let inKorva = false;
  let insertAt = -1;
  for (const line of lines) {
    if (TOML_HEADER.test(line)) {
      if (insertAt === -1) insertAt = kept.length;
      inKorva = true;
      continue;
    }
    if (inKorva && ANY_HEADER.test(line)) inKorva = false;
    if (!inKorva) kept.push(line);
  }
  // Blank lines that separated korva's table from the next one belong to it.
  if (insertAt !== -1) {
    while (insertAt < kept.length && kept[insertAt]?.trim() === "" && block === undefined) {
      kept.splice(insertAt, 1);
    }
  }
  let out: string;
  if (block === undefined) {
    out = kept.join("\n");
    if (insertAt > 0 && insertAt === kept.length) out = out.replace(/\n+$/, "\n");
  } else if (insertAt !== -1) {
    kept.splice(insertAt, 0, ...block.trimEnd().split("\n"), "");
    out = kept.join("\n");
  } else {
    const body = kept.join("\n");
    const separator = body === ""
      ? ""
      : body.endsWith("\n\n")
      ? ""
      : body.endsWith("\n")
      ? "\n"
      : "\n\n";
    out = body + separator + block.trimEnd() + "\n";
  }
  parseToml(out);
  return out;
}

/** Korva's block markers in Markdown instruction files (defined beside the block's text). */
export { BEGIN, END };

/** Put (or with undefined remove) korva's block in a Markdown file, leaving the rest untouched. */
export function setMarkdownBlock(text: string | undefined, body: string | undefined): string {
  const base = text ?? "";
  const start = base.indexOf("<!-- korva:begin");
  const end = base.indexOf(END);
  const block = body === undefined ? "" : `${BEGIN}\n${body.trim()}\n${END}`;
  if (start !== -1 && end > start) {
    const before = base.slice(0, start);
    const after = base.slice(end + END.length);
    if (body === undefined) {
      return (before.replace(/\n\n$/, "\n") + after.replace(/^\n/, "")).replace(/^\n+$/, "");
    }
    return before + block + after;
  }
  if (body === undefined) return base;
  if (base === "") return block + "\n";
  return base + (base.endsWith("\n") ? "\n" : "\n\n") + block + "\n";
}
