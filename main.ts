#!/usr/bin/env -S deno run -A
// Entry point: builds Deps and the commander program, runs it, maps errors to exit codes.
import { Command, CommanderError } from "commander";
import { fileURLToPath } from "node:url";
import denoJson from "./deno.json" with { type: "json" };
import type { Deps, Io } from "./lib/deps.ts";
import { isExpected, messageOf } from "./lib/errors.ts";
import { resolveHome } from "./lib/paths.ts";
import { type CommandFactory, loadCommands } from "./commands/mod.ts";

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

function selfCommand(env: (name: string) => string | undefined) {
  const bin = env("KORVA_BIN");
  if (bin) return { command: bin, args: [] };
  const main = import.meta.url.startsWith("file:") ? fileURLToPath(import.meta.url) : "";
  // A compiled executable runs main.ts from a virtual path; `deno run` runs it from disk.
  const compiled = !Deno.execPath().match(/[\\/]deno(\.exe)?$/);
  if (compiled || main === "") return { command: Deno.execPath(), args: [] };
  return { command: Deno.execPath(), args: ["run", "-A", "--quiet", main] };
}

function terminalIo(): Io {
  const encoder = new TextEncoder();
  const isTerminal = Deno.stdin.isTerminal();
  return {
    out: (text) => void Deno.stdout.writeSync(encoder.encode(text)),
    err: (text) => void Deno.stderr.writeSync(encoder.encode(text)),
    readStdin: async () => await new Response(Deno.stdin.readable).text(),
    isTerminal,
    stderrIsTerminal: Deno.stderr.isTerminal(),
    confirm: (question) => {
      if (!isTerminal) return Promise.resolve(false);
      const answer = prompt(`${question} [y/N]`);
      return Promise.resolve(answer !== null && /^y(es)?$/i.test(answer.trim()));
    },
  };
}

/** Build the real Deps from the process environment. */
export function processDeps(): Deps {
  const env = (name: string) => Deno.env.get(name);
  const cwd = Deno.cwd();
  const { home, fromEnv } = resolveHome(env, cwd);
  return {
    home,
    homeFromEnv: fromEnv,
    env,
    now: () => new Date(),
    cwd,
    io: terminalIo(),
    version: denoJson.version,
    self: selfCommand(env),
    status: { exitCode: 0 },
  };
}

/** Run the CLI and return the exit code; the one place that turns errors into codes. */
export async function run(args: string[], deps: Deps): Promise<number> {
  const program = buildProgram(deps, await loadCommands(args));
  try {
    await program.parseAsync(args, { from: "user" });
    return deps.status.exitCode;
  } catch (error) {
    return reportError(error, deps);
  }
}

function reportError(error: unknown, deps: Deps): number {
  if (error instanceof CommanderError) {
    if (
      error.code === "commander.helpDisplayed" || error.code === "commander.version" ||
      error.code === "commander.help"
    ) return 0;
    if (error.code === "commander.executeSubCommandAsync") return 0;
    // commander already printed its one-line message through outputError.
    return 2;
  }
  if (isExpected(error)) {
    deps.io.err(`korva: ${error.message}\n`);
    if (error.hint) deps.io.err(`hint: ${error.hint}\n`);
    if (deps.env("KORVA_DEBUG")) deps.io.err(`${error.stack ?? ""}\n`);
    return error.exitCode;
  }
  deps.io.err(`korva: internal error: ${messageOf(error)}\n`);
  if (deps.env("KORVA_DEBUG")) deps.io.err(`${error instanceof Error ? error.stack : ""}\n`);
  else deps.io.err("hint: run with KORVA_DEBUG=1 for the stack\n");
  return 3;
}

if (import.meta.main) {
  const code = await run(Deno.args, processDeps());
  Deno.exit(code);
}
