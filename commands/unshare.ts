// `korva unshare ID`: remove a memory's team file; the memory stays in your vault, private.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { KorvaError } from "../lib/errors.ts";
import { repoRoot } from "../lib/git.ts";
import { removeTeamMemory } from "../lib/team/sync.ts";
import { openDefaultVault } from "../lib/vault/mod.ts";

/** Build the `unshare` command. */
export function unshareCommand(deps: Deps): Command {
  return new Command("unshare")
    .description("Stop sharing a memory: remove its .korva/memories file and make it private")
    .argument("<id>", "memory id")
    .action((id: string) => {
      const root = repoRoot(deps.cwd);
      if (!root) {
        throw new KorvaError(
          `Cannot unshare from "${deps.cwd}": it is not inside a git repository`,
          {
            exitCode: 3,
          },
        );
      }
      using vault = openDefaultVault(deps);
      const memory = vault.require(id);
      const removed = removeTeamMemory(vault, root, memory.id);
      if (memory.scope === "team") vault.update(memory.id, { scope: "private" });
      deps.io.out(
        removed
          ? `unshared ${memory.id}: removed ${removed}\n`
          : `${memory.id} had no team file; it is private now\n`,
      );
    });
}
