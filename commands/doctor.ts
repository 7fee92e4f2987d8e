// `korva doctor`: check the installation and explain every problem with a fix.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { fillVectors, runDoctor } from "../lib/doctor/checks.ts";
import { findOpenModes, fixOpenModes } from "../lib/file_modes.ts";
import { printJson } from "./print.ts";

/** Build the `doctor` command. */
export function doctorCommand(deps: Deps): Command {
  return new Command("doctor")
    .description("Check korva's installation, vault, config, editors, hooks and service")
    .option("--json", "print the checks as JSON")
    .option(
      "--fix",
      "make every file under KORVA_HOME private (0700 folders, 0600 files) and give every memory its semantic-recall vector",
    )
    .addHelpText("after", "\nExit code 1 when something needs fixing.")
    .action((flags: { json?: boolean; fix?: boolean }) => {
      if (flags.fix) {
        fixOpenModes(findOpenModes(deps.home));
        fillVectors(deps);
      }
      const checks = runDoctor(deps);
      if (checks.some((c) => c.status === "fail")) deps.status.exitCode = 1;
      if (flags.json) return printJson(deps, { ok: deps.status.exitCode === 0, checks });
      const mark = { ok: "ok  ", warn: "warn", fail: "FAIL" };
      for (const c of checks) {
        deps.io.out(`${mark[c.status]}  ${c.message}\n`);
        if (c.fix && c.status !== "ok") deps.io.out(`      fix: ${c.fix}\n`);
      }
    });
}
