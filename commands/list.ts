// `korva list`: list recent memories.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `list` command. */
export function listCommand(_deps: Deps): Command {
  return new Command("list")
    .description("List recent memories")
    .action(() => {
      throw usageError('"korva list" is not built yet');
    });
}
