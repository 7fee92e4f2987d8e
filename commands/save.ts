// `korva save`: save a memory.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `save` command. */
export function saveCommand(_deps: Deps): Command {
  return new Command("save")
    .description("Save a memory")
    .action(() => {
      throw usageError('"korva save" is not built yet');
    });
}
