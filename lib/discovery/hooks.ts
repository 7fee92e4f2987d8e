// Editor hook payloads (Claude Code, Gemini CLI) in, additional context out. Pure functions; the
// command does the I/O and guarantees a hook never fails the editor's action.
import { sha256Hex } from "../sha256.ts";
import { z } from "zod";

/** The fields korva reads from a hook payload; everything else is ignored. */
export const HookPayload = z.object({
  hook_event_name: z.string().optional(),
  session_id: z.string().optional(),
  cwd: z.string().optional(),
  tool_name: z.string().optional(),
  tool_input: z.record(z.string(), z.unknown()).optional(),
  /** The user's prompt (Claude Code UserPromptSubmit, Gemini CLI BeforeAgent). */
  prompt: z.string().optional(),
  /** SessionStart: startup, resume, clear or compact. */
  source: z.string().optional(),
  /** Stop, SubagentStop, AfterAgent: true when this stop follows a hook's own continuation. */
  stop_hook_active: z.boolean().optional(),
}).passthrough();
export type HookPayload = z.infer<typeof HookPayload>;

/** Tool-input keys that carry the file a tool touches, across Claude Code and Gemini CLI tools. */
const FILE_KEYS = ["file_path", "absolute_path", "path", "notebook_path", "filePath"] as const;

/** Parse stdin; an empty or invalid payload gives an empty object (hooks never fail). */
export function parseHookPayload(text: string): HookPayload {
  if (text.trim() === "") return {};
  try {
    const parsed = HookPayload.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The file a tool call is about to read or write, if any. */
export function hookFile(payload: HookPayload): string | undefined {
  const input = payload.tool_input ?? {};
  for (const key of FILE_KEYS) {
    const value = input[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return undefined;
}

/**
 * The JSON a hook prints: `hookSpecificOutput.additionalContext`, which Claude Code
 * (SessionStart, PreToolUse) and Gemini CLI (SessionStart, AfterTool) add to the model's
 * context. No decision field is set, so the tool call is never blocked.
 */
export function hookOutput(event: string, context: string): string {
  return JSON.stringify({
    hookSpecificOutput: { hookEventName: event, additionalContext: context },
    suppressOutput: true,
  });
}

const SAFE_SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The part of a file name under `run/` that stands for a hook's `session_id`: the id itself when
 * it is a plain name ([A-Za-z0-9._-], at most 64 characters, no leading dot, no part longer than
 * a UUID's), else its SHA-256, so a hostile id can neither leave `run/` nor put a token-shaped
 * string (a secret pasted into the field) in a file name.
 */
export function sessionFileStem(sessionId: string): string {
  const plain = SAFE_SESSION_ID.test(sessionId) && !sessionId.includes("..") &&
    sessionId.split(/[._-]/).every((part) => part.length <= 16);
  if (plain) return sessionId;
  return "sha256-" + sha256Hex(sessionId).slice(0, 32);
}
