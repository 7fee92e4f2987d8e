// `korva forget`: archive or delete a memory.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `forget` command. */
export function forgetCommand(_deps: Deps): Command {
  return new Command("forget")
    .description("Archive or delete a memory")
    .action(() => {
      throw usageError('"korva forget" is not built yet');
    });
}
