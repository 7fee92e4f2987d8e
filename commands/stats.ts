// `korva stats`: show vault statistics.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `stats` command. */
export function statsCommand(_deps: Deps): Command {
  return new Command("stats")
    .description("Show vault statistics")
    .action(() => {
      throw usageError('"korva stats" is not built yet');
    });
}
