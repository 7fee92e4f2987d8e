// `korva update`: change a memory.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `update` command. */
export function updateCommand(_deps: Deps): Command {
  return new Command("update")
    .description("Change a memory")
    .action(() => {
      throw usageError('"korva update" is not built yet');
    });
}
