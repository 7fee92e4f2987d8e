// `korva hook session-start|file-context|prompt|stop|session-end`: editor hook handlers. They read the editor's JSON on
// stdin, answer in its format, stay silent when nothing is relevant, and never fail the editor's
// action: any internal error exits 0 with nothing printed and is logged to $KORVA_HOME/logs.
import { Command } from "commander";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Deps } from "../lib/deps.ts";
import { dueNudge, stopAnswer, summarizeSession } from "../lib/capture/moments.ts";
import { isEditTool } from "../lib/capture/nudge.ts";
import { candidateQuestion } from "../lib/capture/ask.ts";
import { draftFromHead } from "../lib/capture/post_commit.ts";
import { recordFileUse } from "../lib/capture/session_log.ts";
import { normalizeFile } from "../lib/discovery/context.ts";
import { hookFile, hookOutput, parseHookPayload, sessionFileStem } from "../lib/discovery/hooks.ts";
import { messageOf } from "../lib/errors.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "../lib/file_modes.ts";
import { createLogger } from "../lib/log.ts";
import { homePaths } from "../lib/paths.ts";
import { memoryContext, openMemories, resolveRepoContext } from "../lib/memory/mod.ts";
import { promptRecall, renderPromptRecall } from "../lib/recall/prompt_recall.ts";
import { missingHooks } from "../lib/sentinel/repo_hooks.ts";
import { registerEditGate } from "./hook_edit_gate.ts";

/** Build the `hook` command and its two handlers. */
export function hookCommand(deps: Deps): Command {
  const run = homePaths(deps.home).run;
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
        const ctx = resolveRepoContext(deps, { cwd });
        using memories = openMemories(ctx, HOOK_ORIGIN);
        const seen = new Set<string>();
        const result = memoryContext(memories, {
          maxTokens: Number(flags.maxTokens) || 1500,
          delta: true,
          seen,
          refresh: true,
        });
        if (payload.session_id) saveSeen(deps.home, payload.session_id, seen);
        // After a compaction (PreCompact cannot add context), the session's nudge comes here.
        const nudge = payload.source === "compact" && payload.session_id
          ? dueNudge(run, payload.session_id, () => openMemories(ctx, HOOK_ORIGIN))
          : undefined;
        const unchecked = missingHooks(cwd, deps.self);
        const text = [
          unchecked ? `korva: ${unchecked.message}: run \`${unchecked.fix}\`.` : "",
          result.memories.length > 0 ? result.text : "",
          nudge ?? "",
        ].filter((part) => part !== "").join("\n\n");
        if (text === "") return;
        deps.io.out(
          flags.text ? text : hookOutput(payload.hook_event_name ?? "SessionStart", text) + "\n",
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
        const ctx = resolveRepoContext(deps, { cwd });
        if (payload.session_id) {
          const root = ctx.root();
          recordFileUse(run, payload.session_id, {
            at: deps.now().toISOString(),
            file: normalizeFile(file, root),
            edit: isEditTool(payload.tool_name),
            root: root ?? null,
          });
        }
        const seen = payload.session_id
          ? loadSeen(deps.home, payload.session_id)
          : new Set<string>();
        using memories = openMemories(ctx, HOOK_ORIGIN);
        const result = memoryContext(memories, {
          files: [file],
          maxTokens: Number(flags.maxTokens) || 800,
          anchoredOnly: true,
          delta: true,
          seen,
          refresh: true,
        });
        const ask = candidateQuestion(memories, normalizeFile(file, ctx.root()), seen);
        const text = [result.memories.length > 0 ? result.text : "", ask ?? ""]
          .filter((part) => part !== "").join("\n\n");
        if (text === "") return;
        if (payload.session_id) saveSeen(deps.home, payload.session_id, seen);
        deps.io.out(hookOutput(payload.hook_event_name ?? "PreToolUse", text) + "\n");
      })
    );
  hook.command("prompt")
    .description(
      "UserPromptSubmit (Claude Code) / BeforeAgent (Gemini CLI): add memories relevant to the prompt",
    )
    .action(() =>
      guarded(deps, "prompt", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        const prompt = payload.prompt ?? "";
        if (prompt.trim() === "") return;
        const cwd = payload.cwd && existsSync(payload.cwd) ? payload.cwd : deps.cwd;
        const seen = payload.session_id
          ? loadSeen(deps.home, payload.session_id)
          : new Set<string>();
        using memories = openMemories(resolveRepoContext(deps, { cwd }), HOOK_ORIGIN);
        const found = promptRecall(memories.vault, prompt, {
          project: memories.ctx.project(),
          seen,
        });
        if (found.length === 0) return;
        if (payload.session_id) saveSeen(deps.home, payload.session_id, seen);
        deps.io.out(
          hookOutput(payload.hook_event_name ?? "UserPromptSubmit", renderPromptRecall(found)) +
            "\n",
        );
      })
    );
  hook.command("stop")
    .description(
      "Stop / SubagentStop (Claude Code), AfterAgent (Gemini CLI): once per session, nudge to " +
        "save what was learned when code was edited and nothing was saved",
    )
    .action(() =>
      guarded(deps, "stop", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        const event = payload.hook_event_name ?? "Stop";
        if (!payload.session_id || payload.stop_hook_active === true) return;
        const cwd = payload.cwd && existsSync(payload.cwd) ? payload.cwd : deps.cwd;
        const ctx = resolveRepoContext(deps, { cwd });
        if (stopAnswer(event, "") === undefined) return;
        const nudge = dueNudge(run, payload.session_id, () => openMemories(ctx, HOOK_ORIGIN));
        const answer = nudge === undefined ? undefined : stopAnswer(event, nudge);
        if (answer) deps.io.out(answer + "\n");
      })
    );
  hook.command("post-commit")
    .description(
      "git post-commit: draft a candidate from a commit that fixes a race, data loss, a " +
        "security or an outage problem, for the next session to ask why",
    )
    .action(() =>
      guarded(deps, "post-commit", () => {
        const ctx = resolveRepoContext(deps);
        const root = ctx.root();
        if (!root) return Promise.resolve();
        using memories = openMemories(ctx, { client: "git", person: false });
        const drafted = draftFromHead(memories, root);
        if (drafted?.added) {
          deps.io.err(
            `korva: ${drafted.sha.slice(0, 7)} looks like a ${drafted.topics.join("/")} fix; ` +
              "the next session that opens its files will ask why\n",
          );
        }
        return Promise.resolve();
      })
    );
  hook.command("session-end")
    .description("SessionEnd: record one summary of what the session edited and saved")
    .action(() =>
      guarded(deps, "session-end", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        if (!payload.session_id) return;
        const cwd = payload.cwd && existsSync(payload.cwd) ? payload.cwd : deps.cwd;
        const ctx = resolveRepoContext(deps, { cwd });
        summarizeSession(run, payload.session_id, () => openMemories(ctx, HOOK_ORIGIN), "editor");
      })
    );
  registerEditGate(hook, deps);
  return hook;
}

/** Hooks write only team files they import; nothing they record is a person's word. */
const HOOK_ORIGIN = { client: "hook", person: false };

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
  return join(homePaths(home).run, `hook-seen-${sessionFileStem(sessionId)}.json`);
}

function loadSeen(home: string, sessionId: string): Set<string> {
  try {
    return new Set(JSON.parse(readFileSync(seenFile(home, sessionId), "utf8")) as string[]);
  } catch {
    return new Set();
  }
}

function saveSeen(home: string, sessionId: string, seen: Set<string>): void {
  ensurePrivateDir(homePaths(home).run);
  writeFileSync(seenFile(home, sessionId), JSON.stringify([...seen]), { mode: PRIVATE_FILE_MODE });
}
