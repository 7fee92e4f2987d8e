// `korva share ID…`: make memories team-scoped and write their files under .korva/memories.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";
import { openCliMemories, shareMemory } from "../lib/memory/mod.ts";
import { printJson } from "./print.ts";

/** Build the `share` command. */
export function shareCommand(deps: Deps): Command {
  return new Command("share")
    .description(
      "Share memories with the team: mark them team-scoped and write .korva/memories files",
    )
    .argument("<ids...>", "memory ids")
    .option("-y, --yes", "write even when something was redacted, without asking")
    .option("--json", "print what was written as JSON")
    .addHelpText(
      "after",
      "\nExample:\n  korva share 01JC4R7W2X9K3M5N8P0Q2S4T6V && git add .korva && git commit",
    )
    .action(async (ids: string[], flags: { yes?: boolean; json?: boolean }) => {
      using memories = openCliMemories(deps);
      const redactor = memories.ctx.redactor();
      const chosen = ids.map((id) => memories.vault.require(id));
      for (const memory of chosen) {
        const text = [
          memory.title,
          memory.content,
          memory.why ?? "",
          ...memory.tags,
          ...memory.files,
        ]
          .join("\n");
        const findings = redactor.scan(text);
        if (findings.length === 0 || flags.yes) continue;
        const kinds = [...new Set(findings.map((f) => f.detector))].join(", ");
        const ok = await deps.io.confirm(
          `"${memory.title}" contains ${findings.length} secret or personal value(s) (${kinds}) that will be redacted in the shared file. Share it?`,
        );
        if (!ok) {
          throw usageError(
            `Not shared: "${memory.id}" contains ${kinds}, which would be redacted`,
            "review the memory, or run again with --yes to share the redacted version",
          );
        }
      }
      const written = chosen.map((memory) => {
        const shared = shareMemory(memories, memory.id);
        return { id: shared.memory.id, path: shared.path };
      });
      if (flags.json) return printJson(deps, written);
      for (const w of written) deps.io.out(`shared ${w.id}: ${w.path}\n`);
      deps.io.out("commit .korva/memories so the team gets it on their next pull\n");
    });
}
