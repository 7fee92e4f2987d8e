// `korva share`: share memories with the team through the repository.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `share` command. */
export function shareCommand(_deps: Deps): Command {
  return new Command("share")
    .description("Share memories with the team through the repository")
    .action(() => {
      throw usageError('"korva share" is not built yet');
    });
}
