// `korva context`: show the memories relevant to files or a task.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `context` command. */
export function contextCommand(_deps: Deps): Command {
  return new Command("context")
    .description("Show the memories relevant to files or a task")
    .action(() => {
      throw usageError('"korva context" is not built yet');
    });
}
