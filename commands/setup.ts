// `korva setup`: connect korva to your editors and agents.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `setup` command. */
export function setupCommand(_deps: Deps): Command {
  return new Command("setup")
    .description("Connect korva to your editors and agents")
    .action(() => {
      throw usageError('"korva setup" is not built yet');
    });
}
