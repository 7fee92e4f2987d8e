// Whole-process start-up: `korva --version`, `korva context --file …` and `korva save` on a copy
// of the 100k vault, each as a ratio to the bare `deno eval 0` floor measured in the same run
// (interleaved, so machine noise hits every command alike). With `--baseline DIR` (another
// checkout, e.g. `git archive <commit> | tar -x -C DIR`) its context and save run in the same
// rounds, on a vault that checkout built itself.
// Run: deno run -A bench/startup.ts [runs] [--baseline DIR]
// deno-lint-ignore-file no-console
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildContext } from "../lib/discovery/context.ts";
import { benchEnv, cpuModel, summary, timeDenoFloor, timeKorva } from "./_process.ts";
import { benchVault, copyBenchVault } from "./fixtures.ts";

const baselineAt = Deno.args.indexOf("--baseline");
const baseline = baselineAt >= 0 ? resolve(Deno.args[baselineAt + 1] ?? ".") : undefined;
const RUNS = Number(Deno.args.find((a, i) => /^\d+$/.test(a) && i !== baselineAt + 1) ?? 200);
const CONTEXT = ["context", "--file", "src/payments/payments.ts", "--project", "bench", "--json"];
const save = (i: number, side: string) => [
  "save",
  "--type",
  "note",
  "--title",
  `startup bench ${side} ${i}`,
  "--content",
  `run ${i}`,
];

/** A KORVA_HOME holding a copy of the baseline checkout's own 100k bench vault. */
function baselineHome(dir: string): string {
  const home = mkdtempSync(join(tmpdir(), "korva-startup-baseline-"));
  // The baseline's own fixtures build (or reuse) its cache in DIR/bench/.data with its schema.
  const build = new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      `import { benchVault } from "${
        join(dir, "bench", "fixtures.ts")
      }"; benchVault(100000).close();`,
    ],
    cwd: dir,
    stdout: "null",
    stderr: "inherit",
  }).outputSync();
  if (!build.success) throw new Error(`Cannot build the baseline vault in "${dir}"`);
  copyFileSync(join(dir, "bench", ".data", "vault-100000.db"), join(home, "vault.db"));
  return home;
}

const home = mkdtempSync(join(tmpdir(), "korva-startup-"));
const homes = [home];
try {
  // The spawned korva writes into this copy (saves), never into bench/.data/.
  copyBenchVault(100_000, join(home, "vault.db"));
  const env = benchEnv(home);
  const base = baseline ? baselineHome(baseline) : undefined;
  if (base) homes.push(base);
  const baseEnv = base ? benchEnv(base) : {};
  const baseMain = baseline ? join(baseline, "main.ts") : "";
  const samples: Record<string, number[]> = {
    floor: [],
    version: [],
    context: [],
    save: [],
    baseContext: [],
    baseSave: [],
  };
  const push = (key: string, ms: number) => samples[key]?.push(ms);
  for (let i = 0; i < RUNS; i++) {
    push("floor", timeDenoFloor());
    push("version", timeKorva(["--version"], env, home));
    push("context", timeKorva(CONTEXT, env, home));
    push("save", timeKorva(save(i, "this"), env, home));
    if (base) {
      push("baseContext", timeKorva(CONTEXT, baseEnv, base, baseMain));
      push("baseSave", timeKorva(save(i, "baseline"), baseEnv, base, baseMain));
    }
  }
  const floor = summary(samples.floor ?? []);
  const row = (label: string, key: string) => {
    const s = summary(samples[key] ?? []);
    console.log(
      `${label.padEnd(44)} p50 ${s.p50} ms, p95 ${s.p95} ms (${(s.p50 / floor.p50).toFixed(2)}× ` +
        `the floor at p50, ${(s.p95 / floor.p95).toFixed(2)}× at p95)`,
    );
  };
  console.log(`CPU: ${cpuModel()}; Deno ${Deno.version.deno}; ${RUNS} interleaved runs each`);
  console.log(`${"deno floor (deno eval 0)".padEnd(44)} p50 ${floor.p50} ms, p95 ${floor.p95} ms`);
  row("korva --version", "version");
  row("korva context --file … (100k vault)", "context");
  row("korva save (100k vault)", "save");
  if (baseline) {
    row(`baseline context (${baseline})`, "baseContext");
    row(`baseline save (${baseline})`, "baseSave");
  }

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
  console.log(`${"discovery engine alone (100k)".padEnd(44)} p50 ${e.p50} ms, p95 ${e.p95} ms`);
} finally {
  for (const dir of homes) rmSync(dir, { recursive: true, force: true });
}
