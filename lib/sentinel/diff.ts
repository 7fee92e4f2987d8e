// What the sentinel judges: the staged change (from the index, never the working tree and never
// a stash), a revision range, or whole files — each as paths, contents and added line numbers.
import { readFileSync, statSync } from "../fs_sync.ts";
import { join } from "../posix_path.ts";
import { KorvaError, messageOf } from "../errors.ts";

/** One file to check: its new path, content, and the line numbers (1-based) that are added. */
export interface ChangedFile {
  path: string;
  content: string;
  /** Added lines; "all" when the whole file is judged (--all, --files, content). */
  added: Set<number> | "all";
  size: number;
  binary: boolean;
}

/** Which change to judge. */
export type Target =
  | { kind: "staged" }
  | { kind: "diff"; range: string }
  | { kind: "all" }
  | { kind: "files"; files: string[] }
  | { kind: "content"; path: string; content: string; added?: number[] };

const MAX_TEXT_BYTES = 1024 * 1024;

function git(cwd: string, args: string[]): Uint8Array {
  let result: Deno.CommandOutput;
  try {
    result = new Deno.Command("git", {
      args: ["-c", "core.quotePath=false", ...args],
      cwd,
      stdout: "piped",
      stderr: "piped",
      stdin: "null",
    }).outputSync();
  } catch (error) {
    throw new KorvaError(`Cannot run git: ${messageOf(error)}`, {
      exitCode: 3,
      hint: "install git and make sure it is on PATH",
    });
  }
  if (!result.success) {
    const stderr = new TextDecoder().decode(result.stderr).trim().split("\n")[0] ?? "";
    throw new KorvaError(`git ${args[0]} failed: ${stderr}`, { exitCode: 3 });
  }
  return result.stdout;
}

/** Collect the files of a target with their contents and added lines. */
export async function collectChanges(cwd: string, target: Target): Promise<ChangedFile[]> {
  switch (target.kind) {
    case "content":
      return [
        textFile(
          target.path,
          new TextEncoder().encode(target.content),
          target.added ? new Set(target.added) : "all",
        ),
      ];
    case "files":
      return target.files.map((file) => {
        const bytes = readFileSync(join(cwd, file));
        return textFile(file.replaceAll("\\", "/"), bytes, "all");
      });
    case "all": {
      const names = decode(git(cwd, ["ls-files", "-z"])).split("\0").filter((f) => f !== "");
      return names.flatMap((file) => {
        try {
          if (statSync(join(cwd, file)).size > MAX_TEXT_BYTES * 4) return [];
          return [textFile(file, readFileSync(join(cwd, file)), "all")];
        } catch {
          return []; // deleted in the working tree
        }
      });
    }
    case "staged":
    case "diff": {
      const rangeArgs = target.kind === "staged" ? ["--cached"] : [target.range];
      const patch = decode(git(cwd, [
        "diff",
        ...rangeArgs,
        "-U0",
        "--no-color",
        "--no-ext-diff",
        "-M",
        "--diff-filter=ACMR",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        "--text",
      ]));
      const added = parseAddedLines(patch);
      if (added.size === 0) return [];
      const rev = target.kind === "staged" ? "" : endOfRange(target.range);
      const blobs = await readBlobs(cwd, [...added.keys()].map((path) => `${rev}:${path}`));
      return [...added.entries()].map(([path, lines], i) =>
        textFile(path, blobs[i] ?? new Uint8Array(), lines)
      );
    }
  }
}

function endOfRange(range: string): string {
  const parts = range.split(/\.\.\.?/);
  return parts.length > 1 ? (parts[1] || "HEAD") : "HEAD";
}

function textFile(path: string, bytes: Uint8Array, added: Set<number> | "all"): ChangedFile {
  const head = bytes.subarray(0, 8000);
  const binary = head.includes(0);
  return {
    path,
    // CRLF becomes LF so `^`/`$` (which also treat a lone CR as a line end) count lines as git does.
    content: binary || bytes.length > MAX_TEXT_BYTES
      ? ""
      : new TextDecoder().decode(bytes).replaceAll("\r\n", "\n"),
    added,
    size: bytes.length,
    binary,
  };
}

/**
 * Parse a `-U0` unified diff into new path → added line numbers. Paths come from the `+++ b/`
 * header (quoted C-style by git when they contain special characters).
 */
export function parseAddedLines(patch: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  let line = 0;
  for (const text of patch.split("\n")) {
    if (text.startsWith("+++ ")) {
      const name = unquote(text.slice(4));
      if (name === "/dev/null") {
        current = undefined;
        continue;
      }
      const path = name.replace(/^b\//, "");
      current = files.get(path) ?? new Set();
      files.set(path, current);
      continue;
    }
    if (text.startsWith("@@")) {
      const m = text.match(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/);
      line = m ? Number(m[1]) : 0;
      continue;
    }
    if (!current) continue;
    if (text.startsWith("+")) current.add(line++);
    else if (text.startsWith(" ")) line++;
  }
  return files;
}

function unquote(name: string): string {
  const trimmed = name.replace(/\t$/, "");
  if (!trimmed.startsWith('"')) return trimmed;
  const bytes: number[] = [];
  const body = trimmed.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? "";
    if (c !== "\\") {
      bytes.push(...new TextEncoder().encode(c));
      continue;
    }
    const next = body[++i] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(
        ({ n: 10, t: 9, '"': 34, "\\": 92 } as Record<string, number>)[next] ?? next.charCodeAt(0),
      );
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Read many objects (`:path` = index, `rev:path`) with one `git cat-file --batch`. */
export async function readBlobs(cwd: string, names: string[]): Promise<Uint8Array[]> {
  if (names.length === 0) return [];
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command("git", {
      args: ["cat-file", "--batch"],
      cwd,
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch (error) {
    throw new KorvaError(`Cannot run git: ${messageOf(error)}`, { exitCode: 3 });
  }
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(names.join("\n") + "\n"));
  await writer.close();
  const { stdout, success } = await child.output();
  if (!success) {
    throw new KorvaError("git cat-file failed to read the staged files", { exitCode: 3 });
  }
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (let i = 0; i < names.length; i++) {
    const end = stdout.indexOf(10, offset);
    const header = new TextDecoder().decode(stdout.subarray(offset, end));
    offset = end + 1;
    const m = header.match(/^\S+ \S+ (\d+)$/);
    if (!m) {
      blobs.push(new Uint8Array());
      continue;
    }
    const size = Number(m[1]);
    blobs.push(stdout.subarray(offset, offset + size));
    offset += size + 1;
  }
  return blobs;
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
