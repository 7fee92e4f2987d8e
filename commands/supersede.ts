// `korva supersede OLD_ID`: save a replacement and mark the old memory superseded, atomically.
import { Command, Option } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";
import { openCliMemories, supersedeMemory } from "../lib/memory/mod.ts";
import { MEMORY_TYPES } from "../lib/vault/types.ts";
import { parseScope, parseType, readContent, splitList } from "./options.ts";
import { formatRedactions, printJson, printTeamChange } from "./print.ts";

interface SupersedeFlags {
  type?: string;
  title?: string;
  content?: string;
  why?: string;
  tags?: string;
  files?: string;
  scope?: string;
  json?: boolean;
}

/** Build the `supersede` command. */
export function supersedeCommand(deps: Deps): Command {
  return new Command("supersede")
    .description("Replace a memory with a new one; the old one is kept as superseded")
    .argument("<old-id>", "id of the memory being replaced")
    .option("--content <text>", "content of the new memory (required); `-` reads stdin")
    .option("--title <text>", "title (default: the old title)")
    .addOption(
      new Option("--type <type>", "type (default: the old type)").choices([...MEMORY_TYPES]),
    )
    .option("--why <text>", "rationale (default: the old one)")
    .option("--tags <list>", "tags (default: the old ones)")
    .option("--files <list>", "file anchors (default: the old ones)")
    .option("--scope <scope>", "scope (default: the old one)")
    .option("--json", "print {old, id, memory} as JSON")
    .addHelpText(
      "after",
      `\nExample:\n  korva supersede 01J9ZK4M8X2Q7R5T3V1W0Y6B8C --content "Lock TTL is now 45 s"`,
    )
    .action(async (oldId: string, flags: SupersedeFlags) => {
      const content = await readContent(deps, flags.content);
      if (content === undefined) {
        throw usageError("Missing --content: the new memory needs its text");
      }
      using memories = openCliMemories(deps);
      const result = supersedeMemory(memories, oldId, {
        content,
        type: parseType(flags.type),
        title: flags.title,
        why: flags.why,
        tags: splitList(flags.tags),
        files: splitList(flags.files),
        scope: parseScope(flags.scope),
      });
      if (flags.json) {
        return printJson(deps, {
          old: result.old.id,
          id: result.next.memory.id,
          memory: result.next.memory,
        });
      }
      deps.io.out(`Saved ${result.next.memory.id}, which supersedes ${result.old.id}\n`);
      const redacted = formatRedactions(result.next.redacted);
      if (redacted) deps.io.err(`Redacted before saving: ${redacted}\n`);
      printTeamChange(deps, result.next.team);
    });
}
