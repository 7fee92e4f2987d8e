// `korva supersede`: replace a memory with a new one.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `supersede` command. */
export function supersedeCommand(_deps: Deps): Command {
  return new Command("supersede")
    .description("Replace a memory with a new one")
    .action(() => {
      throw usageError('"korva supersede" is not built yet');
    });
}
