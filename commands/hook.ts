// `korva hook session-start|file-context|prompt|stop|session-end|…`: editor hook handlers. They read the editor's JSON on
// stdin, answer in its format, stay silent when nothing is relevant, and never fail the editor's
// action: any internal error exits 0 with nothing printed and is logged to $KORVA_HOME/logs.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { draftFromHead } from "../lib/capture/post_commit.ts";
import { openMemories, resolveRepoContext } from "../lib/memory/mod.ts";
import { registerEditGate } from "./hook_edit_gate.ts";
import { guarded, HOOK_EVENTS, type HookFlags } from "./hook_events.ts";

/** Build the `hook` command and its two handlers. */
export function hookCommand(deps: Deps): Command {
  const hook = new Command("hook").description(
    "Editor hook handlers (read the hook JSON on stdin; never fail the editor)",
  );
  hook.command("session-start")
    .description(
      "SessionStart (Claude Code, Gemini CLI, Codex, Kiro, Cursor): add the project's context",
    )
    .option("--max-tokens <n>", "budget", "1500")
    .option("--text", "print plain text instead of hook JSON")
    .action((flags: HookFlags) => HOOK_EVENTS["session-start"]!.run(deps, flags));
  hook.command("file-context")
    .description("PreToolUse / AfterTool on file tools: add memories anchored to that file")
    .option("--max-tokens <n>", "budget", "800")
    .action((flags: HookFlags) => HOOK_EVENTS["file-context"]!.run(deps, flags));
  hook.command("prompt")
    .description(
      "UserPromptSubmit (Claude Code, Codex, Copilot CLI, VS Code, Kiro, OpenCode's plugin) / " +
        "BeforeAgent (Gemini CLI): add memories relevant to the prompt",
    )
    .option("--text", "print plain text instead of hook JSON (Kiro)")
    .action((flags: HookFlags) => HOOK_EVENTS["prompt"]!.run(deps, flags));
  hook.command("stop")
    .description(
      "Stop / SubagentStop (Claude Code), AfterAgent (Gemini CLI): once per session, nudge to " +
        "save what was learned when code was edited and nothing was saved",
    )
    .action((flags: HookFlags) => HOOK_EVENTS["stop"]!.run(deps, flags));
  hook.command("post-commit")
    .description(
      "git post-commit: draft a candidate from a commit that fixes a race, data loss, a " +
        "security or an outage problem, for the next session to ask why",
    )
    .action(() =>
      guarded(deps, "post-commit", () => {
        const ctx = resolveRepoContext(deps);
        const root = ctx.root();
        if (!root) return Promise.resolve();
        using memories = openMemories(ctx, { client: "git", person: false });
        const drafted = draftFromHead(memories, root);
        if (drafted?.added) {
          deps.io.err(
            `korva: ${drafted.sha.slice(0, 7)} looks like a ${drafted.topics.join("/")} fix; ` +
              "the next session that opens its files will ask why\n",
          );
        }
        return Promise.resolve();
      })
    );
  hook.command("session-end")
    .description(
      "SessionEnd: record one summary of what the session edited and saved (written by a " +
        "detached writer, so the exiting editor does not wait)",
    )
    .option("--wait", "write the summary before returning")
    .option("--drain", "write every queued summary (what the detached writer runs)")
    .action((flags: HookFlags) => HOOK_EVENTS["session-end"]!.run(deps, flags));
  registerEditGate(hook, deps);
  return hook;
}
