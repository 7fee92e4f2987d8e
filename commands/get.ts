// `korva get ID…`: the full record of one or more memories.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { openCliMemories, recordRecalls } from "../lib/memory/mod.ts";
import { formatMemory, printJson } from "./print.ts";

/** Build the `get` command. */
export function getCommand(deps: Deps): Command {
  return new Command("get")
    .description("Show memories by id")
    .argument("<ids...>", "memory ids")
    .option("--json", "print the memory as JSON (an array when several ids are given)")
    .option("--history", "also show previous versions")
    .addHelpText("after", `\nExample:\n  korva get 01J9ZK4M8X2Q7R5T3V1W0Y6B8C --json`)
    .action((ids: string[], flags: { json?: boolean; history?: boolean }) => {
      using opened = openCliMemories(deps);
      const vault = opened.vault;
      const memories = ids.map((id) => vault.require(id));
      recordRecalls(opened, memories.map((m) => m.id));
      if (flags.json) {
        const withHistory = memories.map((m) =>
          flags.history ? { ...m, history: vault.history(m.id) } : m
        );
        return printJson(deps, withHistory.length === 1 ? withHistory[0] : withHistory);
      }
      deps.io.out(
        memories.map((m) => {
          let text = formatMemory(m, deps.now());
          if (flags.history) {
            for (const old of vault.history(m.id)) {
              text += `\n--- version of ${old.updated_at}\n${formatMemory(old, deps.now())}`;
            }
          }
          return text;
        }).join("\n"),
      );
    });
}
