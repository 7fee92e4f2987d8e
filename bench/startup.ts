// Whole-process start-up: `korva --version`, `korva context --file …` and `korva save` on a copy
// of the 100k vault, each as a ratio to the bare `deno eval 0` floor measured in the same run
// (interleaved, so machine noise hits every command alike). Run: deno run -A bench/startup.ts [runs]
// deno-lint-ignore-file no-console
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildContext } from "../lib/discovery/context.ts";
import { benchEnv, cpuModel, summary, timeDenoFloor, timeKorva } from "./_process.ts";
import { benchVault, copyBenchVault } from "./fixtures.ts";

const RUNS = Number(Deno.args[0] ?? 200);
const home = mkdtempSync(join(tmpdir(), "korva-startup-"));
try {
  // The spawned korva writes into this copy (saves), never into bench/.data/.
  copyBenchVault(100_000, join(home, "vault.db"));
  const env = benchEnv(home);
  const samples = { floor: [] as number[], version: [] as number[], context: [] as number[] };
  const save: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    samples.floor.push(timeDenoFloor());
    samples.version.push(timeKorva(["--version"], env, home));
    samples.context.push(
      timeKorva(
        ["context", "--file", "src/payments/payments.ts", "--project", "bench", "--json"],
        env,
        home,
      ),
    );
    save.push(timeKorva(
      ["save", "--type", "note", "--title", `startup bench ${i}`, "--content", `run ${i}`],
      env,
      home,
    ));
  }
  const floor = summary(samples.floor);
  const row = (label: string, s: { p50: number; p95: number }) =>
    console.log(
      `${label.padEnd(40)} p50 ${s.p50} ms, p95 ${s.p95} ms (${(s.p50 / floor.p50).toFixed(2)}× ` +
        `the floor at p50, ${(s.p95 / floor.p95).toFixed(2)}× at p95)`,
    );
  console.log(`CPU: ${cpuModel()}; Deno ${Deno.version.deno}; ${RUNS} interleaved runs each`);
  console.log(`${"deno floor (deno eval 0)".padEnd(40)} p50 ${floor.p50} ms, p95 ${floor.p95} ms`);
  row("korva --version", summary(samples.version));
  row("korva context --file … (100k vault)", summary(samples.context));
  row("korva save (100k vault)", summary(save));

  using vault = benchVault(100_000);
  const engine: number[] = [];
  const files = [
    "src/payments/payments.ts",
    "src/auth/login.ts",
    "src/orders/order.ts",
    "src/cache/x.ts",
    "src/tax/y.ts",
  ];
  for (let i = 0; i < 205; i++) {
    const started = performance.now();
    buildContext(vault, {
      project: "bench",
      files: [files[i % files.length] ?? ""],
      ...(i % 2 ? { task: "fix the retry policy" } : {}),
    });
    engine.push(performance.now() - started);
  }
  const e = summary(engine.slice(5));
  console.log(`${"discovery engine alone (100k)".padEnd(40)} p50 ${e.p50} ms, p95 ${e.p95} ms`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
