// `korva import`: import memories from jsonl.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `import` command. */
export function importCommand(_deps: Deps): Command {
  return new Command("import")
    .description("Import memories from JSONL")
    .action(() => {
      throw usageError('"korva import" is not built yet');
    });
}
