// Renames from git history, so anchors follow moved code: a memory anchored to
// src/payments/payments.ts still applies to src/billing/payments.ts, and `korva anchors fix`
// can rewrite the anchor. The rename list is cached per repository and brought up to date
// incrementally (`git log <last HEAD>..HEAD`), so a scan after a commit reads only new commits.
import { sha256Hex } from "../sha256.ts";
import { existsSync, mkdirSync, readFileSync } from "../fs_sync.ts";
import { join } from "../posix_path.ts";
import { writeFileAtomic } from "../atomic_write.ts";
import { gitOutput, readHead } from "../git.ts";
import { globBase, isGlob } from "../glob.ts";
import { homePaths } from "../paths.ts";

/** One file rename, oldest first in a list. */
export interface Rename {
  from: string;
  to: string;
  /** Committer time, seconds since the epoch. */
  time: number;
}

/** The renames known for a repository up to `head`. */
export interface RenameIndex {
  head: string | null;
  renames: Rename[];
}

const EMPTY: RenameIndex = { head: null, renames: [] };

function cacheFile(root: string, cacheDir: string): string {
  const key = sha256Hex(root).slice(0, 24);
  return join(cacheDir, `renames-${key}.json`);
}

/** The cached renames of a repository, without running git (possibly behind HEAD). */
export function loadRenames(root: string, cacheDir: string): RenameIndex {
  try {
    return JSON.parse(readFileSync(cacheFile(root, cacheDir), "utf8")) as RenameIndex;
  } catch {
    return EMPTY;
  }
}

/**
 * Bring the cached renames up to HEAD: nothing when they are current, else one `git log` over
 * the commits since the cached HEAD (the whole history the first time). Returns the index and
 * whether git ran.
 */
export function refreshRenames(root: string, cacheDir: string): RenameIndex & { ran: boolean } {
  const cached = loadRenames(root, cacheDir);
  const head = readHead(root);
  if (!head || cached.head === head) return { ...cached, ran: false };
  const range = cached.head ? [`${cached.head}..${head}`] : [head];
  let output = runRenameLog(root, range);
  // The cached HEAD may be gone (rebased away, gc'd): start over from the whole history.
  if (output === undefined && cached.head) output = runRenameLog(root, [head]);
  if (output === undefined) return { ...cached, ran: true };
  const fresh = parseRenameLog(output);
  const index: RenameIndex = {
    head,
    renames: [...cached.renames, ...fresh].sort((a, b) => a.time - b.time),
  };
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileAtomic(cacheFile(root, cacheDir), JSON.stringify(index));
  } catch {
    // A read-only KORVA_HOME only costs the next call a scan.
  }
  return { ...index, ran: true };
}

/** The rename cache folder under KORVA_HOME. */
export function renameCacheDir(home: string): string {
  return join(homePaths(home).cache, "renames");
}

function runRenameLog(root: string, range: string[]): string | undefined {
  return gitOutput(root, [
    "-c",
    "core.quotePath=false",
    "log",
    "-z",
    "-M",
    "--diff-filter=R",
    "--name-status",
    "--no-merges",
    "--format=%x01%ct",
    ...range,
  ]);
}

/** Parse `git log -z --name-status --diff-filter=R --format=%x01%ct` into renames, oldest first. */
export function parseRenameLog(text: string): Rename[] {
  const renames: Rename[] = [];
  const tokens = text.split("\0");
  let time = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^\n/, "");
    if (token.startsWith("\x01")) {
      time = Number(token.slice(1).trim()) || 0;
    } else if (/^R\d*$/.test(token)) {
      const from = tokens[++i] ?? "";
      const to = tokens[++i] ?? "";
      if (from && to) renames.push({ from, to, time });
    }
  }
  return renames.sort((a, b) => a.time - b.time);
}

/** The names `path` had before it was renamed (most recent first, at most 10). */
export function formerPaths(index: RenameIndex, path: string): string[] {
  const former: string[] = [];
  let current = path;
  for (let i = index.renames.length - 1; i >= 0 && former.length < 10; i--) {
    const rename = index.renames[i]!;
    if (rename.to === current && !former.includes(rename.from)) {
      former.push(rename.from);
      current = rename.from;
    }
  }
  return former;
}

/**
 * Where an anchor points now: a file follows its renames; a folder or glob follows when every
 * renamed file under its base moved to one new folder and the old folder is gone. Undefined when
 * the anchor did not move.
 */
export function movedAnchor(
  index: RenameIndex,
  anchor: string,
  exists: (path: string) => boolean,
): string | undefined {
  const glob = isGlob(anchor);
  if (!glob && !anchor.endsWith("/")) {
    let current = anchor;
    for (const rename of index.renames) if (rename.from === current) current = rename.to;
    return current !== anchor && !exists(anchor) ? current : undefined;
  }
  const base = (glob ? globBase(anchor) : anchor).replace(/\/+$/, "");
  if (base === "" || exists(base)) return undefined;
  const targets = new Set<string>();
  for (const rename of index.renames) {
    if (!rename.from.startsWith(`${base}/`)) continue;
    const rest = rename.from.slice(base.length);
    if (!rename.to.endsWith(rest)) return undefined;
    targets.add(rename.to.slice(0, rename.to.length - rest.length));
  }
  if (targets.size !== 1) return undefined;
  const target = [...targets][0]!;
  return target + anchor.slice(base.length);
}

/** A work-tree existence check for a repository. */
export function existsIn(root: string): (path: string) => boolean {
  return (path) => existsSync(join(root, path));
}
