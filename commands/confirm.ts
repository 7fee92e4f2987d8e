// `korva confirm ID…`: a person vouches for drafts (saved by an agent, or flagged by the screen),
// so they may be put in front of a model unasked.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { confirmMemory, openCliMemories } from "../lib/memory/mod.ts";
import { printJson, printTeamChange } from "./print.ts";

/** Build the `confirm` command. */
export function confirmCommand(deps: Deps): Command {
  return new Command("confirm")
    .description("Confirm drafts: a person vouches for them (flagged ones enter context again)")
    .argument("<ids...>", "memory ids")
    .option("--json", "print the confirmed memories as JSON")
    .addHelpText("after", `\nExample:\n  korva review\n  korva confirm 01J9ZK4M8X2Q7R5T3V1W0Y6B8C`)
    .action((ids: string[], flags: { json?: boolean }) => {
      using memories = openCliMemories(deps);
      const confirmed = ids.map((id) => confirmMemory(memories, id));
      if (flags.json) return printJson(deps, confirmed.map((c) => c.memory));
      for (const { memory, team } of confirmed) {
        const note = memory.flags.length > 0 ? ` (flagged: ${memory.flags.join(", ")})` : "";
        deps.io.out(`Confirmed ${memory.id}${note}\n`);
        printTeamChange(deps, team);
      }
    });
}
