// The changes korva makes to editor files: its MCP server entry (JSON or TOML), its instruction
// block in Markdown, a file it owns; each with an exact uninstall.
import { getJson, setJson, setMarkdownBlock, setTomlServer } from "./edit.ts";
import type { FileChange, SetupContext } from "./target.ts";

export const SERVER = "korva";

export function jsonServer(
  path: string,
  container: string[],
  entry: Record<string, unknown>,
  format: "json" | "jsonc" = "json",
): FileChange {
  const key = [...container, SERVER];
  return {
    path,
    part: "MCP server",
    format,
    install: (text) => setJson(text, key, entry),
    uninstall: (text, created) => removeCreated(setJson(text, key, undefined), created),
    containers: container.map((_, i) => container.slice(0, i + 1)),
    current: (text) => JSON.stringify(getJson(text, key)) === JSON.stringify(entry),
    present: (text) => getJson(text, key) !== undefined,
  };
}

/** Remove the containers korva created, when its removal left them empty (innermost first). */
export function removeCreated(text: string, created: string[][]): string {
  let out = text;
  for (const path of [...created].sort((a, b) => b.length - a.length)) {
    const value = getJson(out, path);
    const empty = Array.isArray(value)
      ? value.length === 0
      : typeof value === "object" && value !== null && Object.keys(value).length === 0;
    if (empty) out = setJson(out, path, undefined);
  }
  return out;
}

export function markdown(path: string, ctx: SetupContext): FileChange {
  return {
    path,
    part: "instructions",
    format: "markdown",
    install: (text) => setMarkdownBlock(text, ctx.instructions),
    uninstall: (text) => setMarkdownBlock(text, undefined),
    containers: [],
    current: (text) => text !== undefined && text === setMarkdownBlock(text, ctx.instructions),
    present: (text) => text?.includes("<!-- korva:begin") ?? false,
  };
}

/** A rules file korva owns whole (Cursor .mdc, Windsurf/Kiro rules): the block is the file. */
export function ownedMarkdown(path: string, ctx: SetupContext, frontMatter = ""): FileChange {
  const body = (text: string | undefined) =>
    frontMatter + setMarkdownBlock(text?.replace(frontMatter, ""), ctx.instructions);
  return {
    path,
    part: "instructions",
    format: "markdown",
    install: (text) => body(text),
    uninstall: (text) => {
      const rest = setMarkdownBlock(text.replace(frontMatter, ""), undefined);
      return rest.trim() === "" ? "" : rest;
    },
    containers: [],
    current: (text) => text !== undefined && text === body(text),
    present: (text) => text?.includes("<!-- korva:begin") ?? false,
  };
}

/**
 * A file korva owns whole (a plugin, a hook file): its text is `text`. A file of that name that
 * `mine` does not recognise is reported and never overwritten; uninstall deletes it.
 */
export function ownedFile(
  path: string,
  options: {
    part: string;
    format: FileChange["format"];
    text: string;
    mine: (text: string) => boolean;
  },
): FileChange {
  const { part, format, text: wanted, mine } = options;
  return {
    path,
    part,
    format,
    install: (text) => {
      if (text !== undefined && text.trim() !== "" && !mine(text)) {
        throw new Error(`"${path}" is not korva's ${part}; it was left untouched`);
      }
      return wanted;
    },
    uninstall: () => "",
    containers: [],
    owned: true,
    current: (text) => text === wanted,
    present: (text) => text !== undefined && mine(text),
  };
}

export function tomlServer(path: string, ctx: SetupContext): FileChange {
  const q = (s: string) => JSON.stringify(s);
  const block = [
    "[mcp_servers.korva]",
    `command = ${q(ctx.server.command)}`,
    `args = [${ctx.server.args.map(q).join(", ")}]`,
    ...(Object.keys(ctx.server.env).length
      ? [
        "",
        "[mcp_servers.korva.env]",
        ...Object.entries(ctx.server.env).map(([k, v]) => `${k} = ${q(v)}`),
      ]
      : []),
  ].join("\n");
  return {
    path,
    part: "MCP server",
    format: "toml",
    install: (text) => setTomlServer(text, block),
    uninstall: (text) => setTomlServer(text, undefined),
    containers: [],
    current: (text) => text !== undefined && text.includes(block),
    present: (text) => text !== undefined && /\[\s*mcp_servers\s*\.\s*"?korva"?\s*\]/.test(text),
  };
}

export const stdio = (ctx: SetupContext, extra: Record<string, unknown> = {}) => ({
  ...extra,
  command: ctx.server.command,
  args: ctx.server.args,
  ...(Object.keys(ctx.server.env).length ? { env: ctx.server.env } : {}),
});
