// `korva sync`: import the repository's `.korva/memories` into the vault and export local
// changes to team memories.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { openCliMemories, syncTeamFiles } from "../lib/memory/mod.ts";
import { printJson } from "./print.ts";

/** Build the `sync` command. */
export function syncCommand(deps: Deps): Command {
  return new Command("sync")
    .description("Sync team memories between .korva/memories in this repository and your vault")
    .option("--quiet", "print nothing unless there is a conflict or an unreadable file (git hooks)")
    .option("--json", "print the summary as JSON")
    .addHelpText("after", "\nExample:\n  git pull && korva sync")
    .action((flags: { quiet?: boolean; json?: boolean }) => {
      using memories = openCliMemories(deps);
      const summary = syncTeamFiles(memories);
      if (summary.conflicts.length > 0 || summary.errors.length > 0) deps.status.exitCode = 1;
      if (flags.json) return printJson(deps, summary);
      if (!flags.quiet) {
        deps.io.out(
          `imported ${summary.imported}, updated ${summary.updated}, exported ${summary.exported}, ` +
            `archived ${summary.archived}, conflicts ${summary.conflicts.length}\n`,
        );
      }
      for (const c of summary.conflicts) {
        deps.io.err(
          `korva: conflict in ${c.path}: it changed in the repository and in your vault; your version is in ${c.local}; merge it into ${c.path}, delete ${c.local}, then run korva sync\n`,
        );
      }
      for (const e of summary.errors) deps.io.err(`korva: skipped ${e.path}: ${e.reason}\n`);
    });
}
