// What `korva hook <event>` does for the events an editor fires on every file read, write and
// stop. Kept apart from commander (commands/hook.ts wires the same functions) so main.ts can run
// them directly: these hooks' start-up is paid on every file an agent touches (issue 19). This
// table loads light modules only; the vault's events load commands/hook_memory.ts, the edit gate
// commands/edit_gate.ts, when they run, and a stop with no nudge due loads neither.
import { join } from "../lib/posix_path.ts";
import type { Deps } from "../lib/deps.ts";
import { stopAnswer } from "../lib/capture/nudge.ts";
import { nudgeMayBeDue } from "../lib/capture/session_log.ts";
import { queueSessionEnd } from "../lib/capture/summary_queue.ts";
import { spawnDetached } from "../lib/detached.ts";
import {
  hookFolder,
  type HookPayload,
  parseHookPayload,
  sessionFileStem,
} from "../lib/discovery/hooks.ts";
import { messageOf } from "../lib/errors.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "../lib/file_modes.ts";
import { existsSync, readFileSync, writeFileSync } from "../lib/fs_sync.ts";
import { createLogger } from "../lib/log.ts";
import { homePaths } from "../lib/paths.ts";
import { importLazily } from "../lib/lazy_import.ts";

/** Flags of the hook commands (defaults applied by each event). */
export interface HookFlags {
  maxTokens?: string | undefined;
  text?: boolean | undefined;
  /** session-end: write the summary before returning instead of queueing it. */
  wait?: boolean | undefined;
  /** session-end: write every queued summary (what the detached writer runs). */
  drain?: boolean | undefined;
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
        await (await importLazily<typeof import("./hook_memory.ts")>(
          import.meta.url,
          "./hook_memory.ts",
        )).sessionStart(deps, payload, flags);
      }),
  },
  "file-context": {
    valueFlags: ["--max-tokens"],
    booleanFlags: [],
    run: (deps, flags) =>
      guarded(deps, "file-context", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        await (await importLazily<typeof import("./hook_memory.ts")>(
          import.meta.url,
          "./hook_memory.ts",
        )).fileContext(deps, payload, flags);
      }),
  },
  "prompt": {
    valueFlags: [],
    booleanFlags: ["--text"],
    run: (deps, flags) =>
      guarded(deps, "prompt", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        await (await importLazily<typeof import("./hook_memory.ts")>(
          import.meta.url,
          "./hook_memory.ts",
        )).prompt(deps, payload, flags);
      }),
  },
  "stop": {
    valueFlags: [],
    booleanFlags: [],
    run: (deps) =>
      guarded(deps, "stop", async () => {
        const payload = parseHookPayload(await deps.io.readStdin());
        const event = payload.hook_event_name ?? "Stop";
        const session = payload.session_id;
        if (!session || payload.stop_hook_active === true) return;
        if (stopAnswer(event, "") === undefined) return;
        // Most stops: no edit yet, or already nudged; known from run/ files, without the vault.
        if (!nudgeMayBeDue(runDir(deps), session)) return;
        const nudge = await (await importLazily<typeof import("./hook_memory.ts")>(
          import.meta.url,
          "./hook_memory.ts",
        )).stopNudge(deps, payload, session);
        const answer = nudge === undefined ? undefined : stopAnswer(event, nudge);
        if (answer) deps.io.out(answer + "\n");
      }),
  },
  "edit-gate": {
    valueFlags: [],
    booleanFlags: [],
    // Runs without a vault (the sentinel needs none); loaded only for this event.
    run: async (deps) =>
      await (await importLazily<typeof import("./edit_gate.ts")>(import.meta.url, "./edit_gate.ts"))
        .runEditGate(deps),
  },
  "session-end": {
    valueFlags: [],
    booleanFlags: ["--wait", "--drain"],
    run: (deps, flags) =>
      guarded(deps, "session-end", async () => {
        const summaries = () =>
          importLazily<typeof import("./hook_memory.ts")>(import.meta.url, "./hook_memory.ts");
        if (flags.drain) return void await (await summaries()).drainSessionEnds(deps);
        const payload = parseHookPayload(await deps.io.readStdin());
        const session = payload.session_id;
        if (!session) return;
        if (flags.wait) return void await (await summaries()).sessionEnd(deps, payload, session);
        // The editor is exiting: queue the summary and leave it to a detached writer.
        if (!queueSessionEnd(runDir(deps), { session_id: session, cwd: payload.cwd })) return;
        if (!spawnDetached(deps.self, ["hook", "session-end", "--drain"])) {
          throw new Error("could not start the summary writer; the next session end retries");
        }
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

export function runDir(deps: Deps): string {
  return homePaths(deps.home).run;
}

/**
 * The payload's working directory (Cursor: its first workspace root) when it exists, else the
 * process's.
 */
export function payloadCwd(deps: Deps, payload: HookPayload): string {
  const folder = hookFolder(payload);
  return folder && existsSync(folder) ? folder : deps.cwd;
}

function seenFile(home: string, sessionId: string): string {
  return join(homePaths(home).run, `hook-seen-${sessionFileStem(sessionId)}.json`);
}

/** What earlier hooks of this session showed; undefined when none has recorded anything. */
export function loadSeen(home: string, sessionId: string): Set<string> | undefined {
  try {
    return new Set(JSON.parse(readFileSync(seenFile(home, sessionId), "utf8")) as string[]);
  } catch {
    return undefined;
  }
}

export function saveSeen(home: string, sessionId: string, seen: Set<string>): void {
  ensurePrivateDir(homePaths(home).run);
  writeFileSync(seenFile(home, sessionId), JSON.stringify([...seen]), { mode: PRIVATE_FILE_MODE });
}
