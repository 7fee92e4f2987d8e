// `korva rule from-memory ID`: draft a sentinel rule file from an incident or decision.
import { Command } from "commander";
import { resolve } from "node:path";
import { writeFileAtomic } from "../lib/atomic_write.ts";
import type { Deps } from "../lib/deps.ts";
import { createRedactor } from "../lib/privacy/redact.ts";
import { draftRule } from "../lib/sentinel/draft.ts";
import { openCliMemories } from "../lib/memory/mod.ts";

/** Build the `rule` command. */
export function ruleCommand(deps: Deps): Command {
  const rule = new Command("rule").description("Draft sentinel rules");
  rule.command("from-memory")
    .description("Draft a rule file from an incident or decision (edit it, then test it)")
    .argument("<id>", "memory id")
    .option("-o, --output <file>", "write the draft here (e.g. .korva/rules/payments.yml)")
    .action(async (id: string, flags: { output?: string }) => {
      const memory = (() => {
        using memories = openCliMemories(deps);
        return memories.vault.require(id);
      })();
      const yaml = await draftRule(memory, createRedactor());
      if (flags.output) {
        const path = resolve(deps.cwd, flags.output);
        writeFileAtomic(path, yaml);
        deps.io.err(
          `Wrote ${path}; edit the pattern, then run \`korva sentinel test ${flags.output}\`\n`,
        );
      } else deps.io.out(yaml);
    });
  return rule;
}
