// Globs in memory anchors and sentinel rules: whether a string is one, the folder before its
// first wildcard, and a matcher that includes dot files. zeptomatch is an ES module: picomatch,
// which this replaces, is CommonJS and starts Deno's Node layer (~40 ms) in every hook that loads it.
import zeptomatch from "zeptomatch";

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
  return (path) => path === folder || path.startsWith(folder + "/");
}

/** A matcher for one glob or any of several; dot files match like other files. */
export function globMatcher(patterns: string | string[]): GlobMatcher {
  const folders = (typeof patterns === "string" ? [patterns] : patterns).map(folderMatcher);
  if (folders.length > 0 && folders.every((m) => m !== undefined)) {
    return (path) => folders.some((m) => m!(path));
  }
  const regex = zeptomatch.compile(patterns);
  return (path) => regex.test(path);
}

/** Whether `path` matches `glob` (dot files included). */
export function globMatches(path: string, glob: string): boolean {
  const folder = folderMatcher(glob);
  return folder ? folder(path) : zeptomatch(glob, path);
}
