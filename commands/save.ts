// `korva save`: store one memory (redacted first); an identical one returns the existing id.
import { Command, Option } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";
import { openCliMemories, saveMemory } from "../lib/memory/mod.ts";
import { MEMORY_TYPES } from "../lib/vault/types.ts";
import { parseScope, parseType, readContent, splitList } from "./options.ts";
import { formatRedactions, printJson, printTeamChange } from "./print.ts";

interface SaveFlags {
  type: string;
  title: string;
  content?: string;
  why?: string;
  tags?: string;
  files?: string;
  scope?: string;
  project?: string;
  reviewBy?: string;
  owner?: string;
  json?: boolean;
}

/** Build the `save` command. */
export function saveCommand(deps: Deps): Command {
  return new Command("save")
    .description("Save a memory (secrets and PII are redacted before it is written)")
    .addOption(
      new Option("--type <type>", "kind of memory").choices([...MEMORY_TYPES])
        .makeOptionMandatory(),
    )
    .requiredOption("--title <text>", "one-line title")
    .option("--content <text>", "the memory itself; `-` reads stdin")
    .option("--why <text>", "the rationale: constraints, alternatives rejected")
    .option("--tags <list>", "comma-separated tags")
    .option("--files <list>", "comma-separated paths or globs the memory is about")
    .option("--scope <scope>", "private or team (default: defaultScope in config, else private)")
    .option("--review-by <date>", "date by which a person should review it, e.g. 2027-03-01")
    .option("--owner <name>", "who answers for it")
    .option("--project <name>", "project (default: the current repository)")
    .option("--json", "print {id, duplicate, redacted, memory} as JSON")
    .addHelpText(
      "after",
      `\nExample:\n  korva save --type decision --title "Lock payments by payment_id" \\\n` +
        `    --content "Redis lock, 30 s TTL" --why "users pay with several cards at once" \\\n` +
        `    --files "src/payments/**" --tags payments,locking`,
    )
    .action(async (flags: SaveFlags) => {
      const content = await readContent(deps, flags.content);
      if (content === undefined) {
        throw usageError("Missing --content: give the text, or `--content -` to read stdin");
      }
      const tags = splitList(flags.tags);
      const files = splitList(flags.files);
      const scope = parseScope(flags.scope);
      using memories = openCliMemories(deps, { project: flags.project });
      const result = saveMemory(memories, {
        type: parseType(flags.type) ?? "note",
        title: flags.title,
        content,
        ...(flags.why !== undefined ? { why: flags.why } : {}),
        ...(tags ? { tags } : {}),
        ...(files ? { files } : {}),
        ...(scope ? { scope } : {}),
        ...(flags.reviewBy !== undefined ? { review_by: flags.reviewBy } : {}),
        ...(flags.owner !== undefined ? { owner: flags.owner } : {}),
      }, { similar: true });
      const redacted = formatRedactions(result.redacted);
      if (flags.json) {
        printJson(deps, {
          id: result.memory.id,
          duplicate: result.duplicate,
          redacted: result.redacted,
          missing: result.missing,
          memory: result.memory,
          similar: result.similar,
        });
      } else if (result.duplicate) {
        deps.io.out(`Already saved as ${result.memory.id}: nothing new was written\n`);
      } else {
        deps.io.out(
          `Saved ${result.memory.id} (${result.memory.type}, ${result.memory.project})\n`,
        );
      }
      if (redacted && !flags.json) deps.io.err(`Redacted before saving: ${redacted}\n`);
      if (!flags.json) printTeamChange(deps, result.team);
      if (!flags.json && !result.duplicate && result.missing.length > 0) {
        deps.io.err(
          `To make it useful later, add ${
            result.missing.join("; ")
          } (korva update ${result.memory.id})\n`,
        );
      }
      if (!flags.json && !result.duplicate && result.similar.length > 0) {
        deps.io.err(
          "Similar memories (supersede or update one instead of keeping both?):\n" +
            result.similar.map((s) => `  ${s.id}  ${s.type.padEnd(10)}  ${s.title}\n`).join(""),
        );
      }
    });
}
