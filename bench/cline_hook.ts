// What Cline's PreToolUse hook costs per tool call, whole process, interleaved in one run: the
// script korva setup writes, for a tool call that names no file (the script exits without
// starting korva) and for a read_files call (korva hook file-context answers with the file's
// memory), beside `korva hook file-context` run directly and the `deno eval 0` floor.
// Run: deno run -A bench/cline_hook.ts [--samples 200]
// deno-lint-ignore-file no-console
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchEnv, cpuModel, MAIN, summary, timeDenoFloor } from "./_process.ts";

const at = Deno.args.indexOf("--samples");
const SAMPLES = at >= 0 ? Number(Deno.args[at + 1]) : 200;

const work = mkdtempSync(join(tmpdir(), "korva-cline-hook-"));
try {
  const home = join(work, "home");
  const korvaHome = join(home, ".korva");
  const repo = join(home, "project");
  mkdirSync(join(repo, "src", "billing"), { recursive: true });
  writeFileSync(join(repo, "src", "billing", "amount.ts"), "export const cents = 1;\n");
  const env = { ...benchEnv(korvaHome), HOME: home };
  new Deno.Command("git", { args: ["init", "-q", repo] }).outputSync();
  const korva = (args: string[], stdin?: string) =>
    new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--quiet", MAIN, ...args],
      env,
      cwd: repo,
      stdin: stdin === undefined ? "null" : "piped",
      stdout: "piped",
      stderr: "piped",
    });
  for (
    const args of [["init"], ["setup", "--cline"], [
      "save",
      "--type",
      "note",
      "--title",
      "Money amounts in src/billing are integer cents",
      "--content",
      "Never store a float amount.",
      "--files",
      "src/billing/**",
    ]]
  ) {
    const out = korva(args).outputSync();
    if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  }
  const hook = join(home, "Documents", "Cline", "Hooks", "PreToolUse");

  const payload = (name: string, input: object) =>
    JSON.stringify({
      clineVersion: "3.0.65",
      taskId: "conv_1_bench",
      workspaceRoots: [repo],
      hookName: "tool_call",
      tool_call: { id: "call_1", name, input },
      preToolUse: { toolName: name, parameters: {} },
    });
  const other = payload("run_commands", { commands: ["ls"] });
  const read = payload("read_files", { files: [{ path: join(repo, "src/billing/amount.ts") }] });
  const timed = (command: Deno.Command, stdin: string, expect: RegExp) => {
    const started = performance.now();
    const child = command.spawn();
    const writer = child.stdin.getWriter();
    writer.write(new TextEncoder().encode(stdin));
    writer.close();
    return child.output().then((out) => {
      const ms = performance.now() - started;
      const text = new TextDecoder().decode(out.stdout);
      if (!expect.test(text)) {
        throw new Error(`unexpected answer: "${text.slice(0, 200)}"`);
      }
      return ms;
    });
  };
  const script = () =>
    new Deno.Command(hook, { env, cwd: repo, stdin: "piped", stdout: "piped", stderr: "piped" });
  const cases: [string, () => Promise<number>][] = [
    ["hook script, run_commands (no file)", () => timed(script(), other, /^$/)],
    ["hook script, read_files", () => timed(script(), read, /Money amounts/)],
    [
      "korva hook file-context, read_files",
      () => timed(korva(["hook", "file-context"], read), read, /Money amounts/),
    ],
    ["deno eval 0 (floor)", () => Promise.resolve(timeDenoFloor())],
  ];
  const samples = new Map(cases.map(([name]) => [name, [] as number[]]));
  // A task is told of a memory once: the hook's once-per-task memory is cleared before each call,
  // so every read_files call answers with the file's memory.
  for (let i = 0; i < SAMPLES; i++) {
    for (const [name, run] of cases) {
      rmSync(join(korvaHome, "run"), { recursive: true, force: true });
      samples.get(name)!.push(await run());
    }
  }
  console.log(
    `CPU: ${cpuModel()}; Deno ${Deno.version.deno}; ${SAMPLES} samples each, interleaved`,
  );
  for (const [name, ms] of samples) {
    const s = summary(ms);
    console.log(`${name.padEnd(40)} p50 ${s.p50} ms  p95 ${s.p95} ms`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
