// Helpers for whole-process benchmarks: time a command N times and summarise percentiles.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The CLI entry point. */
export const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));

/** p50/p95 of samples in milliseconds. */
export function summary(samples: number[]): { p50: number; p95: number; min: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0] ?? 0) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Run `deno run -A main.ts …args` once; returns wall time in ms (throws on failure). `main` is
 * another checkout's entry point when a benchmark compares two versions in the same run.
 */
export function timeKorva(
  args: string[],
  env: Record<string, string>,
  cwd?: string,
  main = MAIN,
): number {
  const started = performance.now();
  const out = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", main, ...args],
    env,
    ...(cwd ? { cwd } : {}),
    stdout: "null",
    stderr: "piped",
  }).outputSync();
  const ms = performance.now() - started;
  if (out.code > 1) throw new Error(new TextDecoder().decode(out.stderr));
  return ms;
}

/** Time a bare `deno run` of an empty module: the runtime's own start-up floor. */
export function timeDenoFloor(): number {
  const started = performance.now();
  new Deno.Command(Deno.execPath(), { args: ["eval", "0"], stdout: "null", stderr: "null" })
    .outputSync();
  return performance.now() - started;
}

/** Environment for a spawned korva in a temp home: PATH (git) and the shared Deno cache. */
export function benchEnv(home: string): Record<string, string> {
  return {
    KORVA_HOME: home,
    HOME: home,
    PATH: Deno.env.get("PATH") ?? "",
    DENO_DIR: Deno.env.get("DENO_DIR") ?? join(Deno.env.get("HOME") ?? "", ".cache/deno"),
  };
}

/** The CPU model from /proc/cpuinfo (or the OS name elsewhere), printed with every figure. */
export function cpuModel(): string {
  try {
    const info = Deno.readTextFileSync("/proc/cpuinfo");
    return info.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? Deno.build.os;
  } catch {
    return Deno.build.os;
  }
}
