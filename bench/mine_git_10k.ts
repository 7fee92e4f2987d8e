// Whole-process `korva mine git` over a 10,000-commit repository generated with `git fast-import`
// (fixes, reverts, hotfixes, topic words, docs-only and formatting-only commits among features).
// Target (issue 20): under 10 s. Also times the same `git log` alone, so the parse and scoring
// cost is visible next to git's own. Run: deno run -A bench/mine_git_10k.ts [commits] [runs]
// deno-lint-ignore-file no-console
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gitLogArgs } from "../lib/importers/git_log.ts";
import { benchEnv, cpuModel, timeDenoFloor, timeKorva } from "./_process.ts";

const count = Number(Deno.args[0] ?? 10_000);
const runs = Number(Deno.args[1] ?? 3);

/** The fast-import stream: 200 files of 40 lines; each commit rewrites one or two lines. */
function stream(): Uint8Array {
  const files = new Map<string, string[]>();
  const areas = ["payments", "search", "auth", "billing", "ingest"];
  const parts: string[] = [];
  const data = (text: string) => `data ${new TextEncoder().encode(text).length}\n${text}\n`;
  const subjects = [
    (i: number) => `Add handler ${i}`,
    (i: number) => `fix: off-by-one in batch ${i}`,
    (i: number) => `hotfix: crash when the queue is empty (${i})`,
    (i: number) => `Fix race condition in worker ${i}`,
    (i: number) => `Speed up query ${i} (latency)`,
    (i: number) => `Refactor module ${i}`,
    (i: number) => `Revert "Add handler ${i - 1}"`,
  ];
  for (let i = 1; i <= count; i++) {
    const time = 1_600_000_000 + i * 600;
    const kind = i % 50 === 0 ? "docs" : i % 45 === 0 ? "fmt" : "code";
    const path = kind === "docs" ? "docs/guide.md" : `src/${areas[i % 5]}/module_${i % 40}.ts`;
    const lines = files.get(path) ??
      Array.from({ length: 40 }, (_, n) => `export const v${n} = ${n};`);
    const at = (i * 7) % 40;
    lines[at] = kind === "fmt" ? `  ${lines[at]?.trim()}` : `export const v${at} = ${i};`;
    files.set(path, lines);
    const subject = kind === "docs"
      ? `Fix typo in the guide (${i})`
      : kind === "fmt"
      ? `style: reformat module ${i}`
      : (subjects[i % 11 < 7 ? i % 7 : 0] ?? subjects[0]!)(i);
    const body = subject.startsWith("Revert")
      ? `\n\nThis reverts commit ${(i - 1).toString(16).padStart(40, "0")}.`
      : "";
    parts.push(
      `commit refs/heads/main\nmark :${i}\n` +
        `author Dev ${i % 7} <dev${i % 7}@example.test> ${time} +0000\n` +
        `committer Dev ${i % 7} <dev${i % 7}@example.test> ${time} +0000\n` +
        data(subject + body) + (i > 1 ? `from :${i - 1}\n` : "") +
        `M 100644 inline ${path}\n` + data(lines.join("\n") + "\n"),
    );
  }
  return new TextEncoder().encode(parts.join(""));
}

const dir = mkdtempSync(join(tmpdir(), "korva-mine-bench-"));
try {
  const repo = join(dir, "repo");
  Deno.mkdirSync(repo);
  new Deno.Command("git", { args: ["init", "-q", "-b", "main"], cwd: repo }).outputSync();
  const importer = new Deno.Command("git", {
    args: ["fast-import", "--quiet"],
    cwd: repo,
    stdin: "piped",
    stdout: "null",
  }).spawn();
  const writer = importer.stdin.getWriter();
  await writer.write(stream());
  await writer.close();
  if (!(await importer.status).success) throw new Error("git fast-import failed");
  new Deno.Command("git", { args: ["reset", "-q", "--hard", "main"], cwd: repo }).outputSync();

  const mine: number[] = [];
  const log: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < runs; run++) {
    const home = join(dir, `home-${run}`);
    mine.push(timeKorva(["mine", "git", "--json"], benchEnv(home), repo));
    const started = performance.now();
    new Deno.Command("git", { args: gitLogArgs({}), cwd: repo, stdout: "null" }).outputSync();
    log.push(performance.now() - started);
    floor.push(timeDenoFloor());
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const out = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--quiet",
      join(import.meta.dirname ?? ".", "../main.ts"),
      "mine",
      "git",
      "--json",
    ],
    cwd: repo,
    env: benchEnv(join(dir, "home-count")),
    stdout: "piped",
  }).outputSync();
  const result = JSON.parse(new TextDecoder().decode(out.stdout));
  console.log(`CPU: ${cpuModel()}`);
  console.log(
    `korva mine git, ${result.commits} commits → ${result.candidates.length} candidates: ` +
      `median ${s(median(mine))} (min ${s(Math.min(...mine))}, ${runs} runs)`,
  );
  console.log(`git log (the same single spawn, alone):             median ${s(median(log))}`);
  console.log(`deno eval 0 (start-up floor, same run):             median ${s(median(floor))}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
