// `korva sentinel check|rules|test`: judge a change against the rule files.
import { Command, Option } from "commander";
import { resolve } from "node:path";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";
import { createRedactor } from "../lib/privacy/redact.ts";
import {
  activeRules,
  runSentinel,
  type Target,
  unknownMemoryWarnings,
} from "../lib/sentinel/mod.ts";
import { renderHuman } from "../lib/sentinel/report/human.ts";
import { renderJson } from "../lib/sentinel/report/json.ts";
import { renderSarif } from "../lib/sentinel/report/sarif.ts";
import { loadRuleFile } from "../lib/sentinel/rules.ts";
import { rulesWithoutExamples, runExamples } from "../lib/sentinel/examples.ts";
import { printJson } from "./print.ts";

interface CheckFlags {
  staged?: boolean;
  all?: boolean;
  diff?: string;
  files?: string[];
  format: "human" | "json" | "sarif";
}

/** Build the `sentinel` command. */
export function sentinelCommand(deps: Deps): Command {
  const sentinel = new Command("sentinel").description(
    "Check changes against the team's rule files before they become a pull request",
  );
  sentinel.command("check")
    .description("Check the staged change (default), a revision range, or whole files")
    .option("--staged", "the index: what `git commit` would record (default)")
    .option("--all", "every tracked file in the working tree")
    .option(
      "--diff <range>",
      "a revision range, e.g. origin/main...HEAD (for CI: what the branch adds)",
    )
    .option("--files <paths...>", "these files, whole")
    .addOption(
      new Option("--format <format>", "output").choices(["human", "json", "sarif"]).default(
        "human",
      ),
    )
    .addHelpText(
      "after",
      "\nExit codes: 0 clean or only warnings, 1 blocking findings, 2 rule or usage error, 3 runtime failure." +
        "\nExamples:\n  korva sentinel check\n  korva sentinel check --diff origin/main...HEAD --format sarif > korva.sarif",
    )
    .action(async (flags: CheckFlags) => {
      const chosen = [flags.staged, flags.all, flags.diff, flags.files].filter(Boolean).length;
      if (chosen > 1) throw usageError("Choose one of --staged, --all, --diff or --files");
      const target: Target = flags.all
        ? { kind: "all" }
        : flags.diff
        ? { kind: "diff", range: flags.diff }
        : flags.files
        ? { kind: "files", files: flags.files }
        : { kind: "staged" };
      const report = await runSentinel({
        cwd: deps.cwd,
        home: deps.home,
        now: deps.now,
        target,
      });
      const text = flags.format === "json"
        ? renderJson(report, deps.version)
        : flags.format === "sarif"
        ? renderSarif(report, deps.version)
        : renderHuman(report, { color: deps.io.isTerminal && !deps.env("NO_COLOR") });
      if (flags.format === "human") deps.io.err(text);
      else deps.io.out(text);
      if (report.summary.errors > 0) deps.status.exitCode = 1;
    });
  sentinel.command("rules")
    .description("List the active rules with their source file")
    .option("--json", "print the rules as JSON")
    .action(async (flags: { json?: boolean }) => {
      const rules = activeRules(deps.cwd, deps.home);
      for (const warning of await unknownMemoryWarnings(rules, deps.home, deps.cwd)) {
        deps.io.err(`korva: warning: ${warning}\n`);
      }
      if (flags.json) {
        return printJson(
          deps,
          rules.map((r) => ({
            id: r.id,
            severity: r.severity,
            kind: r.match.kind,
            source: r.source,
            origin: r.origin,
            memory: r.memory ?? [],
          })),
        );
      }
      const width = Math.max(...rules.map((r) => r.id.length));
      deps.io.out(
        rules.map((r) =>
          `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.match.kind.padEnd(13)}  ${r.source}`
        ).join("\n") + "\n",
      );
    });
  sentinel.command("test")
    .description("Run the examples a rule file carries (bad must match, good must not)")
    .argument("<rule-file>", "a rule file (YAML)")
    .action(async (file: string) => {
      const rules = loadRuleFile(resolve(deps.cwd, file), "repository");
      const results = await runExamples(rules, createRedactor());
      for (const r of results) {
        const example = r.example.replaceAll("\n", "\\n");
        deps.io.out(`${r.ok ? "ok  " : "FAIL"}  ${r.ruleId}  ${r.kind}: ${example}\n`);
      }
      for (const id of rulesWithoutExamples(rules)) {
        deps.io.err(`korva: warning: rule "${id}" needs at least one bad and one good example\n`);
      }
      for (const warning of await unknownMemoryWarnings(rules, deps.home, deps.cwd)) {
        deps.io.err(`korva: warning: ${warning}\n`);
      }
      const failed = results.filter((r) => !r.ok).length;
      deps.io.out(`${results.length - failed} passed, ${failed} failed\n`);
      if (failed > 0) deps.status.exitCode = 1;
    });
  return sentinel;
}
