// Editor hook payloads (Claude Code, Gemini CLI, Cline …) in, additional context out. Pure
// functions; the command does the I/O and guarantees a hook never fails the editor's action.
import { sha256Hex } from "../sha256.ts";

/**
 * The fields korva reads from a hook payload; everything else is kept as it came. Checked with
 * plain type tests, not zod: hooks run on every file an agent touches (issue 19).
 */
export interface HookPayload {
  hook_event_name?: string;
  session_id?: string;
  cwd?: string;
  tool_name?: string;
  tool_input?: Record<string, unknown>;
  /** The user's prompt (Claude Code UserPromptSubmit, Gemini CLI BeforeAgent). */
  prompt?: string;
  /** SessionStart: startup, resume, clear or compact. */
  source?: string;
  /** Stop, SubagentStop, AfterAgent: true when this stop follows a hook's own continuation. */
  stop_hook_active?: boolean;
  /** Set by Cursor, which reads its own answer shape (cursorOutput). */
  cursor_version?: string;
  /** Cursor's and Cline's open folders (they send no cwd). */
  workspace_roots?: unknown;
  /** Set for a Cline payload (see fromCline), which reads its own answer shape (clineOutput). */
  cline_version?: string;
  [key: string]: unknown;
}

const STRING_FIELDS = [
  "hook_event_name",
  "session_id",
  "cwd",
  "tool_name",
  "prompt",
  "source",
  "cursor_version",
  "cline_version",
] as const;

/** Tool-input keys that carry the file a tool touches, across Claude Code and Gemini CLI tools. */
const FILE_KEYS = ["file_path", "absolute_path", "path", "notebook_path", "filePath"] as const;

/** Parse stdin; an empty or invalid payload gives an empty object (hooks never fail). */
export function parseHookPayload(text: string): HookPayload {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (isRecord(value) && typeof value.clineVersion === "string") value = fromCline(value);
  return isHookPayload(value) ? value : {};
}

/**
 * A Cline hook payload in korva's fields. Cline (CLI 3.0, VS Code extension 4.1) sends camelCase
 * fields: `clineVersion`, `taskId`, `workspaceRoots`, and for a tool call `tool_call: {name,
 * input}` (the CLI) or `preToolUse` / `postToolUse: {toolName, parameters}`, whose non-string
 * parameters are JSON text.
 */
function fromCline(value: Record<string, unknown>): Record<string, unknown> {
  const call: Record<string, unknown> = isRecord(value.tool_call) ? value.tool_call : {};
  const [event, use]: [unknown, Record<string, unknown>] = isRecord(value.preToolUse)
    ? ["PreToolUse", value.preToolUse]
    : isRecord(value.postToolUse)
    ? ["PostToolUse", value.postToolUse]
    : [value.hookName, {}];
  const parameters = isRecord(use.parameters)
    ? Object.fromEntries(Object.entries(use.parameters).map(([key, v]) => [key, jsonText(v)]))
    : {};
  const input = isRecord(call.input) ? call.input : parameters;
  const name = typeof call.name === "string" ? call.name : use.toolName;
  return {
    cline_version: value.clineVersion,
    ...(typeof value.taskId === "string" ? { session_id: value.taskId } : {}),
    ...(typeof event === "string" ? { hook_event_name: event } : {}),
    ...(typeof name === "string" ? { tool_name: name, tool_input: input } : {}),
    workspace_roots: value.workspaceRoots,
  };
}

/** A parameter Cline sent as JSON text (`"[{\"path\": …}]"`), parsed; anything else as it is. */
function jsonText(value: unknown): unknown {
  if (typeof value !== "string" || !/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** A JSON object whose known fields, when present, have their types (else none is trusted). */
function isHookPayload(value: unknown): value is HookPayload {
  if (!isRecord(value)) return false;
  if (STRING_FIELDS.some((key) => value[key] !== undefined && typeof value[key] !== "string")) {
    return false;
  }
  if (value.tool_input !== undefined && !isRecord(value.tool_input)) return false;
  return value.stop_hook_active === undefined || typeof value.stop_hook_active === "boolean";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The files a tool call is about to read or write: the first of its FILE_KEYS, else each `path`
 * of a `files` list (Cline's read_files).
 */
export function hookFiles(payload: HookPayload): string[] {
  const input = payload.tool_input ?? {};
  for (const key of FILE_KEYS) {
    const value = input[key];
    if (typeof value === "string" && value.trim() !== "") return [value];
  }
  const files = Array.isArray(input.files) ? input.files : [];
  return files.map((file) => isRecord(file) ? file.path : undefined)
    .filter((path): path is string => typeof path === "string" && path.trim() !== "");
}

/**
 * The JSON a hook prints: `hookSpecificOutput.additionalContext`, which Claude Code
 * (SessionStart, PreToolUse) and Gemini CLI (SessionStart, AfterTool) add to the model's
 * context. No decision field is set, so the tool call is never blocked. `topLevel` repeats the
 * context as a top-level `additionalContext`, the only one GitHub Copilot CLI reads (it ignores
 * `hookSpecificOutput`); other editors get it only when they ask, since VS Code reads both.
 */
export function hookOutput(
  event: string,
  context: string,
  options: { topLevel?: boolean } = {},
): string {
  return JSON.stringify({
    ...(options.topLevel ? { additionalContext: context } : {}),
    hookSpecificOutput: { hookEventName: event, additionalContext: context },
    suppressOutput: true,
  });
}

/**
 * What the user typed: the payload's prompt without the `<hook_context>…</hook_context>` blocks
 * Gemini CLI (0.61) puts before the first prompt of a session (what SessionStart hooks added).
 */
export function userPrompt(payload: HookPayload): string {
  return (payload.prompt ?? "").replace(/<hook_context>[\s\S]*?<\/hook_context>/g, "").trim();
}

/** The JSON a Cursor `sessionStart` hook prints: `additional_context` joins the conversation. */
export function cursorOutput(context: string): string {
  return JSON.stringify({ additional_context: context });
}

/**
 * The JSON a Cline hook prints: a tool hook's `contextModification` reaches the model as a
 * `<hook_context>` message after the tool's result; `cancel: false` lets the call run.
 */
export function clineOutput(context: string): string {
  return JSON.stringify({ cancel: false, contextModification: context });
}

/** The folder a hook is about: its `cwd`, else (Cursor, Cline) the first of its workspace roots. */
export function hookFolder(payload: HookPayload): string | undefined {
  if (payload.cwd) return payload.cwd;
  const roots = payload.workspace_roots;
  return Array.isArray(roots) && typeof roots[0] === "string" ? roots[0] : undefined;
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
