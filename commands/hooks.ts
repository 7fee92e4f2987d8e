// `korva hooks`: install or remove korva's git hooks.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `hooks` command. */
export function hooksCommand(_deps: Deps): Command {
  return new Command("hooks")
    .description("Install or remove korva's git hooks")
    .action(() => {
      throw usageError('"korva hooks" is not built yet');
    });
}
