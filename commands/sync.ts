// `korva sync`: sync team memories with the repository.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `sync` command. */
export function syncCommand(_deps: Deps): Command {
  return new Command("sync")
    .description("Sync team memories with the repository")
    .action(() => {
      throw usageError('"korva sync" is not built yet');
    });
}
