// The editors and agents `korva setup` configures: one table entry per tool saying how to detect
// it and which files to change, in which format. Paths and shapes follow each tool's docs
// (docs/editors.md says what was verified and how).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { jsonServer, markdown, ownedMarkdown, stdio, tomlServer } from "./config_changes.ts";
import { type HookSpec, jsonHooks } from "./hook_entries.ts";
import { clineHook } from "./cline_hooks.ts";
import { kiroHooks } from "./kiro_hooks.ts";
import { opencodePlugin } from "./opencode_plugin.ts";
import type { SetupContext, Target } from "./target.ts";

export { HOOK_HANDLERS, type HookHandler } from "./hook_entries.ts";
export type { FileChange, ServerEntry, SetupContext, Target } from "./target.ts";

function vscodeUserDir(ctx: SetupContext): string {
  if (ctx.platform === "darwin") {
    return join(ctx.userHome, "Library", "Application Support", "Code", "User");
  }
  if (ctx.platform === "windows") return join(ctx.env("APPDATA") ?? ctx.userHome, "Code", "User");
  return join(ctx.env("XDG_CONFIG_HOME") ?? join(ctx.userHome, ".config"), "Code", "User");
}

/**
 * The user's Documents folder, where Cline keeps its global rules and hooks (`Cline/Rules`,
 * `Cline/Hooks`): on Linux the XDG_DOCUMENTS_DIR of `user-dirs.dirs` (what `xdg-user-dir
 * DOCUMENTS` prints), else ~/Documents.
 */
function documentsDir(ctx: SetupContext): string {
  if (ctx.platform === "linux") {
    const config = ctx.env("XDG_CONFIG_HOME") ?? join(ctx.userHome, ".config");
    try {
      const dirs = readFileSync(join(config, "user-dirs.dirs"), "utf8");
      const value = /^XDG_DOCUMENTS_DIR="([^"]+)"/m.exec(dirs)?.[1];
      if (value) return value.replace(/^\$HOME(?=\/|$)/, ctx.userHome);
    } catch {
      // No user-dirs.dirs: the default below.
    }
  }
  return join(ctx.userHome, "Documents");
}

function onPath(ctx: SetupContext, binary: string): boolean {
  return (ctx.env("PATH") ?? "").split(":").some((dir) =>
    dir !== "" && existsSync(join(dir, binary))
  );
}

const home = (ctx: SetupContext, ...parts: string[]) => join(ctx.userHome, ...parts);
const repo = (ctx: SetupContext, ...parts: string[]) => join(ctx.repoRoot ?? "", ...parts);

/**
 * The session-start and prompt hooks in ~/.copilot/hooks/korva.json, which both GitHub Copilot CLI
 * (1.0.102 adds either hook's top-level additionalContext to the conversation) and VS Code's local
 * agent (hookSpecificOutput.additionalContext) read, in VS Code's flat shape, timeouts in seconds.
 */
const copilotHooks = (ctx: SetupContext) =>
  jsonHooks(
    home(ctx, ".copilot", "hooks", "korva.json"),
    ctx,
    [
      { event: "SessionStart", handler: "session-start", timeout: 10 },
      { event: "UserPromptSubmit", handler: "prompt", timeout: 10 },
    ],
    { shape: "flat" },
  );

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
        : [
          jsonServer(home(ctx, ".cursor", "mcp.json"), ["mcpServers"], stdio(ctx)),
          // sessionStart's `additional_context` joins the conversation (Cursor 3.20; korva answers
          // in Cursor's shape when the payload has cursor_version). Cursor documents no prompt
          // hook that adds context, so `korva hook prompt` is not wired.
          jsonHooks(
            home(ctx, ".cursor", "hooks.json"),
            ctx,
            [{ event: "sessionStart", handler: "session-start", timeout: 10 }],
            { shape: "cursor" },
          ),
        ],
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
          copilotHooks(ctx),
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
        copilotHooks(ctx),
      ],
  },
  {
    id: "codex",
    name: "OpenAI Codex CLI",
    detect: (ctx) =>
      existsSync(ctx.env("CODEX_HOME") ?? home(ctx, ".codex")) || onPath(ctx, "codex"),
    note:
      "Codex runs hooks only once you trust them: open /hooks in Codex and trust korva's (again after korva moves)",
    files: (ctx) => {
      const codexHome = ctx.env("CODEX_HOME") ?? home(ctx, ".codex");
      // Codex's hooks.json has Claude Code's shape, events and answers (hookSpecificOutput
      // .additionalContext), timeouts in seconds (developers.openai.com/codex/hooks).
      const hooks: HookSpec[] = [
        { event: "SessionStart", handler: "session-start", timeout: 10 },
        { event: "UserPromptSubmit", handler: "prompt", timeout: 10 },
      ];
      return ctx.repoRoot ? [markdown(repo(ctx, "AGENTS.md"), ctx)] : [
        tomlServer(join(codexHome, "config.toml"), ctx),
        jsonHooks(join(codexHome, "hooks.json"), ctx, hooks),
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
          // OpenCode has no prompt hook of the command kind; a plugin's chat.message is one.
          opencodePlugin(home(ctx, ".config", "opencode", "plugins", "korva.js"), ctx),
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
    // The VS Code extension, or the CLI (~/.cline).
    detect: (ctx) =>
      existsSync(join(vscodeUserDir(ctx), "globalStorage", "saoudrizwan.claude-dev")) ||
      existsSync(home(ctx, ".cline")),
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
        // The CLI's (3.0) MCP settings, which take the extension's entry shape too.
        jsonServer(
          home(ctx, ".cline", "data", "settings", "cline_mcp_settings.json"),
          ["mcpServers"],
          stdio(ctx, { disabled: false }),
        ),
        // Global rules and hooks: Documents/Cline/Rules and Documents/Cline/Hooks apply in every
        // workspace, for the extension and the CLI alike.
        ownedMarkdown(join(documentsDir(ctx), "Cline", "Rules", "korva.md"), ctx),
        clineHook(join(documentsDir(ctx), "Cline", "Hooks"), ctx),
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
          kiroHooks(home(ctx, ".kiro", "hooks", "korva.json"), ctx),
        ],
  },
];
