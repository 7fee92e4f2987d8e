// Staleness from git: how much the code a memory is anchored to changed since the memory was
// saved (commits, changed lines, renames, deletions). One `git log` per context call when the
// cache is cold; the parsed log is cached per HEAD commit and pathspec set under KORVA_HOME.
import { fastHashHex } from "../fast_hash.ts";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "../fs_sync.ts";
import { join } from "../posix_path.ts";
import { writeFileAtomic } from "../atomic_write.ts";
import { gitOutput, readHead } from "../git.ts";
import { globMatcher, isGlob } from "../glob.ts";
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

/** Whether an anchor (file, folder or glob) covers a path; built once per anchor. */
export type AnchorMatcher = (anchor: string, path: string) => boolean;

/** A matcher that compiles each anchor's glob once (a log walk tests thousands of paths). */
export function anchorMatcher(): AnchorMatcher {
  const compiled = new Map<string, (path: string) => boolean>();
  return (anchor, path) => {
    let test = compiled.get(anchor);
    if (!test) {
      const folder = anchor.replace(/\/+$/, "") + "/";
      const glob = isGlob(anchor) ? globMatcher(anchor) : () => false;
      test = (p) => p === anchor || p.startsWith(folder) || glob(p);
      compiled.set(anchor, test);
    }
    return test(path);
  };
}

/** A log indexed by path, so each memory looks up only the paths its anchors cover. */
export interface LogIndex {
  log: LogCommit[];
  /** path → the commit indexes (into log) and changes touching it. */
  byPath: Map<string, Array<{ at: number; change: FileChange }>>;
  covers: AnchorMatcher;
  /** anchor → the indexed paths it covers (filled on first use). */
  pathsOf: Map<string, string[]>;
}

/** Index a log (newest first) by path. */
export function indexLog(log: LogCommit[], covers: AnchorMatcher = anchorMatcher()): LogIndex {
  const byPath: LogIndex["byPath"] = new Map();
  log.forEach((commit, at) => {
    for (const change of commit.changes) {
      let list = byPath.get(change.path);
      if (!list) byPath.set(change.path, list = []);
      list.push({ at, change });
    }
  });
  return { log, byPath, covers, pathsOf: new Map() };
}

function coveredPaths(index: LogIndex, anchor: string): string[] {
  let paths = index.pathsOf.get(anchor);
  if (!paths) {
    paths = index.byPath.has(anchor) ? [anchor] : [];
    if (isGlob(anchor) || !index.byPath.has(anchor)) {
      paths = [...index.byPath.keys()].filter((path) => index.covers(anchor, path));
    }
    index.pathsOf.set(anchor, paths);
  }
  return paths;
}

/**
 * How a memory's anchors changed since it was saved: after its commit when the log contains it,
 * else after its save time. `exists` says whether a path is in the work tree now (a deleted
 * file that came back is not deleted).
 */
export function stalenessOf(
  memory: AnchoredMemory,
  index: LogIndex,
  exists: (path: string) => boolean,
): Staleness {
  const { log, covers } = index;
  const savedAt = Date.parse(memory.created_at) / 1000;
  const commitIndex = memory.commit ? log.findIndex((c) => c.sha === memory.commit) : -1;
  const isSince = (at: number) => commitIndex >= 0 ? at < commitIndex : log[at]!.time > savedAt;
  const touchedAll = new Set<number>();
  const seen = new Set<FileChange>();
  const events: Array<{ at: number; change: FileChange }> = [];
  let added = 0;
  let deleted = 0;
  const byAnchor = memory.files.map((anchor) => {
    const commits = new Set<number>();
    let anchorAdded = 0;
    let anchorDeleted = 0;
    for (const path of coveredPaths(index, anchor)) {
      for (const entry of index.byPath.get(path) ?? []) {
        if (!isSince(entry.at)) continue;
        commits.add(entry.at);
        touchedAll.add(entry.at);
        anchorAdded += entry.change.added;
        anchorDeleted += entry.change.deleted;
        if (!seen.has(entry.change)) {
          seen.add(entry.change);
          events.push(entry);
          added += entry.change.added;
          deleted += entry.change.deleted;
        }
      }
    }
    return { anchor, commits: commits.size, added: anchorAdded, deleted: anchorDeleted };
  });
  // Oldest first (highest index), so a rename followed by a deletion ends as a deletion.
  events.sort((a, b) => b.at - a.at);
  const renamed: Staleness["renamed"] = [];
  const gone = new Set<string>();
  for (const { change } of events) {
    if (change.status === "R" && change.to && !memory.files.some((a) => covers(a, change.to!))) {
      renamed.push({ from: change.path, to: change.to });
    }
    if (change.status === "D") gone.add(change.path);
    if (change.status === "A") gone.delete(change.path);
  }
  // Deleted: gone from the work tree, deleted (not renamed) in the log. Globs match whatever
  // exists, so they are never "deleted".
  const moved = (a: string) => renamed.some((r) => covers(a, r.from));
  const paths = memory.files.filter((a) => !isGlob(a));
  const deletedFiles = paths.filter((a) =>
    !exists(a.replace(/\/+$/, "")) && [...gone].some((g) => covers(a, g)) && !moved(a)
  );
  return {
    commits: touchedAll.size,
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
  const key = cacheKey(["log", root, head, since, specs]);
  const cached = readCache<LogCommit[]>(options.cacheDir, key);
  if (cached) return cached;
  const output = runGitLog(root, head, since, specs);
  if (output === undefined) return undefined;
  // --full-diff lists every file of a commit; keep only what an anchor covers (and renames out
  // of one), so the cache stays small and the walk short.
  const covers = anchorMatcher();
  const log = parseGitLog(output).map((commit) => ({
    ...commit,
    changes: commit.changes.filter((change) => anchors.some((a) => covers(a, change.path))),
  }));
  writeCache(options.cacheDir, key, log);
  return log;
}

function pathspec(anchor: string): string {
  const clean = anchor.replace(/^\/+/, "");
  return isGlob(clean) ? `:(glob)${clean}` : `:(literal)${clean.replace(/\/+$/, "")}`;
}

function runGitLog(root: string, head: string, since: number, specs: string[]): string | undefined {
  return gitOutput(root, [
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
  ]);
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
    const head = readHead(root);
    if (!head) return result;
    // The answer for this HEAD and these memories, as they were: a file open that asks again
    // reads one small file and runs nothing.
    const key = cacheKey([
      "result",
      root,
      head,
      anchored.map((m) => [m.id, m.files, m.created_at, m.commit ?? null]),
    ]);
    const cached = readCache<Array<[string, Staleness]>>(cacheDir, key);
    if (cached) return new Map(cached);
    const oldest = Math.min(...anchored.map((m) => Date.parse(m.created_at) / 1000));
    const log = anchorHistory(root, anchored.flatMap((m) => m.files), {
      sinceTime: oldest,
      cacheDir,
    });
    if (!log) return result;
    const exists = inWorkTree(root);
    const index = indexLog(log);
    for (const memory of anchored) result.set(memory.id, stalenessOf(memory, index, exists));
    writeCache(cacheDir, key, [...result]);
    return result;
  };
}

function cacheKey(parts: unknown[]): string {
  return fastHashHex(JSON.stringify(parts));
}

function readCache<T>(dir: string, key: string): T | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.json`), "utf8")) as T;
  } catch {
    return undefined; // cold
  }
}

function writeCache(dir: string, key: string, value: unknown): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(join(dir, `${key}.json`), JSON.stringify(value));
    pruneCache(dir);
  } catch {
    // A read-only KORVA_HOME only costs the next call a git run.
  }
}

/** The staleness lookup for a repository, caching under KORVA_HOME/cache/staleness. */
export function stalenessFor(home: string, root: string | undefined): StalenessLookup | undefined {
  return root ? gitStaleness(root, join(homePaths(home).cache, "staleness")) : undefined;
}
