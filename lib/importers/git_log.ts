// Commit history for `korva mine git`: one `git log --numstat -p -U0` spawn, parsed into commits
// with their files, diff stats, changed line ranges and a few changed lines. Parsing is pure.
import { KorvaError } from "../errors.ts";

/** One file a commit touched. */
export interface CommitFile {
  path: string;
  added: number;
  deleted: number;
  /** Old-side line ranges the commit changed ([start, end], 1-based, inclusive). */
  ranges: [number, number][];
}

/** A commit as mining needs it. */
export interface Commit {
  sha: string;
  parents: string[];
  /** Seconds since the epoch (author time). */
  time: number;
  author: string;
  subject: string;
  body: string;
  files: CommitFile[];
  /** Added and removed lines (without +/-), at most MAX_LINES of each. */
  addedLines: string[];
  removedLines: string[];
}

const RS = "\x1e";
const US = "\x1f";
const GS = "\x1d";
/** Changed lines kept per commit: enough for keywords, an excerpt and the formatting check. */
const MAX_LINES = 400;

/** The `git log` arguments: one spawn for the whole history. */
export function gitLogArgs(
  options: { since?: string | undefined; path?: string | undefined; last?: number | undefined },
): string[] {
  return [
    "-c",
    "core.quotepath=off",
    "log",
    "--no-merges",
    "--no-color",
    "--no-ext-diff",
    "--no-renames",
    "--no-textconv",
    "-U0",
    `--format=${RS}%H${US}%P${US}%at${US}%an${US}%s${US}%b${GS}`,
    "--numstat",
    "-p",
    ...(options.since ? [`--since=${options.since}`] : []),
    ...(options.last ? [`--max-count=${options.last}`] : []),
    ...(options.path ? ["--", options.path] : []),
  ];
}

/** Run git log once in `root` and parse it; a KorvaError when git fails. */
export function readGitHistory(
  root: string,
  options: {
    since?: string | undefined;
    path?: string | undefined;
    /** Only the newest N commits (the post-commit hook reads just HEAD). */
    last?: number | undefined;
  } = {},
): Commit[] {
  let output: Deno.CommandOutput;
  try {
    output = new Deno.Command("git", {
      args: gitLogArgs(options),
      cwd: root,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).outputSync();
  } catch (error) {
    throw new KorvaError(`Cannot run git in "${root}": ${String(error)}`, {
      exitCode: 3,
      hint: "install git and make sure it is on PATH",
    });
  }
  if (!output.success) {
    const reason = new TextDecoder().decode(output.stderr).trim().split("\n")[0] ?? "";
    if (/does not have any commits/.test(reason)) return [];
    throw new KorvaError(`Cannot read the git history of "${root}": ${reason}`, { exitCode: 3 });
  }
  return parseGitLog(new TextDecoder().decode(output.stdout));
}

/** Parse the output of gitLogArgs(). */
export function parseGitLog(text: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of text.split(RS)) {
    const end = record.indexOf(GS);
    if (end < 0) continue;
    const [sha = "", parents = "", time = "0", author = "", subject = "", ...body] = record
      .slice(0, end).split(US);
    const commit: Commit = {
      sha,
      parents: parents.split(" ").filter((p) => p !== ""),
      time: Number(time),
      author,
      subject,
      body: body.join(US).trim(),
      files: [],
      addedLines: [],
      removedLines: [],
    };
    const byPath = new Map<string, CommitFile>();
    let current: CommitFile | undefined;
    for (const line of record.slice(end + 1).split("\n")) {
      if (line === "") continue;
      const stat = line.match(/^(\d+|-)\t(\d+|-)\t(.+)$/);
      if (stat && !current) {
        const file: CommitFile = {
          path: unquote(stat[3] ?? ""),
          added: stat[1] === "-" ? 0 : Number(stat[1]),
          deleted: stat[2] === "-" ? 0 : Number(stat[2]),
          ranges: [],
        };
        byPath.set(file.path, file);
        commit.files.push(file);
        continue;
      }
      if (line.startsWith("diff --git ")) {
        const path = line.match(/ b\/(.+)$/)?.[1];
        current = path === undefined ? undefined : byPath.get(unquote(path));
        continue;
      }
      if (line.startsWith("@@")) {
        const hunk = line.match(/^@@ -(\d+)(?:,(\d+))? /);
        if (hunk && current) {
          const start = Number(hunk[1]);
          const length = hunk[2] === undefined ? 1 : Number(hunk[2]);
          current.ranges.push([start, start + Math.max(length, 1) - 1]);
        }
        continue;
      }
      if (line.startsWith("+++") || line.startsWith("---")) continue;
      if (line[0] === "+" && commit.addedLines.length < MAX_LINES) {
        commit.addedLines.push(line.slice(1));
      } else if (line[0] === "-" && commit.removedLines.length < MAX_LINES) {
        commit.removedLines.push(line.slice(1));
      }
    }
    commits.push(commit);
  }
  return commits;
}

function unquote(path: string): string {
  return path.startsWith('"') && path.endsWith('"')
    ? path.slice(1, -1).replace(/\\(.)/g, "$1")
    : path;
}

/** `2y`, `6m`, `3w`, `10d` → git's `2.years.ago`; anything else is passed to git as is. */
export function gitSince(value: string): string {
  const short = value.trim().match(/^(\d+)\s*([dwmy])$/i);
  if (!short) return value.trim();
  const unit = { d: "days", w: "weeks", m: "months", y: "years" }[
    (short[2] ?? "d").toLowerCase() as "d" | "w" | "m" | "y"
  ];
  return `${short[1]}.${unit}.ago`;
}
