// `korva export`: memories as JSONL (re-importable) or Markdown, to stdout or a file.
import { Command, Option } from "commander";
import type { Deps } from "../lib/deps.ts";
import { writeFileAtomic } from "../lib/atomic_write.ts";
import { homePaths } from "../lib/paths.ts";
import { exportMemories, openCliMemories } from "../lib/memory/mod.ts";
import { toJsonlLine, toMarkdownSection } from "../lib/vault/export.ts";
import { addFilterOptions, type FilterFlags, toFilter } from "./options.ts";
import { resolve } from "node:path";

/** Build the `export` command. */
export function exportCommand(deps: Deps): Command {
  const command = new Command("export")
    .description("Export memories as JSONL or Markdown (redacted again on the way out)")
    .addOption(
      new Option("--format <format>", "output format").choices(["jsonl", "markdown"]).default(
        "jsonl",
      ),
    )
    .option("-o, --output <file>", "write to this file (atomically) instead of stdout");
  addFilterOptions(command, { limit: false });
  return command
    .addHelpText(
      "after",
      `\nExample:\n  korva export --format markdown -o memories.md --status all`,
    )
    .action((flags: FilterFlags & { format: string; output?: string }) => {
      using memories = openCliMemories(deps);
      const filter = toFilter(flags, () => memories.ctx.project());
      const render = flags.format === "markdown" ? toMarkdownSection : toJsonlLine;
      const chunks: string[] = [];
      const emit = (text: string) => flags.output ? chunks.push(text) : deps.io.out(text);
      if (flags.format === "markdown") emit("# korva memories\n\n");
      let count = 0;
      for (const memory of exportMemories(memories, filter)) {
        emit(render(memory));
        count++;
      }
      if (flags.output) {
        const path = resolve(deps.cwd, flags.output);
        writeFileAtomic(path, chunks.join(""), {
          backupDir: homePaths(deps.home).backups,
          now: deps.now,
        });
        deps.io.err(`Exported ${count} memories to ${path}\n`);
      }
    });
}
