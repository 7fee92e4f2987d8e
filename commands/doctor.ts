// `korva doctor`: check the installation and explain problems.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `doctor` command. */
export function doctorCommand(_deps: Deps): Command {
  return new Command("doctor")
    .description("Check the installation and explain problems")
    .action(() => {
      throw usageError('"korva doctor" is not built yet');
    });
}
