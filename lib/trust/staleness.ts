// Staleness from git: how much the code a memory is anchored to changed since the memory was
// saved (commits, changed lines, renames, deletions). One `git log` per context call when the
// cache is cold; the parsed log is cached per HEAD commit and pathspec set under KORVA_HOME.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import picomatch from "picomatch";
import { writeFileAtomic } from "../atomic_write.ts";
import { readHead } from "../git.ts";
import { homePaths } from "../paths.ts";

/** One file change of a commit, as `git log --raw --numstat -M` reports it. */
export interface FileChange {
  status: "A" | "M" | "D" | "R" | "T" | "C";
  path: string;
  /** The new path of a rename or copy. */
  to?: string;
  added: number;
  deleted: number;
}

/** One commit touching the anchors, newest first in a log. */
export interface LogCommit {
  sha: string;
  /** Committer time, seconds since the epoch. */
  time: number;
  changes: FileChange[];
}

/** What happened to a memory's anchors since it was saved. */
export interface Staleness {
  /** Commits touching any anchor since the memory's commit (or its save time). */
  commits: number;
  added: number;
  deleted: number;
  /** Per anchor: how many commits touched it. */
  byAnchor: Array<{ anchor: string; commits: number; added: number; deleted: number }>;
  renamed: Array<{ from: string; to: string }>;
  /** File anchors deleted (not renamed) since the memory was saved. */
  deletedFiles: string[];
  /** Every file anchor is gone: the memory describes code that no longer exists. */
  allDeleted: boolean;
}

/** What staleness needs of a memory. */
export interface AnchoredMemory {
  id: string;
  files: string[];
  created_at: string;
  /** HEAD when the memory was saved, when known. */
  commit?: string | null | undefined;
}

/** Split `git log -z --raw --numstat -M --format=%x01%H %ct` output into commits. */
export function parseGitLog(text: string): LogCommit[] {
  const commits: LogCommit[] = [];
  const tokens = text.split("\0");
  let current: LogCommit | undefined;
  const numstat = new Map<string, { added: number; deleted: number }>();
  const finish = () => {
    if (!current) return;
    for (const change of current.changes) {
      const stat = numstat.get(change.to ?? change.path) ?? numstat.get(change.path);
      if (stat) Object.assign(change, stat);
    }
    numstat.clear();
    commits.push(current);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^\n/, "");
    if (token.startsWith("\x01")) {
      finish();
      const [sha = "", time = "0"] = token.slice(1).split(" ");
      current = { sha, time: Number(time), changes: [] };
    } else if (token.startsWith(":") && current) {
      const status = (token.split(" ").at(-1) ?? "M").charAt(0) as FileChange["status"];
      const path = tokens[++i] ?? "";
      const change: FileChange = { status, path, added: 0, deleted: 0 };
      if (status === "R" || status === "C") change.to = tokens[++i] ?? "";
      current.changes.push(change);
    } else {
      const stat = token.match(/^(\d+|-)\t(\d+|-)\t(.*)$/s);
      if (!stat) continue;
      const counts = { added: Number(stat[1]) || 0, deleted: Number(stat[2]) || 0 };
      if (stat[3] === "") {
        i += 2; // a rename: the old and new paths follow
        numstat.set(tokens[i] ?? "", counts);
      } else {
        numstat.set(stat[3] ?? "", counts);
      }
    }
  }
  finish();
  return commits;
}

/** Whether an anchor (file, folder or glob) covers a path. */
function covers(anchor: string, path: string): boolean {
  if (anchor === path) return true;
  const folder = anchor.replace(/\/+$/, "");
  if (path.startsWith(folder + "/")) return true;
  const scan = picomatch.scan(anchor);
  return scan.isGlob && picomatch.isMatch(path, anchor, { dot: true });
}

/**
 * How a memory's anchors changed in `log` (newest first) since the memory was saved: after its
 * commit when the log contains it, else after its save time. `exists` says whether a path is in
 * the work tree now (deletions of a file that came back do not count).
 */
export function stalenessOf(
  memory: AnchoredMemory,
  log: LogCommit[],
  exists: (path: string) => boolean,
): Staleness {
  const savedAt = Date.parse(memory.created_at) / 1000;
  const commitIndex = memory.commit ? log.findIndex((c) => c.sha === memory.commit) : -1;
  const since = commitIndex >= 0 ? log.slice(0, commitIndex) : log.filter((c) => c.time > savedAt);
  const byAnchor = memory.files.map((anchor) => ({ anchor, commits: 0, added: 0, deleted: 0 }));
  const renamed: Staleness["renamed"] = [];
  const gone = new Set<string>();
  let commits = 0;
  let added = 0;
  let deleted = 0;
  // Oldest first, so a rename followed by a deletion ends as a deletion.
  for (const commit of [...since].reverse()) {
    let touched = false;
    for (const change of commit.changes) {
      const hits = byAnchor.filter((a) => covers(a.anchor, change.path));
      if (hits.length === 0) continue;
      touched = true;
      for (const hit of hits) {
        hit.commits++;
        hit.added += change.added;
        hit.deleted += change.deleted;
      }
      added += change.added;
      deleted += change.deleted;
      if (change.status === "R" && change.to && !memory.files.some((a) => covers(a, change.to!))) {
        renamed.push({ from: change.path, to: change.to });
      }
      if (change.status === "D") gone.add(change.path);
      if (change.status === "A") gone.delete(change.path);
    }
    if (touched) commits++;
  }
  for (const anchor of byAnchor) anchor.commits = Math.min(anchor.commits, commits);
  // Deleted: gone from the work tree, deleted (not renamed) in the log. Globs match whatever
  // exists, so they are never "deleted".
  const moved = (a: string) => renamed.some((r) => covers(a, r.from));
  const paths = memory.files.filter((a) => !picomatch.scan(a).isGlob);
  const deletedFiles = paths.filter((a) =>
    !exists(a.replace(/\/+$/, "")) && [...gone].some((g) => covers(a, g)) && !moved(a)
  );
  return {
    commits,
    added,
    deleted,
    byAnchor,
    renamed: collapseRenames(renamed),
    deletedFiles,
    allDeleted: deletedFiles.length > 0 && deletedFiles.length === memory.files.length,
  };
}

/** Renames of every file under one folder to one other folder read as a folder rename. */
function collapseRenames(renames: Staleness["renamed"]): Staleness["renamed"] {
  const last = new Map<string, string>();
  for (const { from, to } of renames) last.set(from, to);
  return [...last].map(([from, to]) => ({ from, to }));
}

/** The reasons a staleness adds to a memory in context (empty when nothing changed). */
export function stalenessReasons(staleness: Staleness): string[] {
  const reasons: string[] = [];
  if (staleness.allDeleted) {
    reasons.push(
      `stale: every anchored file was deleted since this was saved (${
        staleness.deletedFiles.join(", ")
      })`,
    );
    return reasons;
  }
  const touched = staleness.byAnchor.filter((a) => a.commits > 0)
    .sort((a, b) => b.commits - a.commits);
  for (const anchor of touched.slice(0, 2)) {
    reasons.push(
      `${anchor.anchor} changed in ${anchor.commits} commit${
        anchor.commits === 1 ? "" : "s"
      } since this was saved (+${anchor.added}/-${anchor.deleted} lines)`,
    );
  }
  for (const { from, to } of staleness.renamed.slice(0, 2)) {
    reasons.push(`${from} was renamed to ${to} since this was saved`);
  }
  for (const path of staleness.deletedFiles.slice(0, 2)) {
    reasons.push(`${path} was deleted since this was saved`);
  }
  return reasons;
}

/** A rank adjustment: churn lowers a memory a little, deleted anchors a lot. */
export function stalenessPenalty(staleness: Staleness): number {
  if (staleness.allDeleted) return 8;
  return Math.min(3, Math.log2(1 + staleness.commits) * 0.6) +
    (staleness.deletedFiles.length > 0 ? 1 : 0);
}

/** Where parsed logs are cached, and how many files to keep there. */
const CACHE_FILES = 400;

/**
 * The commits since `sinceTime` that touched any of `anchors` in the repository at `root`, newest
 * first. Cached per HEAD commit and anchor set in `cacheDir`; a cold call runs one `git log`
 * (with `--full-diff`, so a rename out of an anchored folder shows its new path too). Undefined
 * when HEAD cannot be read or git fails: staleness is then unknown, never an error.
 */
export function anchorHistory(
  root: string,
  anchors: string[],
  options: { sinceTime: number; cacheDir: string },
): LogCommit[] | undefined {
  const head = readHead(root);
  if (!head || anchors.length === 0) return undefined;
  const specs = [...new Set(anchors)].sort().map(pathspec);
  // Save times are rounded down to a day so one cache entry serves a day of new memories.
  const since = Math.floor(options.sinceTime / 86_400) * 86_400;
  const key = createHash("sha256").update(JSON.stringify([root, head, since, specs])).digest(
    "hex",
  ).slice(0, 32);
  const file = join(options.cacheDir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LogCommit[];
  } catch {
    // cold: fall through to git
  }
  const output = runGitLog(root, head, since, specs);
  if (output === undefined) return undefined;
  const log = parseGitLog(output);
  try {
    mkdirSync(options.cacheDir, { recursive: true });
    writeFileAtomic(file, JSON.stringify(log));
    pruneCache(options.cacheDir);
  } catch {
    // A read-only KORVA_HOME only costs the next call a git run.
  }
  return log;
}

function pathspec(anchor: string): string {
  const clean = anchor.replace(/^\/+/, "");
  return picomatch.scan(clean).isGlob
    ? `:(glob)${clean}`
    : `:(literal)${clean.replace(/\/+$/, "")}`;
}

function runGitLog(root: string, head: string, since: number, specs: string[]): string | undefined {
  try {
    const result = new Deno.Command("git", {
      args: [
        "-c",
        "core.quotePath=false",
        "log",
        "-z",
        "-M",
        "--raw",
        "--numstat",
        "--full-diff",
        "--no-merges",
        "--format=%x01%H %ct",
        `--since=${since}`,
        head,
        "--",
        ...specs,
      ],
      cwd: root,
      stdout: "piped",
      stderr: "null",
      stdin: "null",
    }).outputSync();
    return result.success ? new TextDecoder().decode(result.stdout) : undefined;
  } catch {
    return undefined;
  }
}

function pruneCache(dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  if (files.length <= CACHE_FILES) return;
  const byAge = files.map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => a.at - b.at);
  for (const { f } of byAge.slice(0, files.length - CACHE_FILES / 2)) {
    rmSync(join(dir, f), { force: true });
  }
}

/** Whether a repo-relative path exists in the work tree. */
export function inWorkTree(root: string): (path: string) => boolean {
  return (path) => existsSync(join(root, path));
}

/** Computes staleness for a batch of memories; what context ranking is given. */
export type StalenessLookup = (memories: AnchoredMemory[]) => Map<string, Staleness>;

/**
 * Staleness from the git repository at `root`, with the log cache in `cacheDir`: one
 * `anchorHistory` over the union of the memories' anchors, then a pure pass per memory.
 */
export function gitStaleness(root: string, cacheDir: string): StalenessLookup {
  return (memories) => {
    const anchored = memories.filter((m) => m.files.length > 0);
    const result = new Map<string, Staleness>();
    if (anchored.length === 0) return result;
    const oldest = Math.min(...anchored.map((m) => Date.parse(m.created_at) / 1000));
    const log = anchorHistory(root, anchored.flatMap((m) => m.files), {
      sinceTime: oldest,
      cacheDir,
    });
    if (!log) return result;
    const exists = inWorkTree(root);
    for (const memory of anchored) result.set(memory.id, stalenessOf(memory, log, exists));
    return result;
  };
}

/** The staleness lookup for a repository, caching under KORVA_HOME/cache/staleness. */
export function stalenessFor(home: string, root: string | undefined): StalenessLookup | undefined {
  return root ? gitStaleness(root, join(homePaths(home).cache, "staleness")) : undefined;
}
