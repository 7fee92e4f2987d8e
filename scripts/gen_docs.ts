// `deno task docs`: regenerates the sections of docs/ that are derived from code (the MCP tool
// table from the tool registry, the config reference from the zod schemas).
// deno-lint-ignore-file no-console
// tests/docs/generated_test.ts runs the same generator in memory and fails when the docs drift.
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/inMemory"
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { z } from "zod";
import { loadCommands } from "../commands/mod.ts";
import { Config } from "../lib/config.ts";
import type { Deps } from "../lib/deps.ts";
import { createServer } from "../lib/mcp/server.ts";
import { TOOL_PROFILES, type ToolName } from "../lib/mcp/profiles.ts";
import { ProjectConfig } from "../lib/project_config.ts";
import { buildProgram } from "../commands/program.ts";

/** The command that regenerates the docs (named in the drift test's failure message). */
export const DOCS_COMMAND = "deno task docs";

/** The repository root. */
export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** One generated section: the file, the marker name and the Markdown between the markers. */
export interface Section {
  file: string;
  name: string;
  body: string;
}

/** Every generated section, computed from the code as it is now. */
export async function generateSections(): Promise<Section[]> {
  return [
    { file: "docs/mcp.md", name: "mcp-tools", body: await mcpToolTable() },
    { file: "docs/configuration.md", name: "config", body: configReference() },
    { file: "docs/cli.md", name: "cli", body: await cliReference() },
  ];
}

/** Replace the text between `<!-- generated:NAME:begin -->` and its end marker. */
export function replaceSection(text: string, name: string, body: string): string {
  const begin = `<!-- generated:${name}:begin -->`;
  const end = `<!-- generated:${name}:end -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`Cannot find the markers ${begin} … ${end}`);
  return text.slice(0, from + begin.length) + "\n\n" + body + "\n\n" + text.slice(to);
}

/** The docs files as they should be: path (relative to the root) → full text. */
export async function renderDocs(root = ROOT): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const section of await generateSections()) {
    const current = files.get(section.file) ?? readFileSync(join(root, section.file), "utf8");
    files.set(section.file, replaceSection(current, section.name, section.body));
  }
  return files;
}

/** The MCP tool table, from the tools an admin server lists (every tool) and TOOL_PROFILES. */
async function mcpToolTable(): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), "korva-docs-"));
  const korva = createServer(docsDeps(home), { profile: "admin" });
  const client = new Client({ name: "korva-docs", version: "1.0.0" });
  try {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await Promise.all([korva.server.connect(serverSide), client.connect(clientSide)]);
    const { tools } = await client.listTools();
    const order = Object.keys(TOOL_PROFILES);
    const rows = tools
      .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))
      .map((tool) => [
        `\`${tool.name}\``,
        TOOL_PROFILES[tool.name as ToolName] ?? "?",
        tool.annotations?.readOnlyHint === true ? "yes" : "no",
        cell(tool.description ?? ""),
      ]);
    return table(["tool", "profile", "read-only", "description"], rows);
  } finally {
    await client.close();
    await korva.close();
    rmSync(home, { recursive: true, force: true });
  }
}

/** Every command and subcommand with its arguments and flags, from the commander program. */
async function cliReference(): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), "korva-docs-"));
  try {
    const program = buildProgram(docsDeps(home), await loadCommands(["help"]));
    const parts: string[] = [];
    const visit = (command: Command, prefix: string) => {
      const name = `${prefix} ${command.name()}`;
      const own = command.registeredArguments.length > 0 || command.options.length > 0;
      if (command.commands.length > 0 && !own) {
        for (const sub of command.commands) visit(sub, name);
        return;
      }
      const args = command.registeredArguments
        .map((a) =>
          a.required
            ? `<${a.name()}${a.variadic ? "..." : ""}>`
            : `[${a.name()}${a.variadic ? "..." : ""}]`
        )
        .join(" ");
      const rows = command.options.map((option) => {
        const extra = [
          option.argChoices ? `one of ${option.argChoices.join(", ")}` : "",
          option.defaultValue !== undefined && !Array.isArray(option.defaultValue)
            ? `default ${JSON.stringify(option.defaultValue)}`
            : "",
        ].filter(Boolean).join("; ");
        return [`\`${option.flags}\``, cell(option.description + (extra ? ` (${extra})` : ""))];
      });
      parts.push(
        `### \`${name}${args ? " " + args : ""}\`\n\n${cell(command.description())}` +
          (rows.length ? "\n\n" + table(["flag", "meaning"], rows) : ""),
      );
      for (const sub of command.commands) visit(sub, name);
    };
    for (const command of program.commands) visit(command, "korva");
    return parts.join("\n\n");
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Deps for listing tools: nothing is opened until a tool is called, so none of it is used. */
function docsDeps(home: string): Deps {
  return {
    home,
    homeFromEnv: true,
    env: () => undefined,
    now: () => new Date(0),
    cwd: home,
    io: {
      out: () => {},
      err: () => {},
      readStdin: () => Promise.resolve(""),
      isTerminal: false,
      confirm: () => Promise.resolve(false),
    },
    version: "docs",
    self: { command: "korva", args: [] },
    status: { exitCode: 0 },
  };
}

/** The reference of both config files, one row per key, from their zod schemas. */
function configReference(): string {
  const part = (title: string, schema: z.ZodType) => {
    const rows: string[][] = [];
    walk(z.toJSONSchema(schema, { io: "input" }) as JsonSchema, "", rows);
    return `### ${title}\n\n` + table(["key", "type", "default", "description"], rows);
  };
  return part("`$KORVA_HOME/config.json` (`lib/config.ts`)", Config) + "\n\n" +
    part("`.korva/config.yml` (`lib/project_config.ts`)", ProjectConfig);
}

interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  additionalProperties?: JsonSchema | boolean;
}

function walk(schema: JsonSchema, path: string, rows: string[][]): void {
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    if (key === "$schema") continue;
    const name = path ? `${path}.${key}` : key;
    rows.push([
      `\`${name}\``,
      cell(typeOf(field)),
      field.default === undefined || (typeof field.default === "object" && field.properties)
        ? ""
        : cell(`\`${JSON.stringify(field.default)}\``),
      cell(field.description ?? ""),
    ]);
    for (const member of [field, ...(field.anyOf ?? [])]) {
      if (member.properties) walk(member, name, rows);
      if (member.items?.properties) walk(member.items, `${name}[]`, rows);
    }
  }
}

function typeOf(field: JsonSchema): string {
  if (field.const !== undefined) return JSON.stringify(field.const);
  if (field.enum) return field.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (field.anyOf) return field.anyOf.map(typeOf).join(" | ");
  if (field.type === "array") return `${field.items ? typeOf(field.items) : "unknown"}[]`;
  if (field.type === "object" && typeof field.additionalProperties === "object") {
    return `{ [key: string]: ${typeOf(field.additionalProperties)} }`;
  }
  const range = (min?: number, max?: number, unit = "") =>
    min !== undefined && max !== undefined && max < Number.MAX_SAFE_INTEGER
      ? ` (${min}–${max}${unit})`
      : "";
  if (field.type === "integer" || field.type === "number") {
    return field.type + range(field.minimum, field.maximum);
  }
  if (field.type === "string") return "string" + range(field.minLength, field.maxLength, " chars");
  return field.type ?? "unknown";
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(3, ...all.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) =>
    "| " + row.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ") + " |";
  return [
    line(header),
    "| " + widths.map((w) => "-".repeat(w)).join(" | ") + " |",
    ...rows.map(line),
  ]
    .join("\n");
}

if (import.meta.main) {
  for (const [file, text] of await renderDocs()) {
    const path = join(ROOT, file);
    if (readFileSync(path, "utf8") !== text) {
      writeFileSync(path, text);
      console.log(`updated ${file}`);
    }
  }
}
