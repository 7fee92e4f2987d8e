// The editors and agents `korva setup` configures: one table entry per tool saying how to detect
// it and which files to change, in which format. Paths and shapes follow each tool's docs
// (see README "Editor setup" for what was verified and how).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { getJson, parseJsonc, setJson, setMarkdownBlock, setTomlServer } from "./edit.ts";

/** How editors should start korva's MCP server. */
export interface ServerEntry {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/** Everything a target needs to compute its files. */
export interface SetupContext {
  /** The user's home folder (HOME). */
  userHome: string;
  /** Project mode: the repository root; user mode: undefined. */
  repoRoot: string | undefined;
  platform: string;
  env: (name: string) => string | undefined;
  server: ServerEntry;
  /** The shell command an editor hook runs for a handler. */
  hookCommand: (handler: HookHandler) => string;
  instructions: string;
}

/** One file a target changes, with how to add and remove korva's part. */
export interface FileChange {
  path: string;
  /** What is changed, for messages: "MCP server", "hooks", "instructions". */
  part: string;
  format: "json" | "jsonc" | "toml" | "markdown";
  install(text: string | undefined): string;
  /** korva's part removed; containers korva created (and left empty) are removed too. */
  uninstall(text: string, created: string[][]): string;
  /** Objects/arrays korva may create to hold its part (recorded when it does). */
  containers: string[][];
  /** Whether korva's part is present and current in the text. */
  current(text: string | undefined): boolean;
  present(text: string | undefined): boolean;
}

/** A tool korva can configure. */
export interface Target {
  id: string;
  name: string;
  detect(ctx: SetupContext): boolean;
  files(ctx: SetupContext): FileChange[];
  /** A sentence to print after configuring it (e.g. Gemini's trusted folders). */
  note?: string;
}

const SERVER = "korva";

function jsonServer(
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
function removeCreated(text: string, created: string[][]): string {
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

function markdown(path: string, ctx: SetupContext): FileChange {
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
function ownedMarkdown(path: string, ctx: SetupContext, frontMatter = ""): FileChange {
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

/** The `korva hook` handlers editors run. */
export const HOOK_HANDLERS = [
  "session-start",
  "file-context",
  "stop",
  "session-end",
  "prompt",
  "edit-gate",
] as const;
export type HookHandler = (typeof HOOK_HANDLERS)[number];

interface HookSpec {
  event: string;
  matcher?: string;
  handler: HookHandler;
  /** In the tool's own unit: seconds for Claude Code, milliseconds for Gemini CLI. */
  timeout: number;
}

const KORVA_HOOK = new RegExp(` hook (${HOOK_HANDLERS.join("|")})"`);
const isKorvaHook = (entry: unknown) => KORVA_HOOK.test(JSON.stringify(entry));

/** Hook entries in a settings.json shaped like Claude Code's (and Gemini CLI's). */
function jsonHooks(path: string, ctx: SetupContext, specs: HookSpec[]): FileChange {
  const wanted = (spec: HookSpec) => ({
    ...(spec.matcher ? { matcher: spec.matcher } : {}),
    hooks: [{ type: "command", command: ctx.hookCommand(spec.handler), timeout: spec.timeout }],
  });
  return {
    path,
    part: "hooks",
    format: "json",
    install: (text) => {
      let out: string | undefined = text;
      if (out !== undefined) parseJsonc(out);
      // Replace korva's entries (the path may have moved), keep everyone else's.
      if (out !== undefined && specs.some((s) => Array.isArray(getJson(out, ["hooks", s.event])))) {
        out = stripOnly(out, specs);
      }
      for (const spec of specs) {
        const list = getJson(out, ["hooks", spec.event]);
        const index = Array.isArray(list) ? list.length : 0;
        out = Array.isArray(list)
          ? setJson(out, ["hooks", spec.event, index], wanted(spec))
          : setJson(out, ["hooks", spec.event], [wanted(spec)]);
      }
      return out ?? "{}\n";
    },
    uninstall: (text, created) => removeCreated(stripOnly(text, specs), created),
    containers: [["hooks"], ...specs.map((spec) => ["hooks", spec.event])],
    current: (text) =>
      specs.every((spec) => {
        const list = getJson(text, ["hooks", spec.event]);
        return Array.isArray(list) &&
          list.some((e) => JSON.stringify(e) === JSON.stringify(wanted(spec)));
      }),
    present: (text) =>
      specs.some((spec) => {
        const list = getJson(text, ["hooks", spec.event]);
        return Array.isArray(list) && list.some(isKorvaHook);
      }),
  };
}

function stripOnly(text: string, specs: HookSpec[]): string {
  let out = text;
  for (const event of new Set(specs.map((s) => s.event))) {
    const list = getJson(out, ["hooks", event]);
    if (!Array.isArray(list)) continue;
    for (let i = list.length - 1; i >= 0; i--) {
      if (isKorvaHook(list[i])) out = setJson(out, ["hooks", event, i], undefined);
    }
  }
  return out;
}

function tomlServer(path: string, ctx: SetupContext): FileChange {
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

const stdio = (ctx: SetupContext, extra: Record<string, unknown> = {}) => ({
  ...extra,
  command: ctx.server.command,
  args: ctx.server.args,
  ...(Object.keys(ctx.server.env).length ? { env: ctx.server.env } : {}),
});

function vscodeUserDir(ctx: SetupContext): string {
  if (ctx.platform === "darwin") {
    return join(ctx.userHome, "Library", "Application Support", "Code", "User");
  }
  if (ctx.platform === "windows") return join(ctx.env("APPDATA") ?? ctx.userHome, "Code", "User");
  return join(ctx.env("XDG_CONFIG_HOME") ?? join(ctx.userHome, ".config"), "Code", "User");
}

function onPath(ctx: SetupContext, binary: string): boolean {
  return (ctx.env("PATH") ?? "").split(":").some((dir) =>
    dir !== "" && existsSync(join(dir, binary))
  );
}

const home = (ctx: SetupContext, ...parts: string[]) => join(ctx.userHome, ...parts);
const repo = (ctx: SetupContext, ...parts: string[]) => join(ctx.repoRoot ?? "", ...parts);

/** Every target, in the order `korva setup --status` lists them. */
export const TARGETS: Target[] = [
  {
    id: "claude",
    name: "Claude Code",
    detect: (ctx) =>
      existsSync(home(ctx, ".claude")) || existsSync(home(ctx, ".claude.json")) ||
      onPath(ctx, "claude"),
    files: (ctx) => {
      const hooks: HookSpec[] = [
        { event: "SessionStart", handler: "session-start", timeout: 10 },
        {
          event: "PreToolUse",
          matcher: "Read|Edit|Write|MultiEdit",
          handler: "file-context",
          timeout: 10,
        },
        { event: "UserPromptSubmit", handler: "prompt", timeout: 10 },
        // The sentinel at edit time: deny or ask when the content about to be written breaks a rule.
        { event: "PreToolUse", matcher: "Edit|Write|MultiEdit", handler: "edit-gate", timeout: 10 },
        // Claude Code's PreCompact cannot add context: after a compaction SessionStart (source
        // "compact") carries the nudge instead.
        { event: "Stop", handler: "stop", timeout: 10 },
        { event: "SubagentStop", handler: "stop", timeout: 10 },
        { event: "SessionEnd", handler: "session-end", timeout: 10 },
      ];
      return ctx.repoRoot
        ? [
          jsonServer(repo(ctx, ".mcp.json"), ["mcpServers"], stdio(ctx, { type: "stdio" })),
          jsonHooks(repo(ctx, ".claude", "settings.json"), ctx, hooks),
          markdown(repo(ctx, "CLAUDE.md"), ctx),
        ]
        : [
          jsonServer(home(ctx, ".claude.json"), ["mcpServers"], stdio(ctx, { type: "stdio" })),
          jsonHooks(home(ctx, ".claude", "settings.json"), ctx, hooks),
          markdown(home(ctx, ".claude", "CLAUDE.md"), ctx),
        ];
    },
  },
  {
    id: "cursor",
    name: "Cursor",
    detect: (ctx) => existsSync(home(ctx, ".cursor")) || onPath(ctx, "cursor"),
    files: (ctx) =>
      ctx.repoRoot
        ? [
          jsonServer(repo(ctx, ".cursor", "mcp.json"), ["mcpServers"], stdio(ctx)),
          ownedMarkdown(
            repo(ctx, ".cursor", "rules", "korva.mdc"),
            ctx,
            "---\ndescription: Team memory (korva)\nalwaysApply: true\n---\n",
          ),
        ]
        : [jsonServer(home(ctx, ".cursor", "mcp.json"), ["mcpServers"], stdio(ctx))],
  },
  {
    id: "windsurf",
    name: "Windsurf",
    detect: (ctx) => existsSync(home(ctx, ".codeium", "windsurf")),
    files: (ctx) =>
      ctx.repoRoot ? [ownedMarkdown(repo(ctx, ".windsurf", "rules", "korva.md"), ctx)] : [
        jsonServer(
          home(ctx, ".codeium", "windsurf", "mcp_config.json"),
          ["mcpServers"],
          stdio(ctx),
        ),
        markdown(home(ctx, ".codeium", "windsurf", "memories", "global_rules.md"), ctx),
      ],
  },
  {
    id: "vscode",
    name: "VS Code (Copilot agent mode)",
    detect: (ctx) => existsSync(vscodeUserDir(ctx)) || onPath(ctx, "code"),
    files: (ctx) =>
      ctx.repoRoot
        ? [
          jsonServer(
            repo(ctx, ".vscode", "mcp.json"),
            ["servers"],
            stdio(ctx, { type: "stdio" }),
            "jsonc",
          ),
          markdown(repo(ctx, ".github", "copilot-instructions.md"), ctx),
        ]
        : [
          jsonServer(
            join(vscodeUserDir(ctx), "mcp.json"),
            ["servers"],
            stdio(ctx, { type: "stdio" }),
            "jsonc",
          ),
          // User-level instruction files live in the profile's prompts folder; applyTo "**"
          // makes one apply to every request (code.visualstudio.com custom-instructions).
          ownedMarkdown(
            join(vscodeUserDir(ctx), "prompts", "korva.instructions.md"),
            ctx,
            "---\napplyTo: '**'\n---\n",
          ),
        ],
  },
  {
    id: "copilot",
    name: "GitHub Copilot CLI",
    detect: (ctx) => existsSync(home(ctx, ".copilot")) || onPath(ctx, "copilot"),
    files: (ctx) =>
      ctx.repoRoot ? [markdown(repo(ctx, "AGENTS.md"), ctx)] : [
        jsonServer(
          home(ctx, ".copilot", "mcp-config.json"),
          ["mcpServers"],
          stdio(ctx, { type: "local", tools: ["*"] }),
        ),
        // User-level instructions for every repository (Copilot CLI custom instructions docs).
        markdown(home(ctx, ".copilot", "copilot-instructions.md"), ctx),
      ],
  },
  {
    id: "codex",
    name: "OpenAI Codex CLI",
    detect: (ctx) =>
      existsSync(ctx.env("CODEX_HOME") ?? home(ctx, ".codex")) || onPath(ctx, "codex"),
    files: (ctx) => {
      const codexHome = ctx.env("CODEX_HOME") ?? home(ctx, ".codex");
      return ctx.repoRoot ? [markdown(repo(ctx, "AGENTS.md"), ctx)] : [
        tomlServer(join(codexHome, "config.toml"), ctx),
        markdown(join(codexHome, "AGENTS.md"), ctx),
      ];
    },
  },
  {
    id: "opencode",
    name: "OpenCode",
    detect: (ctx) => existsSync(home(ctx, ".config", "opencode")) || onPath(ctx, "opencode"),
    files: (ctx) => {
      const entry = {
        type: "local",
        command: [ctx.server.command, ...ctx.server.args],
        enabled: true,
        ...(Object.keys(ctx.server.env).length ? { environment: ctx.server.env } : {}),
      };
      return ctx.repoRoot
        ? [
          jsonServer(repo(ctx, "opencode.json"), ["mcp"], entry, "jsonc"),
          markdown(repo(ctx, "AGENTS.md"), ctx),
        ]
        : [
          jsonServer(home(ctx, ".config", "opencode", "opencode.json"), ["mcp"], entry, "jsonc"),
          markdown(home(ctx, ".config", "opencode", "AGENTS.md"), ctx),
        ];
    },
  },
  {
    id: "gemini",
    name: "Gemini CLI",
    detect: (ctx) => existsSync(home(ctx, ".gemini")) || onPath(ctx, "gemini"),
    note:
      "Gemini CLI starts MCP servers only in trusted folders: trust your project folder in Gemini (/trust or the first-run prompt)",
    files: (ctx) => {
      // Gemini CLI: timeouts are in milliseconds, and only AfterTool (not BeforeTool) can add
      // context to the model, appended to the file tool's result (docs/hooks/reference.md).
      const hooks: HookSpec[] = [
        { event: "SessionStart", handler: "session-start", timeout: 10_000 },
        {
          event: "AfterTool",
          matcher: "read_file|read_many_files|write_file|replace",
          handler: "file-context",
          timeout: 10_000,
        },
        // BeforeAgent runs after the prompt is submitted, before planning; its
        // hookSpecificOutput.additionalContext is added to the turn (docs/hooks/reference.md).
        { event: "BeforeAgent", handler: "prompt", timeout: 10_000 },
        // BeforeTool can deny a write (decision/reason), which is all the edit gate needs.
        {
          event: "BeforeTool",
          matcher: "write_file|replace",
          handler: "edit-gate",
          timeout: 10_000,
        },
        { event: "AfterAgent", handler: "stop", timeout: 10_000 },
        { event: "SessionEnd", handler: "session-end", timeout: 10_000 },
      ];
      const settings = ctx.repoRoot
        ? repo(ctx, ".gemini", "settings.json")
        : home(ctx, ".gemini", "settings.json");
      return [
        jsonServer(settings, ["mcpServers"], stdio(ctx)),
        jsonHooks(settings, ctx, hooks),
        markdown(ctx.repoRoot ? repo(ctx, "GEMINI.md") : home(ctx, ".gemini", "GEMINI.md"), ctx),
      ];
    },
  },
  {
    id: "zed",
    name: "Zed",
    detect: (ctx) => existsSync(home(ctx, ".config", "zed")) || onPath(ctx, "zed"),
    files: (ctx) => [
      jsonServer(
        ctx.repoRoot
          ? repo(ctx, ".zed", "settings.json")
          : home(ctx, ".config", "zed", "settings.json"),
        ["context_servers"],
        stdio(ctx, { source: "custom" }),
        "jsonc",
      ),
    ],
  },
  {
    id: "cline",
    name: "Cline",
    detect: (ctx) =>
      existsSync(join(vscodeUserDir(ctx), "globalStorage", "saoudrizwan.claude-dev")),
    files: (ctx) =>
      ctx.repoRoot ? [ownedMarkdown(repo(ctx, ".clinerules", "korva.md"), ctx)] : [
        jsonServer(
          join(
            vscodeUserDir(ctx),
            "globalStorage",
            "saoudrizwan.claude-dev",
            "settings",
            "cline_mcp_settings.json",
          ),
          ["mcpServers"],
          stdio(ctx, { disabled: false }),
        ),
      ],
  },
  {
    id: "kiro",
    name: "Kiro",
    detect: (ctx) => existsSync(home(ctx, ".kiro")),
    files: (ctx) =>
      ctx.repoRoot
        ? [
          jsonServer(repo(ctx, ".kiro", "settings", "mcp.json"), ["mcpServers"], stdio(ctx)),
          ownedMarkdown(repo(ctx, ".kiro", "steering", "korva.md"), ctx),
        ]
        : [
          jsonServer(home(ctx, ".kiro", "settings", "mcp.json"), ["mcpServers"], stdio(ctx)),
          // Global steering: ~/.kiro/steering/*.md apply in every workspace (Kiro steering docs).
          ownedMarkdown(home(ctx, ".kiro", "steering", "korva.md"), ctx),
        ],
  },
];
