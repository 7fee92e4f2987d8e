// `korva hook session-start|file-context|prompt`: editor hook handlers. They read the editor's JSON on
// stdin, answer in its format, stay silent when nothing is relevant, and never fail the editor's
// action: any internal error exits 0 with nothing printed and is logged to $KORVA_HOME/logs.
import { Command } from "commander";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Deps } from "../lib/deps.ts";
import { buildContext } from "../lib/discovery/context.ts";
import { hookFile, hookOutput, parseHookPayload } from "../lib/discovery/hooks.ts";
import { messageOf } from "../lib/errors.ts";
import { repoRoot } from "../lib/git.ts";
import { refreshTeamMemories } from "../lib/team/sync.ts";
import { createLogger } from "../lib/log.ts";
import { homePaths } from "../lib/paths.ts";
import { openDefaultVault, resolveProject } from "../lib/vault/mod.ts";
import { promptRecall, renderPromptRecall } from "../lib/recall/prompt_recall.ts";

/** Build the `hook` command and its two handlers. */
export function hookCommand(deps: Deps): Command {
  const hook = new Command("hook").description(
    "Editor hook handlers (read the hook JSON on stdin; never fail the editor)",
  );
  hook.command("session-start")
    .description("SessionStart (Claude Code, Gemini CLI): add the project's context")
    .option("--max-tokens <n>", "budget", "1500")
    .option("--text", "print plain text instead of hook JSON")
    .action((flags: { maxTokens: string; text?: boolean }) =>
      guarded(deps, "session-start", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        const cwd = payload.cwd && existsSync(payload.cwd) ? payload.cwd : deps.cwd;
        const local = { ...deps, cwd };
        const project = resolveProject(local);
        const root = repoRoot(cwd);
        using vault = openDefaultVault(local, { project });
        if (root) refreshTeamMemories(vault, root, { project, now: deps.now() });
        const seen = new Set<string>();
        const result = buildContext(vault, {
          project,
          ...(root ? { repoRoot: root } : {}),
          maxTokens: Number(flags.maxTokens) || 1500,
          delta: true,
          seen,
          now: deps.now(),
        });
        if (payload.session_id) saveSeen(deps.home, payload.session_id, seen);
        if (result.memories.length === 0) return;
        deps.io.out(
          flags.text
            ? result.text
            : hookOutput(payload.hook_event_name ?? "SessionStart", result.text) + "\n",
        );
      })
    );
  hook.command("file-context")
    .description("PreToolUse / AfterTool on file tools: add memories anchored to that file")
    .option("--max-tokens <n>", "budget", "800")
    .action((flags: { maxTokens: string }) =>
      guarded(deps, "file-context", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        const file = hookFile(payload);
        if (!file) return;
        const cwd = payload.cwd && existsSync(payload.cwd) ? payload.cwd : deps.cwd;
        const local = { ...deps, cwd };
        const project = resolveProject(local);
        const root = repoRoot(cwd);
        const seen = payload.session_id
          ? loadSeen(deps.home, payload.session_id)
          : new Set<string>();
        using vault = openDefaultVault(local, { project });
        if (root) refreshTeamMemories(vault, root, { project, now: deps.now() });
        const result = buildContext(vault, {
          project,
          files: [file],
          ...(root ? { repoRoot: root } : {}),
          maxTokens: Number(flags.maxTokens) || 800,
          anchoredOnly: true,
          delta: true,
          seen,
          now: deps.now(),
        });
        if (result.memories.length === 0) return;
        if (payload.session_id) saveSeen(deps.home, payload.session_id, seen);
        deps.io.out(hookOutput(payload.hook_event_name ?? "PreToolUse", result.text) + "\n");
      })
    );
  hook.command("prompt")
    .description(
      "UserPromptSubmit (Claude Code) / BeforeAgent (Gemini CLI): add memories relevant to the prompt",
    )
    .action(() =>
      guarded(deps, "prompt", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        const prompt = typeof payload.prompt === "string" ? payload.prompt : "";
        if (prompt.trim() === "") return;
        const cwd = payload.cwd && existsSync(payload.cwd) ? payload.cwd : deps.cwd;
        const local = { ...deps, cwd };
        const project = resolveProject(local);
        const seen = payload.session_id
          ? loadSeen(deps.home, payload.session_id)
          : new Set<string>();
        using vault = openDefaultVault(local, { project });
        const memories = promptRecall(vault, prompt, { project, seen });
        if (memories.length === 0) return;
        if (payload.session_id) saveSeen(deps.home, payload.session_id, seen);
        deps.io.out(
          hookOutput(payload.hook_event_name ?? "UserPromptSubmit", renderPromptRecall(memories)) +
            "\n",
        );
      })
    );
  return hook;
}

/** Run a handler so that nothing it does can fail the editor: errors are logged, exit 0. */
async function guarded(deps: Deps, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    if (!existsSync(homePaths(deps.home).vault)) return; // korva not initialised: stay silent
    await fn();
  } catch (error) {
    createLogger(deps.home, "hooks", deps.now).error(`hook ${name} failed: ${messageOf(error)}`);
  }
  deps.status.exitCode = 0;
}

function seenFile(home: string, sessionId: string): string {
  return join(homePaths(home).run, `hook-seen-${sessionId.replace(/[^A-Za-z0-9_-]/g, "_")}.json`);
}

function loadSeen(home: string, sessionId: string): Set<string> {
  try {
    return new Set(JSON.parse(readFileSync(seenFile(home, sessionId), "utf8")) as string[]);
  } catch {
    return new Set();
  }
}

function saveSeen(home: string, sessionId: string, seen: Set<string>): void {
  mkdirSync(homePaths(home).run, { recursive: true });
  writeFileSync(seenFile(home, sessionId), JSON.stringify([...seen]));
}
