#!/usr/bin/env -S deno run -A
// Entry point: builds Deps, runs the fast path or the commander program, maps errors to exit
// codes. commander and the command table load only when commands/fast.ts does not answer.
import denoJson from "./deno.json" with { type: "json" };
import { runFast } from "./commands/fast.ts";
import type { Deps, Io } from "./lib/deps.ts";
import { isExpected, messageOf } from "./lib/errors.ts";
import { loadGlobCompiler } from "./lib/glob.ts";
import { importLazily } from "./lib/lazy_import.ts";
import { resolveHome } from "./lib/paths.ts";

function selfCommand(env: (name: string) => string | undefined) {
  const bin = env("KORVA_BIN");
  if (bin) return { command: bin, args: [] };
  // import.meta.filename, not node:url: loading node:url costs every hook ~5-15 ms.
  const main = import.meta.filename ?? "";
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
    readStdin: () => readAll(Deno.stdin),
    isTerminal,
    stderrIsTerminal: Deno.stderr.isTerminal(),
    confirm: (question) => {
      if (!isTerminal) return Promise.resolve(false);
      const answer = prompt(`${question} [y/N]`);
      return Promise.resolve(answer !== null && /^y(es)?$/i.test(answer.trim()));
    },
  };
}

/** All of a reader as text; plain reads, since `new Response(stream)` loads fetch (~10 ms). */
async function readAll(reader: { read(p: Uint8Array): Promise<number | null> }): Promise<string> {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const chunk = new Uint8Array(65_536);
    const n = await reader.read(chunk);
    if (n === null) break;
    chunks.push(chunk.subarray(0, n));
  }
  const all = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  chunks.reduce((at, c) => (all.set(c, at), at + c.length), 0);
  return new TextDecoder().decode(all);
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
  try {
    const fast = await runFast(args, deps, {
      stdoutHelp: !Deno.stdout.isTerminal(),
      stderrHelp: !Deno.stderr.isTerminal(),
    });
    if (fast !== undefined) return fast;
    await loadGlobCompiler();
    const { runProgram } = await importLazily<typeof import("./commands/program.ts")>(
      import.meta.url,
      "./commands/program.ts",
    );
    return await runProgram(args, deps);
  } catch (error) {
    return reportError(error, deps);
  }
}

function reportError(error: unknown, deps: Deps): number {
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
