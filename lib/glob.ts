// Globs in memory anchors and sentinel rules: whether a string is one, the folder before its
// first wildcard, and a matcher that includes dot files. zeptomatch is an ES module: picomatch,
// which this replaces, is CommonJS and starts Deno's Node layer (~40 ms) in every hook that loads it.
// `folder/**` needs no compiler; any other glob needs zeptomatch, which loads (~5 ms, as an npm
// package) only when a caller awaits prepareGlobs or loadGlobCompiler first: the CLI, the MCP
// server and the service load it at start, the hooks only when their anchors or rules need it.
import { importLazily } from "./lazy_import.ts";

type Compiler = typeof import("./glob_compiler.ts")["zeptomatch"];
let compiler: Compiler | undefined;
/** Regexes of globs compiled earlier (lib/glob_cache.ts), by glob: no compiler needed for them. */
const known = new Map<string, RegExp>();
/** Globs this process compiled with zeptomatch: what a cache may keep. */
const fresh = new Map<string, RegExp>();

/** The compiler whose output a cache holds: its name and version (a test checks deno.json). */
export const GLOB_COMPILER = "zeptomatch@2.1.0";

/** Load zeptomatch (once per process). */
export async function loadGlobCompiler(): Promise<void> {
  compiler ??= (await importLazily<typeof import("./glob_compiler.ts")>(
    import.meta.url,
    "./glob_compiler.ts",
  )).zeptomatch;
}

/** Load zeptomatch when one of `patterns` is a glob that needs it (not known, not `folder/**`). */
export async function prepareGlobs(patterns: Iterable<string>): Promise<void> {
  for (const pattern of patterns) {
    if (isGlob(pattern) && !folderMatcher(pattern) && !known.has(pattern)) {
      return await loadGlobCompiler();
    }
  }
}

/** Regex sources and flags of globs compiled before, to use instead of compiling them. */
export function knowGlobs(entries: Record<string, [source: string, flags: string]>): void {
  for (const [glob, [source, flags]] of Object.entries(entries)) {
    try {
      known.set(glob, new RegExp(source, flags));
    } catch {
      // A damaged entry: the glob is compiled again.
    }
  }
}

/**
 * The globs this process compiled since the last call (source and flags), for a cache to keep;
 * they count as known from then on, so a long-running process hands each over once.
 */
export function takeFreshGlobs(): Record<string, [source: string, flags: string]> {
  const taken = Object.fromEntries(
    [...fresh].map(([glob, re]): [string, [string, string]] => [glob, [re.source, re.flags]]),
  );
  for (const [glob, re] of fresh) known.set(glob, re);
  fresh.clear();
  return taken;
}

/** One glob as a regex: known, or compiled now (the compiler must be loaded). */
function globRegex(glob: string): RegExp {
  let regex = known.get(glob) ?? fresh.get(glob);
  if (regex) return regex;
  if (!compiler) {
    throw new Error(
      "a glob was compiled before its compiler was loaded (lib/glob.ts: prepareGlobs)",
    );
  }
  regex = compiler.compile(glob);
  fresh.set(glob, regex);
  return regex;
}

/** A compiled glob (or list of globs, any of which may match). */
export type GlobMatcher = (path: string) => boolean;

/**
 * The index of the first wildcard (`*`, `?`, a closed `[…]` or `{…}`, a `(`), skipping escaped
 * characters and a leading `!`; -1 for a plain path. The same strings count as globs as with
 * picomatch's scan, which the anchors stored by earlier versions were classified with.
 */
function firstWildcard(pattern: string): number {
  for (let i = pattern.startsWith("!") ? 1 : 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "*" || c === "?" || c === "(") return i;
    else if (c === "[" && pattern.indexOf("]", i + 1) > 0) return i;
    else if (c === "{" && pattern.indexOf("}", i + 1) > 0) return i;
  }
  return -1;
}

/** Whether an anchor or rule pattern is a glob rather than a path or folder. */
export function isGlob(pattern: string): boolean {
  return firstWildcard(pattern) >= 0;
}

/** The literal folder a glob starts with ("src/payments" for "src/payments/**"). */
export function globBase(pattern: string): string {
  const at = firstWildcard(pattern);
  const start = pattern.startsWith("!") ? 1 : 0;
  if (at < 0) return pattern.slice(start);
  const slash = pattern.lastIndexOf("/", at);
  return slash < start ? "" : pattern.slice(start, slash);
}

/**
 * `folder/**` as the plain test it is (the folder and everything under it), without compiling:
 * the commonest anchor and rule path, and a hook's first zeptomatch compile costs ~2 ms.
 * Undefined for any other glob.
 */
function folderMatcher(glob: string): GlobMatcher | undefined {
  if (!glob.endsWith("/**")) return undefined;
  const folder = glob.slice(0, -3);
  if (folder === "" || firstWildcard(folder) >= 0 || /^!|\\/.test(folder)) return undefined;
  // zeptomatch reads a backslash in a path as a separator too.
  return (path) => {
    const slashed = path.replaceAll("\\", "/");
    return slashed === folder || slashed.startsWith(folder + "/");
  };
}

/** A matcher for one glob or any of several; dot files match like other files. */
export function globMatcher(patterns: string | string[]): GlobMatcher {
  // Any of several matches as zeptomatch's merged list does (it joins their regexes with `|`).
  const each = (typeof patterns === "string" ? [patterns] : patterns).map((glob) => {
    const folder = folderMatcher(glob);
    if (folder) return folder;
    const regex = globRegex(glob);
    return (path: string) => regex.test(path);
  });
  return each.length === 1 ? each[0]! : (path) => each.some((test) => test(path));
}

/**
 * Whether `path` matches `glob` (dot files included). A glob matches only its literal folder or
 * what is under it, so most globs are ruled out before one is compiled (a file hook tests every
 * glob anchor in the vault).
 */
export function globMatches(path: string, glob: string): boolean {
  const folder = folderMatcher(glob);
  if (folder) return folder(path);
  const base = globBase(glob);
  const plain = base !== "" && !glob.startsWith("!") && !/\\/.test(base + path);
  if (plain && path !== base && !path.startsWith(base + "/")) return false;
  return globRegex(glob).test(path);
}
