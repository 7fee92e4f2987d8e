// `korva update ID`: change fields of a memory; the previous version is kept in its history.
import { Command, Option } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";
import { openCliMemories, updateMemory } from "../lib/memory/mod.ts";
import { MEMORY_TYPES, type MemoryPatch } from "../lib/vault/types.ts";
import { parseScope, parseStatus, parseType, readContent, splitList } from "./options.ts";
import { formatRedactions, printJson, printTeamChange } from "./print.ts";

interface UpdateFlags {
  type?: string;
  title?: string;
  content?: string;
  why?: string;
  tags?: string;
  files?: string;
  scope?: string;
  status?: string;
  reviewBy?: string;
  owner?: string;
  json?: boolean;
}

/** Build the `update` command. */
export function updateCommand(deps: Deps): Command {
  return new Command("update")
    .description("Change a memory (the previous version is kept)")
    .argument("<id>", "memory id")
    .addOption(new Option("--type <type>", "new type").choices([...MEMORY_TYPES]))
    .option("--title <text>", "new title")
    .option("--content <text>", "new content; `-` reads stdin")
    .option("--why <text>", "new rationale (empty string removes it)")
    .option("--tags <list>", "replace the tags (comma-separated)")
    .option("--files <list>", "replace the file anchors (comma-separated)")
    .option("--scope <scope>", "private or team")
    .option("--status <status>", "active, superseded or archived")
    .option("--review-by <date>", "date by which a person should review it (empty removes it)")
    .option("--owner <name>", "who answers for it (empty removes it)")
    .option("--json", "print the updated memory as JSON")
    .addHelpText(
      "after",
      `\nExample:\n  korva update 01J9ZK4M8X2Q7R5T3V1W0Y6B8C --tags payments,redis`,
    )
    .action(async (id: string, flags: UpdateFlags) => {
      const content = await readContent(deps, flags.content);
      const status = parseStatus(flags.status);
      if (status === "all") throw usageError(`Unknown status "all" for update`);
      const tags = splitList(flags.tags);
      const files = splitList(flags.files);
      const scope = parseScope(flags.scope);
      const type = parseType(flags.type);
      const patch: MemoryPatch = {
        ...(type ? { type } : {}),
        ...(flags.title !== undefined ? { title: flags.title } : {}),
        ...(content !== undefined ? { content } : {}),
        ...(flags.why !== undefined ? { why: flags.why === "" ? null : flags.why } : {}),
        ...(tags ? { tags } : {}),
        ...(files ? { files } : {}),
        ...(scope ? { scope } : {}),
        ...(status ? { status } : {}),
        ...(flags.reviewBy !== undefined
          ? { review_by: flags.reviewBy === "" ? null : flags.reviewBy }
          : {}),
        ...(flags.owner !== undefined ? { owner: flags.owner === "" ? null : flags.owner } : {}),
      };
      if (Object.keys(patch).length === 0) {
        throw usageError(
          "Nothing to update: give at least one of --title, --content, --why, --tags, --files, --type, --scope, --status, --review-by, --owner",
        );
      }
      using memories = openCliMemories(deps);
      const result = updateMemory(memories, id, patch);
      if (flags.json) return printJson(deps, result.memory);
      deps.io.out(`Updated ${result.memory.id}\n`);
      const redacted = formatRedactions(result.redacted);
      if (redacted) deps.io.err(`Redacted before saving: ${redacted}\n`);
      printTeamChange(deps, result.team);
    });
}
