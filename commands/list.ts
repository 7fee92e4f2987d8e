// `korva list`: recent memories first, with the same filters as search.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { openCliMemories } from "../lib/memory/mod.ts";
import { addFilterOptions, type FilterFlags, toFilter } from "./options.ts";
import { formatMemoryLines, printJson } from "./print.ts";

/** Build the `list` command. */
export function listCommand(deps: Deps): Command {
  const command = new Command("list").description("List memories, newest first");
  addFilterOptions(command);
  return command
    .option("--json", "print a JSON array of memories")
    .addHelpText("after", `\nExample:\n  korva list --type decision --limit 20`)
    .action((flags: FilterFlags & { json?: boolean }) => {
      using opened = openCliMemories(deps);
      const filter = toFilter(flags, () => opened.ctx.project());
      const vault = opened.vault;
      const memories = vault.list(filter);
      if (flags.json) return printJson(deps, memories);
      if (memories.length === 0) {
        deps.io.err(`No memories${filter.project ? ` in ${filter.project}` : ""} yet\n`);
        return;
      }
      deps.io.out(formatMemoryLines(memories, deps.now()));
    });
}
