// The hook events that read the vault (commands/hook_events.ts loads this module only for
// them): session-start, file-context, prompt, the stop nudge and session-end. They import the
// memory layer's operation files, not its barrel, so a hook loads only what it runs (issue 19).
import type { Deps } from "../lib/deps.ts";
import { importLazily } from "../lib/lazy_import.ts";
import { existsSync } from "../lib/fs_sync.ts";
import { join } from "../lib/posix_path.ts";
import { candidateQuestion } from "../lib/capture/ask.ts";
import { dueNudge } from "../lib/capture/moments.ts";
import { isEditTool } from "../lib/capture/nudge.ts";
import { knownRepo, rememberRepo } from "../lib/capture/repo_cache.ts";
import { recordFileUse } from "../lib/capture/session_log.ts";
import { dequeue, queuedSessionEnds } from "../lib/capture/summary_queue.ts";
import { normalizeFile } from "../lib/discovery/context.ts";
import {
  clineOutput,
  cursorOutput,
  hookFiles,
  hookOutput,
  type HookPayload,
  userPrompt,
} from "../lib/discovery/hooks.ts";
import { type Memories, openMemories } from "../lib/memory/memories.ts";
import { prepareGlobs } from "../lib/glob.ts";
import { readGlobCache, writeGlobCache } from "../lib/glob_cache.ts";
import { homePaths } from "../lib/paths.ts";
import { rankedContext } from "../lib/memory/ranked_context.ts";
import { refreshTeamIfChanged } from "../lib/memory/team_refresh.ts";
import { recordRecalls } from "../lib/memory/usage.ts";
import { createRepoContext, type RepoContext } from "../lib/memory/repo_context_core.ts";
import type { ProjectConfig } from "../lib/project_config.ts";
import { cachedConfig } from "../lib/config_cache.ts";
import { cachedProjectConfig } from "../lib/project_config_cache.ts";
import {
  HOOK_ORIGIN,
  type HookFlags,
  loadSeen,
  payloadCwd,
  runDir,
  saveSeen,
} from "./hook_events.ts";

/** Hooks that read count what they serve in the recall journal, not the vault (see usage.ts). */
const JOURNAL = { journalRecalls: true };

/** SessionStart: the project's context, the repository's missing git hooks, a due nudge. */
export async function sessionStart(
  deps: Deps,
  payload: HookPayload,
  flags: HookFlags,
): Promise<void> {
  const ctx = await hookContext(deps, payload);
  using memories = await hookMemories(ctx);
  const seen = new Set<string>();
  await refreshTeamIfChanged(memories);
  const context = await projectContext(deps, payload, memories, seen, Number(flags.maxTokens));
  if (payload.session_id) saveSeen(deps.home, payload.session_id, seen);
  // After a compaction (PreCompact cannot add context), the session's nudge comes here.
  const nudge = payload.source === "compact" && payload.session_id
    ? dueNudge(runDir(deps), payload.session_id, () => openMemories(ctx, HOOK_ORIGIN, JOURNAL))
    : undefined;
  const text = [context, nudge ?? ""].filter((part) => part !== "").join("\n\n");
  if (text === "") return;
  deps.io.out(flags.text ? text : contextAnswer(deps, payload, "SessionStart", text) + "\n");
}

/**
 * What a session starts with: the repository's missing git hooks and the project's memories (at
 * most `maxTokens`, default 1500), those shown added to `seen`; "" for nothing.
 */
async function projectContext(
  deps: Deps,
  payload: HookPayload,
  memories: Memories,
  seen: Set<string>,
  maxTokens: number,
): Promise<string> {
  const result = rankedContext(memories, { maxTokens: maxTokens || 1500, delta: true, seen });
  // The git hooks are checked (and their module loaded) only where there are team rules.
  const root = memories.ctx.root();
  const unchecked = root && existsSync(join(root, ".korva", "rules"))
    ? (await importLazily<typeof import("../lib/sentinel/missing_hooks.ts")>(
      import.meta.url,
      "../lib/sentinel/missing_hooks.ts",
    )).missingHooks(payloadCwd(deps, payload), deps.self, { root })
    : undefined;
  return [
    unchecked ? `korva: ${unchecked.message}: run \`${unchecked.fix}\`.` : "",
    result.memories.length > 0 ? result.text : "",
  ].filter((part) => part !== "").join("\n\n");
}

/**
 * The JSON that adds `context` in the editor that sent `payload`: Cursor's or Cline's own shape
 * when it carries `cursor_version` or `cline_version`, else the `hookSpecificOutput` of Claude
 * Code's hooks, repeated at the top level for GitHub Copilot CLI (which sets COPILOT_CLI=1 for its
 * hooks and reads only that).
 */
function contextAnswer(deps: Deps, payload: HookPayload, event: string, context: string): string {
  if (payload.cursor_version !== undefined) return cursorOutput(context);
  if (payload.cline_version !== undefined) return clineOutput(context);
  return hookOutput(payload.hook_event_name ?? event, context, {
    topLevel: deps.env("COPILOT_CLI") === "1",
  });
}

/** PreToolUse / AfterTool on a file: memories anchored to it, and a candidate's question. */
export async function fileContext(
  deps: Deps,
  payload: HookPayload,
  flags: HookFlags,
): Promise<void> {
  const files = hookFiles(payload);
  if (files.length === 0) return;
  const ctx = await hookContext(deps, payload);
  const root = ctx.root();
  if (payload.session_id) {
    for (const file of files) {
      recordFileUse(runDir(deps), payload.session_id, {
        at: deps.now().toISOString(),
        file: normalizeFile(file, root),
        edit: isEditTool(payload.tool_name),
        root: root ?? null,
      });
    }
  }
  // Cline passes on no session-start hook's answer: a task's first file hook brings the
  // project's context too.
  const stored = payload.session_id ? loadSeen(deps.home, payload.session_id) : undefined;
  const opening = payload.cline_version !== undefined && payload.session_id !== undefined &&
    stored === undefined;
  const seen = stored ?? new Set<string>();
  using memories = await hookMemories(ctx);
  await refreshTeamIfChanged(memories);
  const start = opening ? await projectContext(deps, payload, memories, seen, 0) : "";
  const result = rankedContext(memories, {
    files,
    maxTokens: Number(flags.maxTokens) || 800,
    anchoredOnly: true,
    delta: true,
    seen,
  });
  const ask = candidateQuestion(memories, normalizeFile(files[0]!, root), seen);
  const text = [start, result.memories.length > 0 ? result.text : "", ask ?? ""]
    .filter((part) => part !== "").join("\n\n");
  if (payload.session_id && (text !== "" || opening)) saveSeen(deps.home, payload.session_id, seen);
  if (text === "") return;
  deps.io.out(contextAnswer(deps, payload, "PreToolUse", text) + "\n");
}

/** UserPromptSubmit / BeforeAgent: memories the prompt recalls. */
export async function prompt(deps: Deps, payload: HookPayload, flags: HookFlags): Promise<void> {
  const prompt = userPrompt(payload);
  if (prompt === "") return;
  const seen = (payload.session_id ? loadSeen(deps.home, payload.session_id) : undefined) ??
    new Set<string>();
  using memories = await hookMemories(await hookContext(deps, payload, { semantics: true }));
  // Loaded here: the recall tables are not needed by the file hooks.
  const { promptRecall, renderPromptRecall } = await importLazily<
    typeof import("../lib/recall/prompt_recall.ts")
  >(import.meta.url, "../lib/recall/prompt_recall.ts");
  const found = promptRecall(memories.vault, prompt, {
    project: memories.ctx.project(),
    seen,
  });
  if (found.length === 0) return;
  recordRecalls(memories, found.map((memory) => memory.id));
  if (payload.session_id) saveSeen(deps.home, payload.session_id, seen);
  const context = renderPromptRecall(found);
  deps.io.out(
    (flags.text ? context : contextAnswer(deps, payload, "UserPromptSubmit", context)) + "\n",
  );
}

/** The stop nudge of a session, when due (the caller has checked that it may be). */
export async function stopNudge(
  deps: Deps,
  payload: HookPayload,
  sessionId: string,
): Promise<string | undefined> {
  const ctx = await hookContext(deps, payload);
  return dueNudge(runDir(deps), sessionId, () => openMemories(ctx, HOOK_ORIGIN, JOURNAL));
}

/** SessionEnd with --wait: one summary memory of what the session edited and saved. */
export async function sessionEnd(
  deps: Deps,
  payload: HookPayload,
  sessionId: string,
): Promise<void> {
  const ctx = await hookContext(deps, payload, { redactor: true });
  // Loaded here: a summary is a save, and the save path is not needed by the other hooks.
  const { summarizeSession } = await importLazily<
    typeof import("../lib/capture/session_summary.ts")
  >(import.meta.url, "../lib/capture/session_summary.ts");
  // No vector now: semantic recall adds it from the backlog (its tables cost ~50 ms to load).
  summarizeSession(
    runDir(deps),
    sessionId,
    () => openMemories(ctx, HOOK_ORIGIN, { vectors: false }),
    "editor",
  );
}

/** The detached writer: the summary of every queued session end, each queued entry once. */
export async function drainSessionEnds(deps: Deps): Promise<void> {
  let failed: unknown;
  for (const { path, end } of queuedSessionEnds(runDir(deps))) {
    try {
      const payload = { session_id: end.session_id, ...(end.cwd ? { cwd: end.cwd } : {}) };
      await sessionEnd(deps, payload, end.session_id);
    } catch (error) {
      failed ??= error; // logged by the caller; the other sessions are still written
    } finally {
      dequeue(path);
    }
  }
  if (failed !== undefined) throw failed;
}

/**
 * The vault for a hook that reads anchors, with the glob compiler loaded if they need it; the
 * globs the hook compiled are kept for the next one when it closes the vault.
 */
async function hookMemories(ctx: RepoContext): Promise<Memories> {
  const memories = openMemories(ctx, HOOK_ORIGIN, JOURNAL);
  const globCache = homePaths(ctx.deps.home).cache;
  try {
    readGlobCache(globCache);
    await prepareGlobs(memories.vault.globAnchors());
  } catch (error) {
    memories.close();
    throw error;
  }
  const close = () => {
    writeGlobCache(globCache);
    memories.close();
  };
  return { ...memories, close, [Symbol.dispose]: close };
}

/**
 * The payload's repository context. Within a session the root and project found by the first
 * hook are reused (see lib/capture/repo_cache.ts), so later hooks do not spawn git for them;
 * `.korva/config.yml` comes through its cache (lib/project_config_cache.ts).
 */
async function hookContext(
  deps: Deps,
  payload: HookPayload,
  options: { redactor?: boolean; semantics?: boolean } = {},
): Promise<RepoContext> {
  // The detector catalogue loads only for a hook that writes memories (session-end); the team
  // refresh of the others builds its own when it runs (lib/memory/team_refresh.ts).
  const redaction = options.redactor
    ? await importLazily<typeof import("../lib/privacy/redact.ts")>(
      import.meta.url,
      "../lib/privacy/redact.ts",
    )
    : undefined;
  // Semantic recall's tables and code load only for the hook that searches (prompt).
  const recall = options.semantics
    ? await importLazily<typeof import("../lib/recall/mod.ts")>(
      import.meta.url,
      "../lib/recall/mod.ts",
    )
    : undefined;
  const cwd = payloadCwd(deps, payload);
  const session = payload.session_id;
  const known = session ? knownRepo(runDir(deps), deps.home, session, cwd) : undefined;
  let loaded: { config: ProjectConfig | undefined } | { error: unknown } | undefined;
  const ctx = createRepoContext(deps, { cwd, ...(known ? { known } : {}) }, {
    config: await cachedConfig(deps.home),
    projectConfig: () => {
      if (!loaded) throw new Error("the project config was read before it was loaded");
      // An invalid file fails the hook where reading it did before: when a getter needs it.
      if ("error" in loaded) throw loaded.error;
      return loaded.config;
    },
    createRedactor: (privacy) => {
      if (!redaction) throw new Error("the redactor was needed before it was loaded");
      return redaction.createRedactor(privacy);
    },
    ...(recall
      ? {
        semantics: (abbreviations: Record<string, string> | undefined) =>
          recall.lazySemantics(abbreviations ? { abbreviations } : {}),
      }
      : {}),
  });
  const root = ctx.root();
  try {
    loaded = { config: root ? await cachedProjectConfig(deps.home, root) : undefined };
  } catch (error) {
    loaded = { error };
  }
  if (session && !known && root) {
    rememberRepo(runDir(deps), deps.home, session, cwd, { root, project: ctx.project() });
  }
  return ctx;
}
