// `korva hook edit-gate` for commander (the fast path in commands/hook_events.ts runs the same
// gate, commands/edit_gate.ts, without commander).
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { runEditGate } from "./edit_gate.ts";

/** A `hook` command holding only `edit-gate` (what `korva hook edit-gate` loads). */
export function editGateHookCommand(deps: Deps): Command {
  const hook = new Command("hook").description("Editor hook handlers");
  registerEditGate(hook, deps);
  return hook;
}

/** Add `edit-gate` to the `hook` command. */
export function registerEditGate(hook: Command, deps: Deps): void {
  hook.command("edit-gate")
    .description("PreToolUse / BeforeTool on write tools: deny or ask when an edit breaks a rule")
    .action(() => runEditGate(deps));
}
