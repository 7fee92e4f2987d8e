// The commander program: every subcommand a command line needs, with errors and help routed
// through Deps.io. main.ts loads it for everything commands/fast.ts does not answer itself.
import { Command, CommanderError } from "commander";
import type { Deps, Io } from "../lib/deps.ts";
import { type CommandFactory, loadCommands } from "./mod.ts";

/** Build the program with the given subcommands (see loadCommands). */
export function buildProgram(deps: Deps, commands: CommandFactory[]): Command {
  const program = new Command("korva")
    .description("Persistent, team-owned memory for AI coding assistants")
    .version(deps.version, "-V, --version", "print the korva version")
    .helpCommand("help [command]", "show help for a command")
    .showSuggestionAfterError(true);
  for (const make of commands) program.addCommand(make(deps));
  configureTree(program, deps.io);
  return program;
}

function configureTree(command: Command, io: Io): void {
  command.exitOverride();
  command.configureOutput({
    writeOut: (text) => io.out(text),
    writeErr: (text) => io.err(text),
    outputError: (text, write) => write(`korva: ${text.replace(/^error: /, "")}`),
  });
  for (const sub of command.commands) configureTree(sub, io);
}

/** Parse and run a command line; commander's own outcomes become exit codes, the rest throws. */
export async function runProgram(args: string[], deps: Deps): Promise<number> {
  const program = buildProgram(deps, await loadCommands(args));
  try {
    await program.parseAsync(args, { from: "user" });
    return deps.status.exitCode;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (
      error.code === "commander.helpDisplayed" || error.code === "commander.version" ||
      error.code === "commander.help"
    ) return 0;
    if (error.code === "commander.executeSubCommandAsync") return 0;
    // commander already printed its one-line message through outputError.
    return 2;
  }
}
