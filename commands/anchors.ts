// `korva anchors fix`: memory anchors and rule paths follow files that git renamed.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { fixAnchors, openCliMemories } from "../lib/memory/mod.ts";
import { printJson } from "./print.ts";

/** Build the `anchors` command. */
export function anchorsCommand(deps: Deps): Command {
  const anchors = new Command("anchors").description(
    "Keep memory anchors and rule paths pointing at code that git renamed",
  );
  anchors.command("fix")
    .description("Rewrite anchors and .korva/rules paths to where renamed files live now")
    .option("--dry-run", "show what would change, change nothing")
    .option("--project <name>", "project (default: the current repository)")
    .option("--json", "print {changes} as JSON")
    .addHelpText("after", `\nExample:\n  korva anchors fix --dry-run`)
    .action((flags: { dryRun?: boolean; project?: string; json?: boolean }) => {
      using memories = openCliMemories(deps, { project: flags.project });
      const result = fixAnchors(memories, {
        dryRun: flags.dryRun ?? false,
        project: flags.project,
      });
      if (flags.json) return printJson(deps, { dryRun: flags.dryRun ?? false, ...result });
      if (result.changes.length === 0) {
        deps.io.out("Every anchor points at a file that exists or never moved\n");
        return;
      }
      for (const c of result.changes) {
        const where = c.memory ? c.memory : `${c.file} rule ${c.rule}`;
        deps.io.out(`${where}: ${c.from} → ${c.to}\n`);
      }
      if (flags.dryRun) deps.io.err("Dry run: nothing was changed\n");
    });
  return anchors;
}
