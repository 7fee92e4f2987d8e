// `korva forget ID`: archive a memory, or delete it for good with --hard.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";
import { forgetMemory, openCliMemories } from "../lib/memory/mod.ts";
import { printJson, printTeamChange } from "./print.ts";

/** Build the `forget` command. */
export function forgetCommand(deps: Deps): Command {
  return new Command("forget")
    .description("Archive a memory (hidden from search and context); --hard deletes it")
    .argument("<id>", "memory id")
    .option("--hard", "delete the memory and its history permanently")
    .option("-y, --yes", "do not ask for confirmation")
    .option("--json", "print {id, action} as JSON")
    .addHelpText("after", `\nExample:\n  korva forget 01J9ZK4M8X2Q7R5T3V1W0Y6B8C --hard --yes`)
    .action(async (id: string, flags: { hard?: boolean; yes?: boolean; json?: boolean }) => {
      using memories = openCliMemories(deps);
      const memory = memories.vault.require(id);
      if (flags.hard && !flags.yes) {
        if (!deps.io.isTerminal) {
          throw usageError(
            `Refusing to delete "${memory.id}" without confirmation`,
            "add --yes to delete without asking",
          );
        }
        const ok = await deps.io.confirm(`Delete "${memory.title}" (${memory.id}) permanently?`);
        if (!ok) throw usageError("Nothing deleted: not confirmed");
      }
      const result = forgetMemory(memories, memory.id, { hard: flags.hard ?? false });
      const action = flags.hard ? "deleted" : "archived";
      if (flags.json) return printJson(deps, { id: memory.id, action });
      deps.io.out(`${action === "deleted" ? "Deleted" : "Archived"} ${memory.id}\n`);
      printTeamChange(deps, result.team);
    });
}
