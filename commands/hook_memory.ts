// The hook events that read the vault (commands/hook_events.ts loads this module only for
// them): session-start, file-context, prompt, the stop nudge and session-end. They import the
// memory layer's operation files, not its barrel, so a hook loads only what it runs (issue 19).
import type { Deps } from "../lib/deps.ts";
import { candidateQuestion } from "../lib/capture/ask.ts";
import { dueNudge, summarizeSession } from "../lib/capture/moments.ts";
import { isEditTool } from "../lib/capture/nudge.ts";
import { knownRepo, rememberRepo } from "../lib/capture/repo_cache.ts";
import { recordFileUse } from "../lib/capture/session_log.ts";
import { normalizeFile } from "../lib/discovery/context.ts";
import { hookFile, hookOutput, type HookPayload } from "../lib/discovery/hooks.ts";
import { memoryContext } from "../lib/memory/context.ts";
import { openMemories } from "../lib/memory/memories.ts";
import { type RepoContext, resolveRepoContext } from "../lib/memory/repo_context.ts";
import { missingHooks } from "../lib/sentinel/repo_hooks.ts";
import {
  HOOK_ORIGIN,
  type HookFlags,
  loadSeen,
  payloadCwd,
  runDir,
  saveSeen,
} from "./hook_events.ts";

/** SessionStart: the project's context, the repository's missing git hooks, a due nudge. */
export function sessionStart(deps: Deps, payload: HookPayload, flags: HookFlags): void {
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
  const unchecked = missingHooks(payloadCwd(deps, payload), deps.self, { root: ctx.root() });
  const text = [
    unchecked ? `korva: ${unchecked.message}: run \`${unchecked.fix}\`.` : "",
    result.memories.length > 0 ? result.text : "",
    nudge ?? "",
  ].filter((part) => part !== "").join("\n\n");
  if (text === "") return;
  deps.io.out(
    flags.text ? text : hookOutput(payload.hook_event_name ?? "SessionStart", text) + "\n",
  );
}

/** PreToolUse / AfterTool on a file: memories anchored to it, and a candidate's question. */
export function fileContext(deps: Deps, payload: HookPayload, flags: HookFlags): void {
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
  const seen = payload.session_id ? loadSeen(deps.home, payload.session_id) : new Set<string>();
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
}

/** UserPromptSubmit / BeforeAgent: memories the prompt recalls. */
export async function prompt(deps: Deps, payload: HookPayload): Promise<void> {
  const prompt = payload.prompt ?? "";
  if (prompt.trim() === "") return;
  const seen = payload.session_id ? loadSeen(deps.home, payload.session_id) : new Set<string>();
  using memories = openMemories(hookContext(deps, payload), HOOK_ORIGIN);
  // Loaded here: the recall tables are not needed by the file hooks.
  const { promptRecall, renderPromptRecall } = await import("../lib/recall/prompt_recall.ts");
  const found = promptRecall(memories.vault, prompt, {
    project: memories.ctx.project(),
    seen,
  });
  if (found.length === 0) return;
  if (payload.session_id) saveSeen(deps.home, payload.session_id, seen);
  deps.io.out(
    hookOutput(payload.hook_event_name ?? "UserPromptSubmit", renderPromptRecall(found)) + "\n",
  );
}

/** The stop nudge of a session, when due (the caller has checked that it may be). */
export function stopNudge(deps: Deps, payload: HookPayload, sessionId: string): string | undefined {
  const ctx = hookContext(deps, payload);
  return dueNudge(runDir(deps), sessionId, () => openMemories(ctx, HOOK_ORIGIN));
}

/** SessionEnd: one summary memory of what the session edited and saved. */
export function sessionEnd(deps: Deps, payload: HookPayload, sessionId: string): void {
  const ctx = hookContext(deps, payload);
  summarizeSession(runDir(deps), sessionId, () => openMemories(ctx, HOOK_ORIGIN), "editor");
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
