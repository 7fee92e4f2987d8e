// `korva unshare`: stop sharing a memory.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `unshare` command. */
export function unshareCommand(_deps: Deps): Command {
  return new Command("unshare")
    .description("Stop sharing a memory")
    .action(() => {
      throw usageError('"korva unshare" is not built yet');
    });
}
