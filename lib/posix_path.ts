// POSIX path functions with node:path's answers, for the modules the hooks load: importing
// node:path starts part of Deno's Node layer (~10 ms CPU per process; issue 19). korva runs on
// Linux and macOS (Windows through WSL), so POSIX paths are the only kind.

/** `path` without `.` and empty segments, `..` applied; `..` kept at the start of a relative one. */
function segments(path: string, relative: boolean): string[] {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (relative) out.push("..");
    } else {
      out.push(part);
    }
  }
  return out;
}

/** node:path's normalize. */
export function normalize(path: string): string {
  if (path === "") return ".";
  const absolute = path.startsWith("/");
  let joined = segments(path, !absolute).join("/");
  if (joined === "" && !absolute) joined = ".";
  if (joined !== "" && path.endsWith("/")) joined += "/";
  return absolute ? `/${joined}` : joined;
}

/** node:path's join: the non-empty parts joined with `/`, normalized. */
export function join(...parts: string[]): string {
  const joined = parts.filter((part) => part !== "").join("/");
  return joined === "" ? "." : normalize(joined);
}

/** node:path's isAbsolute. */
export function isAbsolute(path: string): boolean {
  return path.startsWith("/");
}

/** node:path's resolve: an absolute, normalized path, relative parts read from the cwd. */
export function resolve(...parts: string[]): string {
  let resolved = "";
  for (let i = parts.length - 1; i >= -1 && !resolved.startsWith("/"); i--) {
    const part = i >= 0 ? parts[i]! : Deno.cwd();
    if (part === "") continue;
    resolved = resolved === "" ? part : `${part}/${resolved}`;
  }
  return `/${segments(resolved, false).join("/")}`;
}

/** node:path's dirname. */
export function dirname(path: string): string {
  if (path === "") return ".";
  const rooted = path.startsWith("/");
  let end = -1;
  let matchedSlash = true;
  for (let i = path.length - 1; i >= 1; i--) {
    if (path[i] === "/") {
      if (!matchedSlash) {
        end = i;
        break;
      }
    } else {
      matchedSlash = false;
    }
  }
  if (end === -1) return rooted ? "/" : ".";
  if (rooted && end === 1) return "//";
  return path.slice(0, end);
}

/** node:path's basename (without the extension argument). */
export function basename(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === "/") end--;
  if (end === 0) return "";
  return path.slice(path.lastIndexOf("/", end - 1) + 1, end);
}

/** node:path's extname: the last `.` and what follows in the basename, unless it leads it. */
export function extname(path: string): string {
  const base = basename(path);
  const dot = base.lastIndexOf(".");
  return dot <= 0 || base === ".." ? "" : base.slice(dot);
}

/** node:path's relative: the path from `from` to `to`, both resolved first. */
export function relative(from: string, to: string): string {
  const a = segments(resolve(from), false);
  const b = segments(resolve(to), false);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...Array(a.length - common).fill(".."), ...b.slice(common)].join("/");
}
