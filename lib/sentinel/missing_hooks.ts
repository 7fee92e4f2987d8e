// A clone with team rules but no korva pre-commit hook, said in one sentence with the fix (the
// session-start hook and korva doctor ask); apart from repo_hooks.ts, which reads config.json with
// its schema, so the hook loads no zod (issue 19).
import { existsSync } from "../fs_sync.ts";
import { join } from "../posix_path.ts";
import type { SelfCommand } from "../deps.ts";
import { repoRoot } from "../git.ts";
import { hooksStatus } from "./hooks.ts";

/**
 * A clone whose repository has team rules but no korva pre-commit hook: what and the fix.
 * `known.root` is the caller's repository root for `cwd` (a hook's session cache), saving a git
 * spawn.
 */
export function missingHooks(
  cwd: string,
  self: SelfCommand,
  known?: { root: string | undefined },
): { message: string; fix: string } | undefined {
  const root = known ? known.root : repoRoot(cwd);
  if (!root || !existsSync(join(root, ".korva", "rules"))) return undefined;
  try {
    if (hooksStatus(root, self).find((h) => h.name === "pre-commit")?.installed) return undefined;
  } catch {
    return undefined;
  }
  return {
    message:
      "This repository has team rules in .korva/rules but this clone has no korva pre-commit hook, so commits are not checked",
    fix: "korva hooks install",
  };
}
