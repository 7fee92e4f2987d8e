// `korva init`: create korva_home, the vault and the config.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `init` command. */
export function initCommand(_deps: Deps): Command {
  return new Command("init")
    .description("Create KORVA_HOME, the vault and the config")
    .action(() => {
      throw usageError('"korva init" is not built yet');
    });
}
