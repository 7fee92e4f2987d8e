// `korva hook edit-gate`: PreToolUse (Claude Code, Edit|Write|MultiEdit) and BeforeTool (Gemini
// CLI, write_file|replace). Runs the sentinel on the content about to be written and answers with
// the editor's deny/ask decision. Never fails or blocks on its own error: it logs and stays silent.
import { Command } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { Deps } from "../lib/deps.ts";
import { parseHookPayload } from "../lib/discovery/hooks.ts";
import { messageOf } from "../lib/errors.ts";
import { repoRoot } from "../lib/git.ts";
import { createLogger } from "../lib/log.ts";

/** A `hook` command holding only `edit-gate` (what `korva hook edit-gate` loads). */
export function editGateHookCommand(deps: Deps): Command {
  const hook = new Command("hook").description("Editor hook handlers");
  registerEditGate(hook, deps);
  return hook;
}

/** Add `edit-gate` to the `hook` command. */
export function registerEditGate(hook: Command, deps: Deps): void {
  hook.command("edit-gate")
    .description("PreToolUse / BeforeTool on write tools: deny or ask when an edit breaks a rule")
    .action(async () => {
      try {
        await editGate(deps);
      } catch (error) {
        createLogger(deps.home, "hooks", deps.now).error(
          `hook edit-gate failed: ${messageOf(error)}`,
        );
      }
      deps.status.exitCode = 0;
    });
}

async function editGate(deps: Deps): Promise<void> {
  const payload = parseHookPayload(await deps.io.readStdin());
  const cwd = payload.cwd && isAbsolute(payload.cwd) ? payload.cwd : deps.cwd;
  const { proposedEdit, gateAnswer } = await import("../lib/sentinel/edit_gate.ts");
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
  const root = repoRoot(dir);
  if (!root) return;
  const path = relative(root, absolute).replaceAll("\\", "/");
  if (path.startsWith("../")) return;
  const { runSentinel } = await import("../lib/sentinel/mod.ts");
  const { loadProjectConfig } = await import("../lib/project_config.ts");
  const report = await runSentinel({
    cwd: root,
    root,
    home: deps.home,
    now: deps.now,
    target: { kind: "content", path, content: edit.content, added: edit.added },
  });
  const mode = loadProjectConfig(root)?.sentinel?.edit ?? "deny";
  const answer = gateAnswer(report, mode, payload.hook_event_name ?? "PreToolUse");
  if (answer) deps.io.out(answer + "\n");
}
