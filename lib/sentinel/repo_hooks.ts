// Git hooks on by default: a clone of a repository that has `.korva/` gets korva's git hooks from
// `korva init`, `korva setup` and `korva sync` (unless opted out), and a clone with team rules but
// no hooks is pointed out in one sentence with the fix.
import { existsSync } from "../fs_sync.ts";
import { join } from "../posix_path.ts";
import { loadConfig } from "../config.ts";
import type { SelfCommand } from "../deps.ts";
import { messageOf } from "../errors.ts";
import { repoRoot } from "../git.ts";
import { hooksStatus, type HookStatus, installHooks } from "./hooks.ts";

/** What ensuring the hooks did. */
export type RepoHooksResult =
  | { state: "installed"; hooks: HookStatus[] }
  | { state: "current" }
  | { state: "failed"; reason: string };

/**
 * Install korva's git hooks in the clone containing `cwd` when its repository has a `.korva/`
 * folder and they are missing or stale. Undefined when there is nothing to do (no repository, no
 * `.korva/`). Never throws: a failure is reported as a result.
 */
export function ensureRepoHooks(cwd: string, self: SelfCommand): RepoHooksResult | undefined {
  const root = repoRoot(cwd);
  if (!root || !existsSync(join(root, ".korva"))) return undefined;
  try {
    const status = hooksStatus(root, self);
    if (status.every((h) => h.installed && h.current)) return { state: "current" };
    return { state: "installed", hooks: installHooks(root, self) };
  } catch (error) {
    return { state: "failed", reason: messageOf(error) };
  }
}

/**
 * The on-by-default step of `korva init`, `setup` and `sync`: ensure the hooks unless the user
 * opted out (`--no-hooks`, or `"hooks": false` in config.json).
 */
export function autoInstallHooks(
  input: { cwd: string; home: string; self: SelfCommand },
  options: { optOut: boolean },
): RepoHooksResult | undefined {
  if (options.optOut || !loadConfig(input.home).hooks) return undefined;
  return ensureRepoHooks(input.cwd, input.self);
}

export { missingHooks } from "./missing_hooks.ts";

/** The line a command prints after ensuring the hooks (undefined: say nothing). */
export function describeRepoHooks(result: RepoHooksResult | undefined): string | undefined {
  if (!result) return undefined;
  switch (result.state) {
    case "installed":
      return `git hooks: installed ${result.hooks.map((h) => h.name).join(", ")} in ${
        result.hooks[0]?.path.replace(/[/\\][^/\\]+$/, "") ?? ""
      } (korva hooks uninstall removes them; opt out with --no-hooks or "hooks": false in config.json)`;
    case "current":
      return undefined;
    case "failed":
      return `korva: warning: cannot install the git hooks: ${result.reason}`;
  }
}
