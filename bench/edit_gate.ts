// The edit-time hook on a typical edit, whole process, against the `deno eval 0` floor measured
// in the same run (interleaved). A Claude Code Edit of a 300-line TypeScript file in a repository
// with 24 team pattern rules and one structural (call) rule on src/payments/**: once on a file
// only pattern rules cover (the parser is never loaded) and once on a payments file (it is).
// Run: deno run -A bench/edit_gate.ts [samples=200]
// deno-lint-ignore-file no-console
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchEnv, MAIN, summary, timeDenoFloor, timeKorva } from "./_process.ts";

const SAMPLES = Number(Deno.args[0] ?? 200);

function git(cwd: string, ...args: string[]) {
  const out = new Deno.Command("git", { args, cwd, stdout: "null", stderr: "piped" }).outputSync();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
}

async function timeHook(payload: string, env: Record<string, string>, cwd: string) {
  const started = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", MAIN, "hook", "edit-gate"],
    env,
    cwd,
    stdin: "piped",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(payload));
  await writer.close();
  const out = await child.output();
  return { ms: performance.now() - started, stdout: new TextDecoder().decode(out.stdout) };
}

const repo = mkdtempSync(join(tmpdir(), "korva-edit-bench-"));
const home = mkdtempSync(join(tmpdir(), "korva-edit-home-"));
try {
  git(repo, "init", "-q");
  mkdirSync(join(repo, ".korva", "rules"), { recursive: true });
  const rules = Array.from(
    { length: 24 },
    (_, i) =>
      `  - id: team/rule-${i}\n    message: rule ${i}\n    paths: { include: ["src/**"] }\n    match: { kind: pattern, pattern: 'forbiddenCall${i}\\(' }\n`,
  ).join("") +
    `  - id: payments/lock-key\n    message: lock by order\n    paths: { include: ["src/payments/**"] }\n    match: { kind: call, callee: '(?:^|\\.)lock$', built-from: '\\buser_?id\\b' }\n`;
  writeFileSync(join(repo, ".korva", "rules", "team.yml"), `version: 1\nrules:\n${rules}`);
  const body = Array.from(
    { length: 300 },
    (_, i) =>
      `export async function handler${i}(p: Order): Promise<void> { await process(p.order_id, ${i}); }`,
  ).join("\n") + "\n";
  for (const dir of ["src/orders", "src/payments"]) {
    mkdirSync(join(repo, dir), { recursive: true });
    writeFileSync(join(repo, dir, "service.ts"), body);
  }
  const payload = (dir: string) =>
    JSON.stringify({
      session_id: "bench",
      hook_event_name: "PreToolUse",
      cwd: repo,
      tool_name: "Edit",
      tool_input: {
        file_path: join(repo, dir, "service.ts"),
        old_string: "await process(p.order_id, 150);",
        new_string: "const key = `pay:${p.order_id}`;\n  await redis.lock(key, 30000);",
      },
    });
  const env = benchEnv(home);
  const series = {
    floor: [] as number[],
    version: [] as number[],
    regex: [] as number[],
    structural: [] as number[],
  };
  for (let i = 0; i < SAMPLES + 5; i++) {
    const floor = timeDenoFloor();
    const version = timeKorva(["--version"], env, repo);
    const regex = await timeHook(payload("src/orders"), env, repo);
    const structural = await timeHook(payload("src/payments"), env, repo);
    if (regex.stdout !== "" || structural.stdout !== "") {
      throw new Error(`the benchmark edit must pass the gate: ${regex.stdout}${structural.stdout}`);
    }
    if (i < 5) continue; // warm-up
    series.floor.push(floor);
    series.version.push(version);
    series.regex.push(regex.ms);
    series.structural.push(structural.ms);
  }
  const cpu = readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/)?.[1] ?? "?";
  console.log(`CPU: ${cpu}; ${SAMPLES} interleaved samples each`);
  const floor = summary(series.floor);
  console.log(
    `deno eval 0 (floor):                       p50 ${floor.p50} ms, p95 ${floor.p95} ms`,
  );
  for (
    const [name, samples] of [
      ["korva --version (the CLI's own start-up)", series.version],
      ["edit-gate, pattern rules only (no parser)", series.regex],
      ["edit-gate, structural rule (parser loaded)", series.structural],
    ] as const
  ) {
    const s = summary(samples);
    console.log(
      `${name.padEnd(42)} p50 ${s.p50} ms, p95 ${s.p95} ms (${
        (s.p50 / floor.p50).toFixed(2)
      }× the floor at p50, ${(s.p95 / floor.p95).toFixed(2)}× at p95)`,
    );
  }
} finally {
  rmSync(repo, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
}
