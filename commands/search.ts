// `korva search QUERY`: full-text search, best first; any query text is safe.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";
import { openCliMemories, recordRecalls } from "../lib/memory/mod.ts";
import { recallSearch } from "../lib/recall/embeddings.ts";
import { addFilterOptions, type FilterFlags, toFilter } from "./options.ts";
import { formatHits, printJson } from "./print.ts";

/** Build the `search` command. */
export function searchCommand(deps: Deps): Command {
  const command = new Command("search")
    .description("Search memories (any word may match; best matches first)")
    .argument("<query...>", "words to look for");
  addFilterOptions(command);
  return command
    .option("--json", "print a JSON array of memories with score and snippet")
    .addHelpText("after", `\nExample:\n  korva search "payment lock" --type incident --limit 5`)
    .action(async (words: string[], flags: FilterFlags & { json?: boolean }) => {
      const query = words.join(" ");
      if (query.trim() === "") throw usageError("Missing search text: give at least one word");
      using memories = openCliMemories(deps);
      const filter = toFilter(flags, () => memories.ctx.project());
      const vault = memories.vault;
      const hits = await recallSearch(
        vault,
        query,
        filter,
        memories.ctx.config.recall?.embeddings,
      );
      recordRecalls(memories, hits.map((hit) => hit.memory.id));
      if (flags.json) {
        printJson(
          deps,
          hits.map((hit) => ({ ...hit.memory, score: hit.score, snippet: hit.snippet })),
        );
        return;
      }
      if (hits.length === 0) {
        deps.io.err(
          `No memories match "${query}"${filter.project ? ` in ${filter.project}` : ""}\n`,
        );
        return;
      }
      deps.io.out(formatHits(hits, deps.now()));
    });
}
