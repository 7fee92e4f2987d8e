// Git plumbing korva needs everywhere: the repository root and the project's identity.
import { existsSync, readFileSync, realpathSync, statSync } from "./fs_sync.ts";
import { basename, dirname, join, resolve } from "./posix_path.ts";

/** Run git and return trimmed stdout, or undefined when git fails or is missing. */
export function gitOutput(cwd: string, args: string[]): string | undefined {
  try {
    const result = new Deno.Command("git", {
      args,
      cwd,
      stdout: "piped",
      stderr: "null",
      stdin: "null",
    }).outputSync();
    if (!result.success) return undefined;
    return new TextDecoder().decode(result.stdout).trim();
  } catch {
    return undefined;
  }
}

/** The top-level folder of the git work tree containing cwd, or undefined outside a repo. */
export function repoRoot(cwd: string): string | undefined {
  const root = gitOutput(cwd, ["rev-parse", "--show-toplevel"]);
  return root === undefined || root === "" ? undefined : root;
}

/**
 * The top-level folder of the work tree containing `dir`, found by walking up to the nearest
 * `.git` (a folder, or a file in a linked worktree or submodule) without spawning git, which
 * costs the edit-time gate ~5 ms per edit. With GIT_DIR or GIT_WORK_TREE set, git decides.
 */
export function findRepoRoot(
  dir: string,
  env: (name: string) => string | undefined,
): string | undefined {
  if (env("GIT_DIR") !== undefined || env("GIT_WORK_TREE") !== undefined) return repoRoot(dir);
  for (let at = resolve(dir);; at = dirname(at)) {
    if (existsSync(join(at, ".git"))) return realpathSync(at);
    if (dirname(at) === at) return undefined;
  }
}

/**
 * Normalize a remote URL to `host/owner/name`: scheme, credentials, port, `.git` and case of the
 * host are dropped, so SSH and HTTPS clones of one repository name the same project.
 */
export function normalizeRemote(url: string): string {
  let rest = url.trim();
  const scp = rest.match(/^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) {
    rest = `${scp[1]}/${scp[2]}`;
  } else {
    rest = rest.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/^[^@/]*@/, "");
    rest = rest.replace(/^([^/:]+):\d+(?=\/)/, "$1");
  }
  rest = rest.replace(/\/+$/, "").replace(/\.git$/i, "");
  const [host = "", ...path] = rest.split("/");
  return [host.toLowerCase(), ...path].filter((part) => part !== "").join("/");
}

/** The project name when not inside any repository. */
export const DEFAULT_PROJECT = "default";

/**
 * The project identity for cwd: the normalized `origin` URL, else the repo root's folder name,
 * else DEFAULT_PROJECT outside a repository.
 */
export function detectProject(cwd: string): string {
  const root = repoRoot(cwd);
  if (root === undefined) return DEFAULT_PROJECT;
  return detectProjectAt(root);
}

/** The project identity of a known repository root: its origin, else its folder name. */
export function detectProjectAt(root: string): string {
  const origin = gitOutput(root, ["config", "--get", "remote.origin.url"]);
  if (origin) return normalizeRemote(origin);
  return basename(root);
}

/**
 * The commit HEAD points at, read from the repository's files without spawning git (a hot path
 * runs it on every file open): HEAD, the branch's loose ref, then packed-refs. Undefined when the
 * branch has no commit yet or the layout is not understood.
 */
export function readHead(root: string): string | undefined {
  try {
    let gitDir = join(root, ".git");
    if (statSync(gitDir).isFile()) {
      const pointer = readFileSync(gitDir, "utf8").match(/^gitdir:\s*(.+)\s*$/m)?.[1];
      if (!pointer) return undefined;
      gitDir = resolve(root, pointer);
    }
    const head = readFileSync(join(gitDir, "HEAD"), "utf8").trim();
    if (/^[0-9a-f]{40,64}$/.test(head)) return head;
    const ref = head.match(/^ref:\s*(\S+)$/)?.[1];
    if (!ref) return undefined;
    // A linked worktree keeps its HEAD but shares refs with the main repository.
    const common = existsSync(join(gitDir, "commondir"))
      ? resolve(gitDir, readFileSync(join(gitDir, "commondir"), "utf8").trim())
      : gitDir;
    for (const dir of [gitDir, common]) {
      const loose = join(dir, ref);
      if (existsSync(loose)) return readFileSync(loose, "utf8").trim();
    }
    const packed = join(common, "packed-refs");
    if (!existsSync(packed)) return undefined;
    for (const line of readFileSync(packed, "utf8").split("\n")) {
      const [sha, name] = line.split(" ");
      if (name === ref && sha) return sha;
    }
    return undefined;
  } catch {
    return undefined;
  }
}
