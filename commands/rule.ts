// `korva rule`: draft sentinel rules.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `rule` command. */
export function ruleCommand(_deps: Deps): Command {
  return new Command("rule")
    .description("Draft sentinel rules")
    .action(() => {
      throw usageError('"korva rule" is not built yet');
    });
}
