// `korva mine git`: propose commits worth a "why was this changed?" as draft candidates. Commits
// are not decisions: nothing here becomes a memory.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";
import { groupByFile, mineCandidates } from "../lib/importers/candidates.ts";
import { gitSince, readGitHistory } from "../lib/importers/git_log.ts";
import { CLI_ORIGIN, openMemories, resolveRepoContext, saveCandidates } from "../lib/memory/mod.ts";
import { printJson } from "./print.ts";
import { progressBar } from "./progress.ts";

/** Build `korva mine`. */
export function mineCommand(deps: Deps): Command {
  return new Command("mine")
    .description("Propose draft candidates from history (never saved as memories)")
    .addCommand(
      new Command("git")
        .description(
          "Propose fix, revert and hotfix commits and those about concurrency, data loss, " +
            "security, performance or outages, grouped by file, as draft candidates",
        )
        .option("--since <when>", "only commits after this (2y, 6m, 3w, 10d or a date)")
        .option("--path <path>", "only commits touching this path")
        .option("--json", "print {candidates, groups} as JSON")
        .option("--project <name>", "project (default: the current repository)")
        .addHelpText(
          "after",
          "\nExample:\n  korva mine git --since 2y --path src/payments\n\n" +
            "Candidates are drafts: ask about one with the vault_candidates MCP tool, then save the answer\n" +
            "as a decision or incident (korva save, or vault_save).",
        )
        .action((flags: { since?: string; path?: string; json?: boolean; project?: string }) => {
          const ctx = resolveRepoContext(deps, { project: flags.project });
          const root = ctx.root();
          if (!root) {
            throw usageError(
              `Cannot mine git history in "${deps.cwd}": it is not inside a git repository`,
              "run it from inside the repository",
            );
          }
          const bar = progressBar(deps, "Reading git history");
          bar.update(0, 1);
          const commits = readGitHistory(root, {
            since: flags.since === undefined ? undefined : gitSince(flags.since),
            path: flags.path,
          });
          bar.update(1, 1);
          bar.done();
          const candidates = mineCandidates(commits);
          using m = openMemories(ctx, CLI_ORIGIN);
          const project = ctx.project();
          // Only a mining of the whole history may drop drafts it no longer proposes.
          const stored = saveCandidates(m, candidates, {
            prune: flags.since === undefined && flags.path === undefined,
          });
          const groups = groupByFile(candidates);
          if (flags.json) {
            return printJson(deps, {
              project,
              commits: commits.length,
              added: stored.added,
              removed: stored.removed,
              candidates,
              groups,
            });
          }
          deps.io.out(human(candidates, groups, commits.length, stored.added));
        }),
    );
}

function human(
  candidates: ReturnType<typeof mineCandidates>,
  groups: ReturnType<typeof groupByFile>,
  commits: number,
  added: number,
): string {
  const bySha = new Map(candidates.map((c) => [c.sha, c]));
  const lines: string[] = [];
  for (const group of groups.slice(0, 20)) {
    lines.push(`${group.file}  (score ${group.score})`);
    for (const sha of group.shas.slice(0, 5)) {
      const c = bySha.get(sha);
      if (!c) continue;
      lines.push(
        `  ${String(c.score).padStart(4)}  ${c.sha.slice(0, 10)}  ${c.subject}  ` +
          `[${c.reasons.join(", ")}] +${c.stat.insertions} -${c.stat.deletions}`,
      );
    }
  }
  if (groups.length > 20) lines.push(`… and ${groups.length - 20} more files (--json lists all)`);
  lines.push(
    `${candidates.length} candidates from ${commits} commits (${added} new), saved as drafts, ` +
      "not memories: ask about them with the vault_candidates MCP tool",
  );
  return lines.join("\n") + "\n";
}
