// `korva scan-vault`: re-check stored memories with the current detectors.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `scan-vault` command. */
export function scanVaultCommand(_deps: Deps): Command {
  return new Command("scan-vault")
    .description("Re-check stored memories with the current detectors")
    .action(() => {
      throw usageError('"korva scan-vault" is not built yet');
    });
}
