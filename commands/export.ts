// `korva export`: export memories as jsonl or markdown.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `export` command. */
export function exportCommand(_deps: Deps): Command {
  return new Command("export")
    .description("Export memories as JSONL or Markdown")
    .action(() => {
      throw usageError('"korva export" is not built yet');
    });
}
