// Mining git history: parseGitLog over a repository made by the test, and mineCandidates' rules.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { groupByFile, mineCandidates } from "../../lib/importers/candidates.ts";
import { gitSince, readGitHistory } from "../../lib/importers/git_log.ts";
import { git, tempRepo } from "../_helpers.ts";

const LINES = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);

function commit(dir: string, message: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", message);
  return git(dir, "rev-parse", "HEAD").trim();
}

/** A history with a reverted change, repeated fixes of the same lines, docs and formatting. */
function history() {
  const repo = tempRepo({ "charge.ts": LINES.join("\n") + "\n", "README.md": "# x\n" });
  const dir = repo.path;
  const edit = (i: number, text: string) => {
    const lines = [...LINES];
    lines[i] = text;
    return lines.join("\n") + "\n";
  };
  const feature = commit(dir, "Use optimistic locking for charges", {
    "charge.ts": edit(10, "optimistic()"),
  });
  git(dir, "revert", "--no-edit", feature);
  const revert = git(dir, "rev-parse", "HEAD").trim();
  const fix1 = commit(dir, "fix: retry the charge once", { "charge.ts": edit(4, "retry(1)") });
  const fix2 = commit(dir, "fix: retry the charge twice", { "charge.ts": edit(4, "retry(2)") });
  const perf = commit(dir, "Cache exchange rates to cut checkout latency", {
    "rates.ts": "cache()\n",
  });
  commit(dir, "fix typo in README", { "README.md": "# y\n" });
  commit(dir, "fix indentation", { "rates.ts": "  cache()\n" });
  commit(dir, "Add refunds page", { "refunds.ts": "page()\n" });
  return { repo, feature, revert, fix1, fix2, perf };
}

Deno.test("readGitHistory() reads every commit's files, stats and changed ranges in one git log", async () => {
  const h = history();
  await using _repo = h.repo;
  const commits = readGitHistory(h.repo.path);
  assert.equal(commits.length, 9);
  const fix2 = commits.find((c) => c.sha === h.fix2);
  assert.deepEqual(fix2?.files, [{ path: "charge.ts", added: 1, deleted: 1, ranges: [[5, 5]] }]);
  assert.deepEqual(fix2?.addedLines, ["retry(2)"]);
  assert.deepEqual(fix2?.removedLines, ["retry(1)"]);
  assert.equal(fix2?.subject, "fix: retry the charge twice");
});

Deno.test("mineCandidates() ranks reverted changes and repeated fixes first and skips docs and formatting", async () => {
  const h = history();
  await using _repo = h.repo;
  const candidates = mineCandidates(readGitHistory(h.repo.path));
  assert.deepEqual(candidates.map((c) => [c.sha, c.score, c.reasons]), [
    [h.revert, 5.5, ["revert", "concurrency"]],
    [h.feature, 5.5, [`reverted by ${h.revert.slice(0, 12)}`, "concurrency"]],
    [h.fix2, 5, ["fix", "repeated fix of the same lines in charge.ts"]],
    [h.fix1, 5, ["fix", "repeated fix of the same lines in charge.ts"]],
    [h.perf, 1.5, ["performance"]],
  ]);
  assert.deepEqual(candidates[4]?.stat, { files: 1, insertions: 1, deletions: 0 });
  assert.equal(candidates[2]?.excerpt, "-retry(1)\n+retry(2)");
  assert.deepEqual(groupByFile(candidates).map((g) => [g.file, g.score]), [["charge.ts", 21], [
    "rates.ts",
    1.5,
  ]]);
});

Deno.test("mineCandidates() counts a topic in a diff only from comments", () => {
  const base = {
    parents: [],
    time: 1,
    author: "a",
    body: "",
    files: [{ path: "a.ts", added: 1, deleted: 0, ranges: [] }],
    removedLines: [],
  };
  const [commented, ...rest] = mineCandidates([
    {
      ...base,
      sha: "a",
      subject: "Tidy the worker",
      addedLines: ["// hold the mutex: avoids a race condition"],
    },
    {
      ...base,
      sha: "b",
      subject: "Tidy the poller",
      addedLines: ["const raceCondition = incident();"],
    },
  ]);
  assert.deepEqual([commented?.sha, commented?.reasons], ["a", ["concurrency (in the diff)"]]);
  assert.deepEqual(rest, []);
});

Deno.test("gitSince() turns 2y, 6m, 3w, 10d into git dates and passes others through", () => {
  assert.deepEqual(
    ["2y", "6m", "3w", "10d", "2024-01-01"].map(gitSince),
    ["2.years.ago", "6.months.ago", "3.weeks.ago", "10.days.ago", "2024-01-01"],
  );
});
