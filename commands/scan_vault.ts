// `korva scan-vault`: re-check stored memories with the current detectors; exit 1 when any
// were redacted.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { createRedactor } from "../lib/privacy/redact.ts";
import { openCliMemories, scanVault } from "../lib/memory/mod.ts";
import { printJson } from "./print.ts";

/** Build the `scan-vault` command. */
export function scanVaultCommand(deps: Deps): Command {
  return new Command("scan-vault")
    .description("Re-check stored memories with the current detectors and redact what was missed")
    .option("--dry-run", "report what would be redacted without changing the vault")
    .option("--json", "print {scanned, changed, historyChanged, sessionsChanged, findings} as JSON")
    .addHelpText("after", `\nExample:\n  korva scan-vault --dry-run`)
    .action((flags: { dryRun?: boolean; json?: boolean }) => {
      using memories = openCliMemories(deps);
      // The vault spans projects, so only the user's settings apply, not one repository's.
      const redactor = createRedactor(memories.ctx.config.privacy);
      const dryRun = flags.dryRun ?? false;
      const result = { ...scanVault(memories, { dryRun, redactor }), dryRun };
      const found = result.changed.length + result.historyChanged + result.sessionsChanged;
      if (flags.json) {
        printJson(deps, result);
      } else if (found === 0) {
        deps.io.out(`Scanned ${result.scanned} memories: nothing to redact\n`);
      } else {
        const counts = Object.entries(result.findings).sort((a, b) => b[1] - a[1])
          .map(([id, n]) => `${n} ${id}`).join(", ");
        const verb = result.dryRun ? "would redact" : "redacted";
        deps.io.out(
          `Scanned ${result.scanned} memories: ${verb} ${counts} in ${result.changed.length} ` +
            `${result.changed.length === 1 ? "memory" : "memories"}` +
            (result.historyChanged ? `, ${result.historyChanged} history versions` : "") +
            (result.sessionsChanged ? `, ${result.sessionsChanged} session goals` : "") + "\n",
        );
        if (result.changed.length > 0) deps.io.out(`  ${result.changed.join("\n  ")}\n`);
      }
      if (found > 0) deps.status.exitCode = 1;
    });
}
