// `korva sentinel`: check changes against sentinel rules.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `sentinel` command. */
export function sentinelCommand(_deps: Deps): Command {
  return new Command("sentinel")
    .description("Check changes against sentinel rules")
    .action(() => {
      throw usageError('"korva sentinel" is not built yet');
    });
}
