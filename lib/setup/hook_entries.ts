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

/**
 * Hook entries in a settings.json shaped like Claude Code's (and Gemini CLI's): each event a list
 * of `{matcher, hooks: [handler]}`. `flat` lists the handlers themselves, the shape of VS Code's
 * own hook files (no matchers), which GitHub Copilot CLI reads too.
 */
export function jsonHooks(
  path: string,
  ctx: SetupContext,
  specs: HookSpec[],
  options: { flat?: boolean } = {},
): FileChange {
  const wanted = (spec: HookSpec) => {
    const handler = {
      type: "command",
      command: ctx.hookCommand(spec.handler),
      timeout: spec.timeout,
    };
    if (options.flat) return handler;
    return { ...(spec.matcher ? { matcher: spec.matcher } : {}), hooks: [handler] };
  };
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
      for (const spec of specs) {
        const list = getJson(out, ["hooks", spec.event]);
        const index = Array.isArray(list) ? list.length : 0;
        out = Array.isArray(list)
          ? setJson(out, ["hooks", spec.event, index], wanted(spec))
          : setJson(out, ["hooks", spec.event], [wanted(spec)]);
      }
      return out ?? "{}\n";
    },
    uninstall: (text, created) => removeCreated(stripOnly(text, specs), created),
    containers: [["hooks"], ...specs.map((spec) => ["hooks", spec.event])],
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
