// `korva vault`: run the local vault service.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `vault` command. */
export function vaultCommand(_deps: Deps): Command {
  return new Command("vault")
    .description("Run the local vault service")
    .action(() => {
      throw usageError('"korva vault" is not built yet');
    });
}
