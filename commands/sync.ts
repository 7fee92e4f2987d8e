// `korva sync`: import the repository's `.korva/memories` into the vault and export local
// changes to team memories.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { KorvaError } from "../lib/errors.ts";
import { createLogger } from "../lib/log.ts";
import { CLI_ORIGIN, resolveRepoContext, syncTeamFiles, withVault } from "../lib/memory/mod.ts";
import { autoInstallHooks, describeRepoHooks } from "../lib/sentinel/repo_hooks.ts";
import { isBusy } from "../lib/vault/mod.ts";
import { parseCount } from "./options.ts";
import { printJson } from "./print.ts";

/** Build the `sync` command. */
export function syncCommand(deps: Deps): Command {
  return new Command("sync")
    .description("Sync team memories between .korva/memories in this repository and your vault")
    .option("--quiet", "print nothing unless there is a conflict or an unreadable file (git hooks)")
    .option("--json", "print the summary as JSON")
    .option(
      "--lock-timeout <ms>",
      "give up (and log it) when another process holds the vault's write lock this long",
    )
    .option("--no-hooks", "do not install korva's git hooks in this clone")
    .addHelpText("after", "\nExample:\n  git pull && korva sync")
    .action((flags: { quiet?: boolean; json?: boolean; lockTimeout?: string; hooks?: boolean }) => {
      const lockTimeoutMs = parseCount("--lock-timeout", flags.lockTimeout);
      const ctx = resolveRepoContext(deps);
      let summary: ReturnType<typeof syncTeamFiles>;
      try {
        using memories = withVault(
          ctx,
          ctx.openVault(lockTimeoutMs ? { lockTimeoutMs } : {}),
          CLI_ORIGIN,
        );
        summary = syncTeamFiles(memories);
      } catch (error) {
        const busy = isBusy(error) || (error instanceof Error && isBusy(error.cause));
        if (lockTimeoutMs === undefined || !busy) throw error;
        // The git hooks sync with a short timeout: a checkout must not wait on a long write.
        const message =
          `Sync skipped: another korva process held the vault's write lock for over ${lockTimeoutMs} ms`;
        createLogger(deps.home, "hooks", deps.now).info(message, { repo: ctx.root() });
        throw new KorvaError(message, { exitCode: 3, hint: "run korva sync again later" });
      }
      if (summary.conflicts.length > 0 || summary.errors.length > 0) deps.status.exitCode = 1;
      const hooks = describeRepoHooks(autoInstallHooks(deps, { optOut: flags.hooks === false }));
      if (hooks && !flags.json) deps.io.err(`${hooks}\n`);
      if (flags.json) return printJson(deps, summary);
      if (!flags.quiet) {
        deps.io.out(
          `imported ${summary.imported}, updated ${summary.updated}, exported ${summary.exported}, ` +
            `archived ${summary.archived}, conflicts ${summary.conflicts.length}\n`,
        );
      }
      for (const c of summary.conflicts) {
        deps.io.err(
          `korva: conflict in ${c.path}: it changed in the repository and in your vault; your version is in ${c.local}; merge it into ${c.path}, delete ${c.local}, then run korva sync\n`,
        );
      }
      for (const e of summary.errors) deps.io.err(`korva: skipped ${e.path}: ${e.reason}\n`);
    });
}
