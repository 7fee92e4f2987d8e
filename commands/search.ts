// `korva search`: search memories.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `search` command. */
export function searchCommand(_deps: Deps): Command {
  return new Command("search")
    .description("Search memories")
    .action(() => {
      throw usageError('"korva search" is not built yet');
    });
}
