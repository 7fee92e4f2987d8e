// `korva get`: show memories by id.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `get` command. */
export function getCommand(_deps: Deps): Command {
  return new Command("get")
    .description("Show memories by id")
    .action(() => {
      throw usageError('"korva get" is not built yet');
    });
}
