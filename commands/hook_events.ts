// What `korva hook <event>` does for the events an editor fires on every file read and at each
// stop. Kept apart from commander (commands/hook.ts wires the same functions) so main.ts can run
// them directly: these hooks' start-up is paid on every file an agent touches (issue 19).
// They import the memory layer's operation files, not its barrel, for the same reason.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Deps } from "../lib/deps.ts";
import { candidateQuestion } from "../lib/capture/ask.ts";
import { dueNudge, stopAnswer, summarizeSession } from "../lib/capture/moments.ts";
import { isEditTool } from "../lib/capture/nudge.ts";
import { knownRepo, rememberRepo } from "../lib/capture/repo_cache.ts";
import { recordFileUse } from "../lib/capture/session_log.ts";
import { normalizeFile } from "../lib/discovery/context.ts";
import {
  hookFile,
  hookOutput,
  type HookPayload,
  parseHookPayload,
  sessionFileStem,
} from "../lib/discovery/hooks.ts";
import { messageOf } from "../lib/errors.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "../lib/file_modes.ts";
import { createLogger } from "../lib/log.ts";
import { homePaths } from "../lib/paths.ts";
import { memoryContext } from "../lib/memory/context.ts";
import { openMemories } from "../lib/memory/memories.ts";
import { recordRecalls } from "../lib/memory/usage.ts";
import { type RepoContext, resolveRepoContext } from "../lib/memory/repo_context.ts";
import { missingHooks } from "../lib/sentinel/repo_hooks.ts";

/** Flags of the hook commands (defaults applied by each event). */
export interface HookFlags {
  maxTokens?: string | undefined;
  text?: boolean | undefined;
}

/** A hook event: the flags it takes (value flags, then boolean ones) and what it does. */
export interface HookEvent {
  valueFlags: string[];
  booleanFlags: string[];
  run(deps: Deps, flags: HookFlags): Promise<void>;
}

/** Hooks write only team files they import; nothing they record is a person's word. */
export const HOOK_ORIGIN = { client: "hook", person: false };

/** The events main.ts may run without building the commander program. */
export const HOOK_EVENTS: Record<string, HookEvent> = {
  "session-start": {
    valueFlags: ["--max-tokens"],
    booleanFlags: ["--text"],
    run: (deps, flags) =>
      guarded(deps, "session-start", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        const ctx = hookContext(deps, payload);
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
          ? dueNudge(runDir(deps), payload.session_id, () => openMemories(ctx, HOOK_ORIGIN))
          : undefined;
        const unchecked = missingHooks(payloadCwd(deps, payload), deps.self);
        const text = [
          unchecked ? `korva: ${unchecked.message}: run \`${unchecked.fix}\`.` : "",
          result.memories.length > 0 ? result.text : "",
          nudge ?? "",
        ].filter((part) => part !== "").join("\n\n");
        if (text === "") return;
        deps.io.out(
          flags.text ? text : hookOutput(payload.hook_event_name ?? "SessionStart", text) + "\n",
        );
      }),
  },
  "file-context": {
    valueFlags: ["--max-tokens"],
    booleanFlags: [],
    run: (deps, flags) =>
      guarded(deps, "file-context", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        const file = hookFile(payload);
        if (!file) return;
        const ctx = hookContext(deps, payload);
        if (payload.session_id) {
          const root = ctx.root();
          recordFileUse(runDir(deps), payload.session_id, {
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
      }),
  },
  "prompt": {
    valueFlags: [],
    booleanFlags: [],
    run: (deps) =>
      guarded(deps, "prompt", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        const prompt = payload.prompt ?? "";
        if (prompt.trim() === "") return;
        const seen = payload.session_id
          ? loadSeen(deps.home, payload.session_id)
          : new Set<string>();
        using memories = openMemories(hookContext(deps, payload), HOOK_ORIGIN);
        // Loaded here: the recall tables are not needed by the file hooks.
        const { promptRecall, renderPromptRecall } = await import(
          "../lib/recall/prompt_recall.ts"
        );
        const found = promptRecall(memories.vault, prompt, {
          project: memories.ctx.project(),
          seen,
        });
        if (found.length === 0) return;
        recordRecalls(memories, found.map((memory) => memory.id));
        if (payload.session_id) saveSeen(deps.home, payload.session_id, seen);
        deps.io.out(
          hookOutput(payload.hook_event_name ?? "UserPromptSubmit", renderPromptRecall(found)) +
            "\n",
        );
      }),
  },
  "stop": {
    valueFlags: [],
    booleanFlags: [],
    run: (deps) =>
      guarded(deps, "stop", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        const event = payload.hook_event_name ?? "Stop";
        if (!payload.session_id || payload.stop_hook_active === true) return;
        if (stopAnswer(event, "") === undefined) return;
        const ctx = hookContext(deps, payload);
        const nudge = dueNudge(
          runDir(deps),
          payload.session_id,
          () => openMemories(ctx, HOOK_ORIGIN),
        );
        const answer = nudge === undefined ? undefined : stopAnswer(event, nudge);
        if (answer) deps.io.out(answer + "\n");
      }),
  },
  "session-end": {
    valueFlags: [],
    booleanFlags: [],
    run: (deps) =>
      guarded(deps, "session-end", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        if (!payload.session_id) return;
        const ctx = hookContext(deps, payload);
        summarizeSession(
          runDir(deps),
          payload.session_id,
          () => openMemories(ctx, HOOK_ORIGIN),
          "editor",
        );
      }),
  },
};

/** Run a handler so that nothing it does can fail the editor: errors are logged, exit 0. */
export async function guarded(deps: Deps, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    if (!existsSync(homePaths(deps.home).vault)) return; // korva not initialised: stay silent
    await fn();
  } catch (error) {
    createLogger(deps.home, "hooks", deps.now).error(`hook ${name} failed: ${messageOf(error)}`);
  }
  deps.status.exitCode = 0;
}

function runDir(deps: Deps): string {
  return homePaths(deps.home).run;
}

/**
 * The payload's repository context. Within a session the root and project found by the first
 * hook are reused (see lib/capture/repo_cache.ts), so later hooks do not spawn git for them.
 */
function hookContext(deps: Deps, payload: HookPayload): RepoContext {
  const cwd = payloadCwd(deps, payload);
  const session = payload.session_id;
  if (!session) return resolveRepoContext(deps, { cwd });
  const known = knownRepo(runDir(deps), deps.home, session, cwd);
  if (known) return resolveRepoContext(deps, { cwd, known });
  const ctx = resolveRepoContext(deps, { cwd });
  const root = ctx.root();
  if (root) rememberRepo(runDir(deps), deps.home, session, cwd, { root, project: ctx.project() });
  return ctx;
}

/** The payload's working directory when it exists, else the process's. */
function payloadCwd(deps: Deps, payload: HookPayload): string {
  return payload.cwd && existsSync(payload.cwd) ? payload.cwd : deps.cwd;
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
