// Kiro's hooks: a user-level hook file korva owns whole, running `korva hook session-start` and
// `korva hook prompt`, whose plain-text answers Kiro gives the agent.
import { ownedFile } from "./config_changes.ts";
import type { FileChange, SetupContext } from "./target.ts";

/**
 * The hook file's text. Kiro loads ~/.kiro/hooks/*.json in every workspace (IDE 1.0.182, CLI
 * 2.13.0): the v1 schema, a list of named hooks with PascalCase triggers, timeouts in seconds. It
 * gives the agent a SessionStart or UserPromptSubmit command's stdout as plain text (exit 0), so
 * the handlers answer with --text.
 */
export function kiroHooksText(ctx: SetupContext): string {
  const hook = (
    name: string,
    trigger: string,
    handler: "session-start" | "prompt",
    description: string,
  ) => ({
    name,
    description,
    trigger,
    action: { type: "command", command: `${ctx.hookCommand(handler)} --text` },
    timeout: 10,
    enabled: true,
  });
  const hooks = [
    hook(
      "korva-session-start",
      "SessionStart",
      "session-start",
      "korva: the project's team memory",
    ),
    hook(
      "korva-prompt",
      "UserPromptSubmit",
      "prompt",
      "korva: team memories relevant to the prompt",
    ),
  ];
  return JSON.stringify({ version: "v1", hooks }, null, 2) + "\n";
}

/** The hook file at `path`, which korva owns whole (config_changes.ts ownedFile). */
export function kiroHooks(path: string, ctx: SetupContext): FileChange {
  return ownedFile(path, {
    part: "hook file",
    format: "json",
    text: kiroHooksText(ctx),
    mine: (text) => text.includes('"name": "korva-prompt"'),
  });
}
