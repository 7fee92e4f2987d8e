// `korva hook`: editor hook handlers.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `hook` command. */
export function hookCommand(_deps: Deps): Command {
  return new Command("hook")
    .description("Editor hook handlers")
    .action(() => {
      throw usageError('"korva hook" is not built yet');
    });
}
