// `korva unshare ID`: remove a memory's team file; the memory stays in your vault, private.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { openCliMemories, unshareMemory } from "../lib/memory/mod.ts";

/** Build the `unshare` command. */
export function unshareCommand(deps: Deps): Command {
  return new Command("unshare")
    .description("Stop sharing a memory: remove its .korva/memories file and make it private")
    .argument("<id>", "memory id")
    .action((id: string) => {
      using memories = openCliMemories(deps);
      const { memory, removed } = unshareMemory(memories, id);
      deps.io.out(
        removed
          ? `unshared ${memory.id}: removed ${removed}\n`
          : `${memory.id} had no team file; it is private now\n`,
      );
    });
}
