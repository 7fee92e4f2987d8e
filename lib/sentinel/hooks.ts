// Git hooks that call korva: pre-commit (sentinel), post-commit (draft a candidate from a fix),
// post-merge and post-checkout (team sync).
// korva's script (absolute paths, per clone) lives in `<git-common-dir>/korva/hooks/`; the hook
// git runs only gets a short block, without absolute paths, that calls it. So a hook written by
// husky, lefthook, pre-commit or simple-git-hooks keeps its name, place and `$0`, a hook in a
// tracked `core.hooksPath` folder never carries a machine's paths, and uninstall removes exactly
// the block it added. husky v9 is reached through its user-level scripts in `.husky/`.
import { chmodSync, existsSync, readFileSync, renameSync, rmSync } from "../fs_sync.ts";
import { basename, dirname, isAbsolute, join, resolve } from "../posix_path.ts";
import { writeFileAtomic } from "../atomic_write.ts";
import type { SelfCommand } from "../deps.ts";
import { KorvaError } from "../errors.ts";
import { gitOutput, repoRoot } from "../git.ts";

/** The hooks korva installs, and what each runs. */
export const HOOKS = {
  "pre-commit": "sentinel",
  "post-commit": "capture",
  "post-merge": "sync",
  "post-checkout": "sync",
} as const;
export type HookName = keyof typeof HOOKS;

/**
 * The hooks a clone gets: post-commit capture is opt-in (`korva hooks install --post-commit`),
 * since every commit then waits for it; once installed it is kept current like the others.
 */
function wanted(location: HookLocation, postCommit: boolean): HookName[] {
  return (Object.keys(HOOKS) as HookName[]).filter((name) =>
    name !== "post-commit" || postCommit || hasBlock(readText(join(location.target, name)) ?? "")
  );
}

/** How long the hooks after a commit, merge or checkout wait for a write-locked vault. */
export const HOOK_SYNC_LOCK_TIMEOUT_MS = 250;

const BEGIN =
  "# >>> korva hook >>> (added by `korva hooks install`; `korva hooks uninstall` removes it)";
const BEGIN_CREATED = BEGIN.replace(">>> (", ">>> (file created by korva; ");
const END = "# <<< korva hook <<<";
const CREATED_SHEBANG = "#!/bin/sh\n";
/** Marks korva's script, and the whole-file hooks older korva versions wrote. */
const MARKER = "# korva-managed-hook";
const LEGACY_CHAINED_SUFFIX = ".korva-chained";

/** Where git runs hooks for the repository containing cwd, and where korva's scripts live. */
export interface HookLocation {
  root: string;
  /** The folder git runs hooks from (core.hooksPath or .git/hooks). */
  dir: string;
  /** The folder whose scripts korva adds its block to (`.husky` for husky v9, else `dir`). */
  target: string;
  /** `<git-common-dir>/korva/hooks`: korva's own scripts, never inside the work tree. */
  scripts: string;
  /** Which manager owns the hooks, when one is recognised. */
  manager: "husky" | undefined;
}

/** Where git runs hooks for the repository containing cwd. */
export function hooksDir(cwd: string): HookLocation {
  const root = repoRoot(cwd);
  if (!root) {
    throw new KorvaError(`Cannot install hooks in "${cwd}": it is not inside a git repository`, {
      exitCode: 3,
    });
  }
  const abs = (path: string) => isAbsolute(path) ? path : resolve(root, path);
  const dir = abs(gitOutput(root, ["rev-parse", "--git-path", "hooks"]) ?? ".git/hooks");
  const common = abs(gitOutput(root, ["rev-parse", "--git-common-dir"]) ?? ".git");
  // husky v9 points core.hooksPath at `.husky/_`, whose generated files call `.husky/<hook>`
  // by their own basename; korva adds its call to that user-level script (husky regenerates
  // `.husky/_` on every install, so nothing there is touched).
  const husky = basename(dir) === "_" && basename(dirname(dir)) === ".husky" &&
    (existsSync(join(dir, "h")) || existsSync(join(dir, "husky.sh")));
  return {
    root,
    dir,
    target: husky ? dirname(dir) : dir,
    scripts: join(common, "korva", "hooks"),
    manager: husky ? "husky" : undefined,
  };
}

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The block korva adds to the hook git runs: it calls korva's script when this clone has one. */
export function hookBlock(name: HookName, created = false): string {
  return `${created ? BEGIN_CREATED : BEGIN}
korva_hook="$(git rev-parse --git-common-dir 2>/dev/null)/korva/hooks/${name}"
if [ -x "$korva_hook" ]; then "$korva_hook" "$@" || exit $?; fi
unset korva_hook
${END}
`;
}

/** korva's script for one hook (absolute paths; lives outside the work tree). */
export function hookScript(name: HookName, self: SelfCommand): string {
  const command = [self.command, ...self.args].map(shellQuote).join(" ");
  const checks = [self.command, ...self.args.filter((a) => a.endsWith(".ts"))]
    .map((p) => `[ -e ${shellQuote(p)} ]`).join(" && ");
  const bodies: Record<(typeof HOOKS)[HookName], string> = {
    sentinel: `if [ "\${KORVA_SKIP:-}" = "1" ]; then
  echo "korva: KORVA_SKIP=1, sentinel skipped" >&2
elif ${checks}; then
  ${command} sentinel check --staged
  status=$?
  if [ "$status" -eq 1 ]; then exit 1; fi
  if [ "$status" -ne 0 ]; then
    echo "korva: the sentinel could not check this commit (exit $status); fix the error above, or bypass once with git commit --no-verify" >&2
    exit "$status"
  fi
else
  echo "korva: warning: korva is not installed at ${
      self.command.replaceAll('"', "")
    }; commit not checked (run korva hooks install again)" >&2
fi`,
    // Its one line on stderr ("… looks like a concurrency fix") is meant for the committer.
    capture: `if [ "\${KORVA_SKIP:-}" != "1" ] && ${checks}; then
  KORVA_LOCK_TIMEOUT_MS=${HOOK_SYNC_LOCK_TIMEOUT_MS} ${command} hook post-commit >/dev/null || true
fi`,
    sync: `if [ "\${KORVA_SKIP:-}" != "1" ] && ${checks}; then
  ${command} sync --quiet --lock-timeout ${HOOK_SYNC_LOCK_TIMEOUT_MS} >/dev/null 2>&1 || true
fi`,
  };
  const body = bodies[HOOKS[name]];
  return `#!/bin/sh
${MARKER} (${name}): written by \`korva hooks install\`; \`korva hooks uninstall\` removes it.
${body}
exit 0
`;
}

/** Status of each hook in a repository. */
export interface HookStatus {
  name: HookName;
  /** The hook file that carries korva's block. */
  path: string;
  installed: boolean;
  /** The hook file runs something besides korva (the user's or a hook manager's script). */
  chained: boolean;
  current: boolean;
}

/**
 * Install (or refresh) every hook: korva's scripts under `<git-common-dir>/korva/hooks`, and a
 * block calling them at the top of each hook git runs (existing hooks keep all their lines).
 */
export function installHooks(
  cwd: string,
  self: SelfCommand,
  options: { postCommit?: boolean } = {},
): HookStatus[] {
  const location = hooksDir(cwd);
  return wanted(location, options.postCommit ?? false).map((name) => {
    const path = join(location.target, name);
    restoreLegacy(path);
    const text = readText(path);
    if (text !== undefined && !isShellScript(text)) {
      throw new KorvaError(
        `Cannot install the ${name} hook: "${path}" is not a shell script (${
          text.split("\n", 1)[0]
        })`,
        {
          exitCode: 2,
          hint: `call "$(git rev-parse --git-common-dir)/korva/hooks/${name}" from it by hand`,
        },
      );
    }
    const script = join(location.scripts, name);
    writeFileAtomic(script, hookScript(name, self), { mode: 0o755 });
    chmodSync(script, 0o755);
    if (text === undefined) {
      writeFileAtomic(path, CREATED_SHEBANG + hookBlock(name, true), { mode: 0o755 });
      chmodSync(path, 0o755);
    } else if (!hasBlock(text)) {
      writeFileAtomic(path, insertBlock(text, hookBlock(name)));
    } else if (!text.includes(hookBlock(name)) && !text.includes(hookBlock(name, true))) {
      // An older block: replace it in place.
      writeFileAtomic(path, insertBlock(removeBlock(text).text, hookBlock(name)));
    }
    return status(location, name, self);
  });
}

/** Remove korva's blocks and scripts; every hook file is left byte for byte as it was before. */
export function uninstallHooks(cwd: string): HookStatus[] {
  const location = hooksDir(cwd);
  return (Object.keys(HOOKS) as HookName[]).map((name) => {
    const path = join(location.target, name);
    restoreLegacy(path);
    const text = readText(path);
    if (text !== undefined && hasBlock(text)) {
      const { text: rest, created } = removeBlock(text);
      if (created && rest === CREATED_SHEBANG) rmSync(path);
      else writeFileAtomic(path, rest);
    }
    rmSync(join(location.scripts, name), { force: true });
    return { name, path, installed: false, chained: false, current: false };
  });
}

/** Whether each hook is installed, chained, and up to date with this korva's path. */
export function hooksStatus(cwd: string, self: SelfCommand): HookStatus[] {
  const location = hooksDir(cwd);
  return wanted(location, false).map((name) => status(location, name, self));
}

function status(location: HookLocation, name: HookName, self: SelfCommand): HookStatus {
  const path = join(location.target, name);
  const text = readText(path) ?? "";
  const script = readText(join(location.scripts, name));
  const installed = hasBlock(text) && script !== undefined;
  const { text: rest, created } = hasBlock(text) ? removeBlock(text) : { text, created: false };
  return {
    name,
    path,
    installed,
    chained: installed && !(created && rest === CREATED_SHEBANG),
    current: installed && script === hookScript(name, self) &&
      (text.includes(hookBlock(name)) || text.includes(hookBlock(name, true))),
  };
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof Deno.errors.NotFound || (error as { code?: string }).code === "ENOENT") {
      return undefined;
    }
    throw new KorvaError(`Cannot read the hook "${path}": ${(error as Error).message}`, {
      exitCode: 3,
      cause: error,
    });
  }
}

/** A hook korva can add shell lines to: a `sh`-family shebang, or none (husky's scripts). */
function isShellScript(text: string): boolean {
  if (!text.startsWith("#!")) return true;
  const shebang = text.split("\n", 1)[0] ?? "";
  return /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(?:sh|bash|dash|zsh|ksh|ash)\b/.test(shebang);
}

function hasBlock(text: string): boolean {
  return text.includes(END) && (text.includes(BEGIN) || text.includes(BEGIN_CREATED));
}

/** Put the block right after the shebang line, so it runs before the hook's own commands. */
function insertBlock(text: string, block: string): string {
  if (!text.startsWith("#!")) return block + text;
  const newline = text.indexOf("\n");
  // A one-line file without a final newline gets one inside the block's span.
  if (newline === -1) return `${text}\n${block.replace(BEGIN, `${BEGIN} (eol)`)}`;
  return text.slice(0, newline + 1) + block + text.slice(newline + 1);
}

function removeBlock(text: string): { text: string; created: boolean } {
  const created = text.includes(BEGIN_CREATED);
  const begin = created ? BEGIN_CREATED : BEGIN;
  const start = text.indexOf(begin);
  const endAt = text.indexOf(END, start);
  if (start === -1 || endAt === -1) return { text, created: false };
  let end = endAt + END.length;
  if (text[end] === "\n") end++;
  const eol = text.startsWith(`${BEGIN} (eol)`, start);
  const before = eol && text[start - 1] === "\n" ? text.slice(0, start - 1) : text.slice(0, start);
  return { text: before + text.slice(end), created };
}

/** Undo what korva versions before the block format wrote: a whole script, the old hook renamed. */
function restoreLegacy(path: string): void {
  const text = readText(path);
  if (text === undefined || !text.includes(MARKER)) return;
  rmSync(path);
  if (existsSync(path + LEGACY_CHAINED_SUFFIX)) renameSync(path + LEGACY_CHAINED_SUFFIX, path);
}
