// `korva stats`: counts by type, project, scope and status, and the vault's size.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { openCliMemories } from "../lib/memory/mod.ts";
import { printJson } from "./print.ts";

/** Build the `stats` command. */
export function statsCommand(deps: Deps): Command {
  return new Command("stats")
    .description("Show counts by type, project, scope and status, and the vault size")
    .option("--json", "print the statistics as JSON")
    .action((flags: { json?: boolean }) => {
      using memories = openCliMemories(deps);
      const stats = memories.vault.stats();
      if (flags.json) return printJson(deps, stats);
      const section = (title: string, counts: Record<string, number>) => {
        const entries = Object.entries(counts);
        if (entries.length === 0) return "";
        const width = Math.max(...entries.map(([k]) => k.length));
        return `${title}\n${entries.map(([k, n]) => `  ${k.padEnd(width)}  ${n}`).join("\n")}\n`;
      };
      deps.io.out(
        `vault    ${stats.path}\nsize     ${(stats.sizeBytes / 1024).toFixed(0)} KiB\n` +
          `schema   ${stats.schemaVersion}\nmemories ${stats.total}\n` +
          section("by type", stats.byType) + section("by project", stats.byProject) +
          section("by scope", stats.byScope) + section("by status", stats.byStatus),
      );
    });
}
