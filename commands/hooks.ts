// `korva hooks install|uninstall|status`: the git hooks that call korva.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { hooksStatus, installHooks, uninstallHooks } from "../lib/sentinel/hooks.ts";
import { printJson } from "./print.ts";

/** Build the `hooks` command. */
export function hooksCommand(deps: Deps): Command {
  const hooks = new Command("hooks").description(
    "Install or remove korva's git hooks (pre-commit sentinel; post-commit capture; " +
      "post-merge/post-checkout team sync)",
  );
  hooks.command("install")
    .description("Write the hooks (existing hooks are chained, never overwritten)")
    .option(
      "--post-commit",
      "also draft a candidate from each commit that fixes a race, data loss, security or outage",
    )
    .option("--json", "print the hook status as JSON")
    .action((flags: { json?: boolean; postCommit?: boolean }) => {
      const result = installHooks(deps.cwd, deps.self, { postCommit: flags.postCommit ?? false });
      if (flags.json) return printJson(deps, result);
      for (const h of result) {
        deps.io.out(
          `installed ${h.name}${h.chained ? " (runs your previous hook too)" : ""}: ${h.path}\n`,
        );
      }
      deps.io.out("bypass once with `git commit --no-verify` or KORVA_SKIP=1\n");
    });
  hooks.command("uninstall")
    .description("Remove korva's hooks and restore the ones they chained")
    .action(() => {
      for (const h of uninstallHooks(deps.cwd)) deps.io.out(`removed ${h.name}: ${h.path}\n`);
    });
  hooks.command("status")
    .description("Show which hooks are installed and whether they point at this korva")
    .option("--json", "print the status as JSON")
    .action((flags: { json?: boolean }) => {
      const status = hooksStatus(deps.cwd, deps.self);
      if (flags.json) return printJson(deps, status);
      for (const h of status) {
        const state = !h.installed
          ? "not installed"
          : h.current
          ? "installed"
          : "out of date (run korva hooks install)";
        deps.io.out(
          `${h.name.padEnd(14)} ${state}${h.chained ? ", chains a previous hook" : ""}\n`,
        );
      }
    });
  return hooks;
}
