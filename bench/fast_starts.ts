// Whole-process start-up of what editors pay on every call (hooks, --version, help, the MCP
// server), interleaved in one run against the `deno eval 0` floor and the official
// @modelcontextprotocol/server-memory (installed with npm into a temp folder here).
// CPU time (user + system of the child, from wait4's rusage) is steadier than wall time on a
// loaded machine. Python's os.wait4 is the probe: Deno exposes no child rusage, and GNU time
// prints CPU seconds with only two decimals (10 ms steps, the size of the whole floor).
// Run: deno run -A bench/fast_starts.ts [--samples 200] [--mcp-samples 200]
// deno-lint-ignore-file no-console
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openVault } from "../lib/vault/mod.ts";
import { benchEnv, cpuModel, MAIN } from "./_process.ts";
import { clockFrom, fakeMemory } from "./fixtures.ts";

const SAMPLES = flag("--samples", 200);
const MCP_SAMPLES = flag("--mcp-samples", SAMPLES);
const MEMORIES = 5_000;
const PEER = "@modelcontextprotocol/server-memory";

function flag(name: string, fallback: number): number {
  const at = Deno.args.indexOf(name);
  const value = at >= 0 ? Number(Deno.args[at + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** One sample: wall milliseconds and child CPU milliseconds (user + system). */
interface Sample {
  wall: number;
  cpu: number;
}

const work = mkdtempSync(join(tmpdir(), "korva-fast-starts-"));
const timeFile = join(work, "time.txt");
const probe = join(work, "rusage.py");
writeFileSync(
  probe,
  `import os, sys, time
started = time.time()
t = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, ru = os.wait4(pid, 0)
wall = (time.perf_counter() - t) * 1000
with open(sys.argv[1], "w") as f:
    f.write(f"{started * 1000:.3f} {wall:.3f} {(ru.ru_utime + ru.ru_stime) * 1000:.3f}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
`,
);

/** What the probe wrote: when it forked (epoch ms), the child's wall and CPU milliseconds. */
function probed(): { forkedAt: number; wall: number; cpu: number } {
  const [forkedAt, wall, cpu] = readFileSync(timeFile, "utf8").trim().split(" ").map(Number);
  return { forkedAt: forkedAt ?? NaN, wall: wall ?? NaN, cpu: cpu ?? NaN };
}

/** Spawn `command` under the rusage probe. */
function underProbe(
  command: string,
  args: string[],
  options: { env: Record<string, string>; cwd?: string; stderr: "piped" | "null" },
): Deno.ChildProcess {
  return new Deno.Command("python3", {
    args: [probe, timeFile, command, ...args],
    env: options.env,
    clearEnv: true,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    stdin: "piped",
    stdout: "piped",
    stderr: options.stderr,
  }).spawn();
}

/** Run a command with `stdin` piped in; wall = fork → exit; fails loudly on a non-zero exit. */
async function timed(
  command: string,
  args: string[],
  options: { env: Record<string, string>; cwd?: string; stdin?: string },
): Promise<Sample> {
  const child = underProbe(command, args, { ...options, stderr: "piped" });
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(options.stdin ?? ""));
  await writer.close();
  const out = await child.output();
  if (out.code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${out.code}: ${new TextDecoder().decode(out.stderr)}`,
    );
  }
  const { wall, cpu } = probed();
  return { wall, cpu };
}

/** Spawn an MCP stdio server, initialize, list tools; wall = fork → tools/list answer. */
async function mcpColdStart(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<Sample> {
  const child = underProbe(command, args, { env, cwd: work, stderr: "null" });
  const writer = child.stdin.getWriter();
  const send = (message: unknown) =>
    writer.write(new TextEncoder().encode(JSON.stringify(message) + "\n"));
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  const answer = async (id: number): Promise<{ result?: { tools?: unknown[] } }> => {
    for (;;) {
      const newline = buffered.indexOf("\n");
      if (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const message = JSON.parse(line) as { id?: number; result?: { tools?: unknown[] } };
        if (message.id === id) return message;
        continue;
      }
      const { value, done } = await lines.read();
      if (done) throw new Error(`${command} closed stdout before answering request ${id}`);
      buffered += value;
    }
  };
  await send({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "fast-starts-bench", version: "1" },
    },
  });
  await answer(1);
  await send({ jsonrpc: "2.0", method: "notifications/initialized" });
  await send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
  const listed = await answer(2);
  const answeredAt = performance.timeOrigin + performance.now();
  if (!listed.result?.tools?.length) throw new Error(`${command}: tools/list returned no tools`);
  await writer.close();
  await lines.cancel();
  const status = await child.status;
  if (!status.success) throw new Error(`${command} ${args.join(" ")} exited ${status.code}`);
  const { forkedAt, cpu } = probed();
  return { wall: answeredAt - forkedAt, cpu };
}

function sh(command: string, args: string[], cwd?: string): string {
  const out = new Deno.Command(command, { args, ...(cwd ? { cwd } : {}), stderr: "piped" })
    .outputSync();
  if (!out.success) {
    throw new Error(`${command} ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
  }
  return new TextDecoder().decode(out.stdout).trim();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function stats(samples: Sample[]) {
  const wall = samples.map((s) => s.wall).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpu).sort((a, b) => a - b);
  return {
    n: samples.length,
    wall50: percentile(wall, 0.5),
    wall95: percentile(wall, 0.95),
    cpu50: percentile(cpu, 0.5),
    cpu95: percentile(cpu, 0.95),
  };
}

try {
  // A home with a vault, and a repository whose file the hooks are asked about.
  const home = join(work, "home");
  const repo = join(work, "repo");
  mkdirSync(home);
  mkdirSync(join(repo, "src/payments"), { recursive: true });
  mkdirSync(join(repo, ".korva"));
  writeFileSync(join(repo, "src/payments/payments.ts"), "export const pay = 1;\n");
  writeFileSync(join(repo, ".korva/config.yml"), "schema: 1\nproject: bench\n");
  sh("git", ["init", "-q"], repo);
  sh("git", ["-c", "user.name=b", "-c", "user.email=b@b", "add", "."], repo);
  sh("git", ["-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "init"], repo);
  const vault = openVault(join(home, "vault.db"), { now: clockFrom(MEMORIES) });
  vault.importLines(Array.from({ length: MEMORIES }, (_, i) => fakeMemory(i)));
  vault.close();
  const env: Record<string, string> = { ...benchEnv(home), USER: "bench" };
  // A home as `korva init` leaves it: korva mcp reads its profile from config.json.
  const initHome = join(work, "init-home");
  mkdirSync(initHome);
  writeFileSync(join(initHome, "config.json"), JSON.stringify({ version: 1 }) + "\n");
  const initEnv: Record<string, string> = { ...benchEnv(initHome), USER: "bench" };

  const peerDir = join(work, "peer");
  mkdirSync(peerDir);
  sh("npm", ["install", "--prefix", peerDir, "--no-audit", "--no-fund", "--silent", PEER]);
  const peerPackage = join(peerDir, "node_modules", PEER);
  const peerVersion = JSON.parse(readFileSync(join(peerPackage, "package.json"), "utf8")).version;
  const peerEnv = {
    PATH: env.PATH ?? "",
    HOME: home,
    MEMORY_FILE_PATH: join(work, "peer-memory.jsonl"),
  };

  const korva = ["run", "-A", "--quiet", MAIN];
  const deno = Deno.execPath();
  const file = join(repo, "src/payments/payments.ts");
  const session = "fast-starts-bench";
  const hookHelp = sh(deno, [...korva, "hook", "--help"]);
  const hasEditGate = /^\s+edit-gate\b/m.test(hookHelp);

  type Case = { name: string; run: () => Promise<Sample>; samples: number };
  const hook = (name: string, payload: Record<string, unknown>): Case => ({
    name: `korva hook ${name}`,
    samples: SAMPLES,
    run: () =>
      timed(deno, [...korva, "hook", name], {
        env,
        cwd: repo,
        stdin: JSON.stringify({ session_id: session, cwd: repo, ...payload }),
      }),
  });
  const cases: Case[] = [
    {
      name: "deno eval 0",
      samples: SAMPLES,
      run: () => timed(deno, ["eval", "0"], { env }),
    },
    {
      name: "korva --version",
      samples: SAMPLES,
      run: () => timed(deno, [...korva, "--version"], { env }),
    },
    { name: "korva help", samples: SAMPLES, run: () => timed(deno, [...korva, "help"], { env }) },
    hook("file-context", {
      hook_event_name: "PreToolUse",
      tool_name: "Read",
      tool_input: { file_path: file },
    }),
    hook("session-start", { hook_event_name: "SessionStart", source: "startup" }),
    ...(hasEditGate
      ? [hook("edit-gate", {
        hook_event_name: "PreToolUse",
        tool_name: "Edit",
        tool_input: { file_path: file, old_string: "1", new_string: "2" },
      })]
      : []),
    hook("stop", { hook_event_name: "Stop" }),
    hook("prompt", { hook_event_name: "UserPromptSubmit", prompt: "payment retry lock" }),
    hook("session-end", { hook_event_name: "SessionEnd" }),
    {
      name: "korva mcp → tools/list",
      samples: MCP_SAMPLES,
      run: () => mcpColdStart(deno, [...korva, "mcp"], env),
    },
    {
      name: "korva mcp (config.json) → tools/list",
      samples: MCP_SAMPLES,
      run: () => mcpColdStart(deno, [...korva, "mcp"], initEnv),
    },
    {
      name: `server-memory ${peerVersion} → tools/list`,
      samples: MCP_SAMPLES,
      run: () => mcpColdStart("node", [join(peerPackage, "dist/index.js")], peerEnv),
    },
  ];

  // Warm the module caches once, then interleave: every round runs every case still due,
  // in an order rotated each round so no case always follows the same neighbour.
  for (const c of cases) await c.run();
  const results = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
  const rounds = Math.max(...cases.map((c) => c.samples));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(round + k) % cases.length]!;
      const samples = results.get(c.name)!;
      if (samples.length < c.samples) samples.push(await c.run());
    }
    if ((round + 1) % 20 === 0) console.error(`round ${round + 1}/${rounds}`);
  }

  const floor = stats(results.get("deno eval 0")!);
  const peer = stats(results.get(cases.at(-1)!.name)!);
  console.log(
    `CPU: ${cpuModel()} (${navigator.hardwareConcurrency} cores), load average ${
      Deno.loadavg().map((l) => l.toFixed(1)).join(" ")
    }`,
  );
  console.log(`deno ${Deno.version.deno}, node ${sh("node", ["--version"])}, ${MEMORIES} memories`);
  if (!hasEditGate) console.log("korva hook edit-gate: not on this branch, skipped");
  const pad = (s: string, n: number) => s.padEnd(n);
  const ms = (n: number) => n.toFixed(1).padStart(7);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(7);
  console.log(
    `${pad("case", 38)}   n  wall p50  wall p95   cpu p50   cpu p95  (ratios: wall p50, cpu p50)`,
  );
  for (const c of cases) {
    const s = stats(results.get(c.name)!);
    const base = c.name.endsWith("tools/list") ? peer : floor;
    const against = c.name.endsWith("tools/list") ? "server-memory" : "deno eval 0";
    console.log(
      `${pad(c.name, 38)} ${String(s.n).padStart(3)} ${ms(s.wall50)}   ${ms(s.wall95)}   ${
        ms(s.cpu50)
      }   ${ms(s.cpu95)}   ${ratio(s.wall50, base.wall50)} ${
        ratio(s.cpu50, base.cpu50)
      } of ${against}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
