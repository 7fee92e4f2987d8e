// Git hooks that call korva: pre-commit (sentinel), post-merge and post-checkout (team sync).
// Respects core.hooksPath; an existing hook is chained (run after korva's) and restored on
// uninstall; a missing korva binary warns and lets git continue.
import { chmodSync, existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { writeFileAtomic } from "../atomic_write.ts";
import type { SelfCommand } from "../deps.ts";
import { KorvaError } from "../errors.ts";
import { gitOutput, repoRoot } from "../git.ts";

/** The hooks korva installs, and what each runs. */
export const HOOKS = {
  "pre-commit": "sentinel",
  "post-merge": "sync",
  "post-checkout": "sync",
} as const;
export type HookName = keyof typeof HOOKS;

const MARKER = "# korva-managed-hook";
const CHAINED_SUFFIX = ".korva-chained";

/** Where git runs hooks for the repository containing cwd. */
export function hooksDir(cwd: string): { root: string; dir: string } {
  const root = repoRoot(cwd);
  if (!root) {
    throw new KorvaError(`Cannot install hooks in "${cwd}": it is not inside a git repository`, {
      exitCode: 3,
    });
  }
  const path = gitOutput(root, ["rev-parse", "--git-path", "hooks"]) ?? ".git/hooks";
  return { root, dir: isAbsolute(path) ? path : resolve(root, path) };
}

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The script of one hook. */
export function hookScript(name: HookName, self: SelfCommand): string {
  const command = [self.command, ...self.args].map(shellQuote).join(" ");
  const checks = [self.command, ...self.args.filter((a) => a.endsWith(".ts"))]
    .map((p) => `[ -e ${shellQuote(p)} ]`).join(" && ");
  const chained = `"$0${CHAINED_SUFFIX}"`;
  const runChained = `if [ -x ${chained} ]; then ${chained} "$@" || exit $?; fi`;
  const body = HOOKS[name] === "sentinel"
    ? `if [ "\${KORVA_SKIP:-}" = "1" ]; then
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
fi`
    : `if [ "\${KORVA_SKIP:-}" != "1" ] && ${checks}; then
  ${command} sync --quiet >/dev/null 2>&1 || true
fi`;
  return `#!/bin/sh
${MARKER} (${name}): written by \`korva hooks install\`; \`korva hooks uninstall\` restores the previous hook.
${body}
${runChained}
exit 0
`;
}

/** Status of each hook in a repository. */
export interface HookStatus {
  name: HookName;
  path: string;
  installed: boolean;
  chained: boolean;
  current: boolean;
}

/** Install (or refresh) every hook; existing foreign hooks are kept and chained. */
export function installHooks(cwd: string, self: SelfCommand): HookStatus[] {
  const { dir } = hooksDir(cwd);
  return (Object.keys(HOOKS) as HookName[]).map((name) => {
    const path = join(dir, name);
    if (existsSync(path) && !isKorvaHook(path)) {
      if (existsSync(path + CHAINED_SUFFIX)) {
        throw new KorvaError(
          `Cannot install the ${name} hook: both "${path}" and "${path}${CHAINED_SUFFIX}" exist`,
          { exitCode: 2, hint: "merge them by hand, then run korva hooks install again" },
        );
      }
      renameSync(path, path + CHAINED_SUFFIX);
    }
    writeFileAtomic(path, hookScript(name, self), { mode: 0o755 });
    chmodSync(path, 0o755);
    return status(path, name, self);
  });
}

/** Remove korva's hooks and put back the hooks they chained. */
export function uninstallHooks(cwd: string): HookStatus[] {
  const { dir } = hooksDir(cwd);
  return (Object.keys(HOOKS) as HookName[]).map((name) => {
    const path = join(dir, name);
    if (existsSync(path) && isKorvaHook(path)) {
      rmSync(path);
      if (existsSync(path + CHAINED_SUFFIX)) renameSync(path + CHAINED_SUFFIX, path);
    }
    return { name, path, installed: false, chained: false, current: false };
  });
}

/** Whether each hook is installed, chained, and up to date with this korva's path. */
export function hooksStatus(cwd: string, self: SelfCommand): HookStatus[] {
  const { dir } = hooksDir(cwd);
  return (Object.keys(HOOKS) as HookName[]).map((name) => status(join(dir, name), name, self));
}

function status(path: string, name: HookName, self: SelfCommand): HookStatus {
  const installed = existsSync(path) && isKorvaHook(path);
  return {
    name,
    path,
    installed,
    chained: existsSync(path + CHAINED_SUFFIX),
    current: installed && readFileSync(path, "utf8") === hookScript(name, self),
  };
}

function isKorvaHook(path: string): boolean {
  try {
    return readFileSync(path, "utf8").includes(MARKER);
  } catch {
    return false;
  }
}
