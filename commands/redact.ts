// `korva redact`: redact secrets and pii from text.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `redact` command. */
export function redactCommand(_deps: Deps): Command {
  return new Command("redact")
    .description("Redact secrets and PII from text")
    .action(() => {
      throw usageError('"korva redact" is not built yet');
    });
}
