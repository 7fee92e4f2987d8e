// `korva context`: the memories relevant to files or a task, as text, Markdown or JSON.
import { Command } from "commander";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Deps } from "../lib/deps.ts";
import { memoryContext, openCliMemories } from "../lib/memory/mod.ts";
import { parseCount } from "./options.ts";
import { printJson } from "./print.ts";

interface ContextFlags {
  file: string[];
  task?: string;
  maxTokens?: string;
  project?: string;
  json?: boolean;
  markdown?: boolean;
}

/** Build the `context` command. */
export function contextCommand(deps: Deps): Command {
  return new Command("context")
    .description("Show the memories relevant to files or a task, within a token budget")
    .option("--file <path>", "a file open or being edited (repeatable)", collect, [] as string[])
    .option("--task <text>", "what you are about to do")
    .option("--max-tokens <n>", "budget for the text (about 4 characters per token)", "1500")
    .option("--project <name>", "project (default: the current repository)")
    .option("--json", "print {memories, text} as JSON")
    .option("--markdown", "print the rendered Markdown (the default output)")
    .addHelpText(
      "after",
      `\nExample:\n  korva context --file src/payments/payments.ts --task "add refunds" --json`,
    )
    .action((flags: ContextFlags) => {
      const maxTokens = parseCount("--max-tokens", flags.maxTokens) ?? 1500;
      using memories = openCliMemories(deps, { project: flags.project });
      const result = memoryContext(memories, {
        files: flags.file.map((file) => fromCwd(deps.cwd, file)),
        task: flags.task,
        maxTokens,
        refresh: true,
      });
      const project = result.project;
      if (flags.json) {
        return printJson(deps, {
          project,
          memories: result.memories,
          text: result.text,
          tokens: result.tokens,
        });
      }
      if (result.memories.length === 0) {
        deps.io.err(`No memories for ${project} yet: save some with \`korva save\`\n`);
        return;
      }
      deps.io.out(result.text);
    });
}

/** A path typed relative to the current folder, made absolute when it names a real file. */
function fromCwd(cwd: string, file: string): string {
  const absolute = resolve(cwd, file);
  return existsSync(absolute) ? absolute : file;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
