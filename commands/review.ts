// `korva review`: the memories that need a person (past review date, stale by git, drafts,
// flagged), team copies in conflict and superseded memories still cited by a rule.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { KorvaError } from "../lib/errors.ts";
import { openCliMemories, reviewMemories } from "../lib/memory/mod.ts";
import { activeRules } from "../lib/sentinel/mod.ts";
import type { LoadedRule } from "../lib/sentinel/rules.ts";
import { revealHidden } from "../lib/trust/hidden.ts";
import { printJson } from "./print.ts";

/** Build the `review` command. */
export function reviewCommand(deps: Deps): Command {
  return new Command("review")
    .description("List the memories that need a person: overdue, stale, drafts, flagged")
    .option("--project <name>", "project (default: the current repository)")
    .option("--json", "print {project, items, conflicts, citations} as JSON")
    .addHelpText("after", `\nExample:\n  korva review --json\n  korva confirm <id>`)
    .action((flags: { project?: string; json?: boolean }) => {
      using memories = openCliMemories(deps, { project: flags.project });
      let rules: LoadedRule[] = [];
      try {
        rules = activeRules(deps.cwd, deps.home);
      } catch (error) {
        // A broken rule file is the sentinel's to report; the memory queue still helps.
        if (!(error instanceof KorvaError)) throw error;
        deps.io.err(`korva: rules skipped: ${error.message}\n`);
      }
      const queue = reviewMemories(memories, { project: flags.project, rules });
      if (flags.json) return printJson(deps, queue);
      const total = queue.items.length + queue.conflicts.length + queue.citations.length;
      if (total === 0) {
        deps.io.out(`Nothing to review in ${queue.project}\n`);
        return;
      }
      let out = "";
      for (const item of queue.items) {
        out += `${item.id}  ${item.type.padEnd(10)}  ${revealHidden(item.title)}\n`;
        for (const reason of item.reasons) out += `    ${reason.kind}: ${reason.detail}\n`;
      }
      for (const conflict of queue.conflicts) {
        out += `conflict: ${conflict.path}: both sides changed; merge it into the team file ` +
          `and delete it, then run \`korva sync\`\n`;
      }
      for (const c of queue.citations) {
        out += `rule ${c.rule} (${c.source}) cites ${c.cites}, superseded by ` +
          `${c.superseded_by ?? "a deleted memory"}: cite the successor\n`;
      }
      deps.io.out(out);
      const drafts = queue.items.filter((i) => !i.confirmed).length;
      if (drafts > 0) deps.io.err(`${drafts} draft(s): \`korva confirm ID…\` after reading them\n`);
    });
}
