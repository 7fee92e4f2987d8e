// `korva hook edit-gate`: PreToolUse (Claude Code, Edit|Write|MultiEdit) and BeforeTool (Gemini
// CLI, write_file|replace). Runs the sentinel on the content about to be written and answers with
// the editor's deny/ask decision. Never fails or blocks on its own error: it logs and stays silent.
// Free of commander: main.ts runs it on the fast path (commands/hook_events.ts), since editors
// run it before every write (issue 19).
import { existsSync, readFileSync } from "../lib/fs_sync.ts";
import { dirname, isAbsolute, relative, resolve } from "../lib/posix_path.ts";
import type { Deps } from "../lib/deps.ts";
import { parseHookPayload } from "../lib/discovery/hooks.ts";
import { messageOf } from "../lib/errors.ts";
import { findRepoRoot } from "../lib/git.ts";
import { createLogger } from "../lib/log.ts";
import { cachedProjectConfig } from "../lib/project_config_cache.ts";
import { gateAnswer, proposedEdit } from "../lib/sentinel/edit_gate.ts";
import { runSentinel } from "../lib/sentinel/run.ts";

/** Run the gate; an internal error is logged and the editor's write goes ahead (exit 0). */
export async function runEditGate(deps: Deps): Promise<void> {
  try {
    await editGate(deps);
  } catch (error) {
    createLogger(deps.home, "hooks", deps.now).error(`hook edit-gate failed: ${messageOf(error)}`);
  }
  deps.status.exitCode = 0;
}

async function editGate(deps: Deps): Promise<void> {
  const payload = parseHookPayload(await deps.io.readStdin());
  const cwd = payload.cwd && isAbsolute(payload.cwd) ? payload.cwd : deps.cwd;
  const edit = proposedEdit(payload, (file) => {
    try {
      return readFileSync(resolve(cwd, file), "utf8");
    } catch {
      return undefined;
    }
  });
  if (!edit) return;
  const absolute = resolve(cwd, edit.file);
  let dir = dirname(absolute);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir); // a new folder
  const root = findRepoRoot(dir, deps.env);
  if (!root) return;
  const path = relative(root, absolute).replaceAll("\\", "/");
  if (path.startsWith("../")) return;
  const report = await runSentinel({
    cwd: root,
    root,
    home: deps.home,
    now: deps.now,
    target: { kind: "content", path, content: edit.content, added: edit.added },
  });
  // Through the hooks' cache: the sentinel has just parsed the same file.
  const mode = (await cachedProjectConfig(deps.home, root))?.sentinel?.edit ?? "deny";
  const answer = gateAnswer(report, mode, payload.hook_event_name ?? "PreToolUse");
  if (answer) deps.io.out(answer + "\n");
}
