// korva's hook entries in an editor's settings.json (Claude Code's shape, which Gemini CLI's
// settings.json and Codex's hooks.json share): the handlers, and an install that replaces only
// korva's own entries.
import { removeCreated } from "./config_changes.ts";
import { getJson, parseJsonc, setJson } from "./edit.ts";
import type { FileChange, SetupContext } from "./target.ts";

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

export interface HookSpec {
  event: string;
  matcher?: string;
  handler: HookHandler;
  /** In the tool's own unit: seconds for Claude Code and Codex, milliseconds for Gemini CLI. */
  timeout: number;
}

const KORVA_HOOK = new RegExp(` hook (${HOOK_HANDLERS.join("|")})"`);
const isKorvaHook = (entry: unknown) => KORVA_HOOK.test(JSON.stringify(entry));

/** How a hook file lists an event's handlers. */
export type HookShape =
  /** Claude Code's (Gemini CLI's, Codex's): `{matcher, hooks: [{type, command, timeout}]}`. */
  | "nested"
  /** VS Code's own files, which GitHub Copilot CLI reads too: `{type, command, timeout}`. */
  | "flat"
  /** Cursor's: `{command}`, in a file that also says `"version": 1`. */
  | "cursor";

/** Hook entries in a JSON settings or hooks file, in the tool's shape (default "nested"). */
export function jsonHooks(
  path: string,
  ctx: SetupContext,
  specs: HookSpec[],
  options: { shape?: HookShape } = {},
): FileChange {
  const shape = options.shape ?? "nested";
  const wanted = (spec: HookSpec) => {
    const command = ctx.hookCommand(spec.handler);
    if (shape === "cursor") return { command };
    const handler = { type: "command", command, timeout: spec.timeout };
    if (shape === "flat") return handler;
    return { ...(spec.matcher ? { matcher: spec.matcher } : {}), hooks: [handler] };
  };
  // Cursor reads a hooks.json only with its version: korva writes one when there is none.
  const versioned = shape === "cursor";
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
      if (versioned && getJson(out, ["version"]) === undefined) {
        out = setJson(out, ["version"], 1);
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
    uninstall: (text, created) => {
      const out = removeCreated(stripOnly(text, specs), created);
      // A version korva wrote leaves with the last thing beside it.
      if (!created.some((path) => path.join() === "version")) return out;
      const rest = parseJsonc(out);
      const onlyVersion = typeof rest === "object" && rest !== null &&
        Object.keys(rest).join() === "version";
      return onlyVersion ? setJson(out, ["version"], undefined) : out;
    },
    containers: [
      ...(versioned ? [["version"]] : []),
      ["hooks"],
      ...specs.map((spec) => ["hooks", spec.event]),
    ],
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

export function stripOnly(text: string, specs: HookSpec[]): string {
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
