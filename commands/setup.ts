// `korva setup`: connect korva to every installed editor and agent without breaking their config.
import { Command, Option } from "commander";
import { loadConfig } from "../lib/config.ts";
import type { Deps } from "../lib/deps.ts";
import { KorvaError, usageError } from "../lib/errors.ts";
import { repoRoot } from "../lib/git.ts";
import {
  applySetup,
  changedFiles,
  planSetup,
  renderDiff,
  setupContext,
  setupStatus,
} from "../lib/setup/apply.ts";
import { TARGETS } from "../lib/setup/targets.ts";
import { CI_PROVIDERS, type CiProvider, writeCiFile } from "../lib/setup/ci.ts";
import { autoInstallHooks, describeRepoHooks } from "../lib/sentinel/repo_hooks.ts";
import { printJson } from "./print.ts";

interface SetupFlags {
  all?: boolean;
  project?: boolean;
  profile?: string;
  dryRun?: boolean;
  uninstall?: boolean;
  status?: boolean;
  json?: boolean;
  hooks?: boolean;
  ci?: CiProvider;
  [target: string]: unknown;
}

/** Build the `setup` command. */
export function setupCommand(deps: Deps): Command {
  const command = new Command("setup")
    .description("Connect korva to your editors and agents (MCP server, hooks, instructions)")
    .option("--all", "configure every supported tool, even ones not detected")
    .option("--project", "write project-level files in this repository instead of user-level ones")
    .addOption(
      new Option("--profile <profile>", "MCP profile").choices(["readonly", "agent", "admin"]),
    )
    .option("--dry-run", "print a diff of every file that would change; change nothing")
    .option("--uninstall", "remove exactly what korva added")
    .option("--status", "show, per tool, detected / configured / up to date")
    .option("--json", "machine-readable output")
    .option("--no-hooks", "do not install korva's git hooks in this clone")
    .addOption(
      new Option("--ci <provider>", "write a CI job running the sentinel on pull requests")
        .choices(CI_PROVIDERS),
    );
  for (const target of TARGETS) command.option(`--${target.id}`, `configure ${target.name}`);
  return command
    .addHelpText(
      "after",
      "\nExamples:\n  korva setup                 # every detected tool\n  korva setup --all --dry-run\n  korva setup --claude --cursor --project\n  korva setup --uninstall\n  korva setup --ci github      # .github/workflows/korva-sentinel.yml",
    )
    .action((flags: SetupFlags) => {
      const root = flags.project ? repoRoot(deps.cwd) : undefined;
      if (flags.project && !root) {
        throw new KorvaError(
          `Cannot write project files: "${deps.cwd}" is not inside a git repository`,
          {
            exitCode: 2,
          },
        );
      }
      if (flags.ci) {
        const ciRoot = repoRoot(deps.cwd);
        if (!ciRoot) {
          throw usageError(`Cannot write a CI job: "${deps.cwd}" is not inside a git repository`);
        }
        const ci = writeCiFile(ciRoot, flags.ci);
        deps.io.out(
          ci.state === "written"
            ? `wrote ${ci.path}\n  note: ${ci.note}\n`
            : `${ci.path} is already up to date\n`,
        );
        return;
      }
      const profile = flags.profile ?? loadConfig(deps.home).mcp.profile;
      const ctx = setupContext(deps, { profile, repoRoot: root });
      if (flags.status) {
        const status = setupStatus(ctx);
        if (flags.json) return printJson(deps, status);
        for (const s of status) {
          const state = s.error
            ? `error: ${s.error}`
            : !s.configured
            ? "not configured"
            : s.current
            ? "configured"
            : "out of date (run korva setup)";
          deps.io.out(
            `${s.name.padEnd(30)} ${s.detected ? "detected    " : "not detected"}  ${state}\n`,
          );
        }
        return;
      }
      if (!flags.dryRun && !flags.uninstall) {
        const hooks = describeRepoHooks(autoInstallHooks(deps, { optOut: flags.hooks === false }));
        if (hooks) deps.io.err(`${hooks}\n`);
      }
      const picked = TARGETS.filter((t) => flags[t.id] === true);
      if (flags.all && picked.length > 0) throw usageError("Use --all or pick tools, not both");
      const targets = picked.length > 0
        ? picked
        : flags.all || flags.uninstall
        ? TARGETS
        : TARGETS.filter((t) => t.detect(ctx));
      if (targets.length === 0) {
        throw usageError(
          "No supported editor or agent was detected",
          "pick tools (e.g. --claude) or use --all",
        );
      }
      const plans = planSetup(ctx, targets, flags.uninstall ? "uninstall" : "install", deps.home);
      const files = changedFiles(plans);
      const failures = plans.filter((p) => p.error);
      if (flags.dryRun) {
        deps.io.out(
          files.length ? renderDiff(files) : "Nothing to change: every file is up to date\n",
        );
      } else {
        const results = applySetup(files, deps.home, deps.now);
        for (const plan of plans) {
          if (plan.error) continue;
          const changed = plan.files.filter((f) => files.some((c) => c.path === f.path));
          const verb = flags.uninstall ? "removed from" : "configured";
          deps.io.out(
            changed.length
              ? `${plan.target.name}: ${verb} ${changed.map((f) => f.path).join(", ")}\n`
              : `${plan.target.name}: already ${flags.uninstall ? "clean" : "up to date"}\n`,
          );
          if (plan.target.note && !flags.uninstall && changed.length) {
            deps.io.out(`  note: ${plan.target.note}\n`);
          }
        }
        for (const r of results.filter((r) => r.error)) deps.io.err(`korva: ${r.error}\n`);
        if (results.some((r) => r.error)) deps.status.exitCode = 3;
        if (flags.json) {
          printJson(deps, {
            results,
            skipped: failures.map((f) => ({ target: f.target.id, error: f.error })),
          });
        }
      }
      for (const f of failures) deps.io.err(`korva: skipped ${f.target.name}: ${f.error}\n`);
      if (failures.length > 0) deps.status.exitCode = Math.max(deps.status.exitCode, 2);
    });
}
