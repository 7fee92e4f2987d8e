// Whole-process start-up: `korva --version` and `korva context` (100k vault) against the bare
// `deno` floor measured in the same run. Run: deno run -A bench/startup.ts
// deno-lint-ignore-file no-console
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildContext } from "../lib/discovery/context.ts";
import { summary, timeDenoFloor, timeKorva } from "./_process.ts";
import { benchVault, DATA_DIR } from "./fixtures.ts";

const RUNS = 15;
const floor = summary(Array.from({ length: RUNS }, timeDenoFloor));
const home = mkdtempSync(join(tmpdir(), "korva-startup-"));
try {
  benchVault(100_000).close();
  copyFileSync(join(DATA_DIR, "vault-100000.db"), join(home, "vault.db"));
  const env = {
    KORVA_HOME: home,
    HOME: home,
    DENO_DIR: Deno.env.get("DENO_DIR") ?? join(Deno.env.get("HOME") ?? "", ".cache/deno"),
    PATH: Deno.env.get("PATH") ?? "",
  };
  const version = summary(Array.from({ length: RUNS }, () => timeKorva(["--version"], env)));
  const context = summary(
    Array.from({ length: RUNS }, () =>
      timeKorva(
        ["context", "--file", "src/payments/payments.ts", "--project", "bench", "--json"],
        env,
      )),
  );
  console.log(`deno floor (deno eval 0):               p50 ${floor.p50} ms, p95 ${floor.p95} ms`);
  console.log(
    `korva --version (deno run):             p50 ${version.p50} ms, p95 ${version.p95} ms (${
      (version.p50 / floor.p50).toFixed(2)
    }× the floor)`,
  );
  console.log(
    `korva context --file … (100k, process): p50 ${context.p50} ms, p95 ${context.p95} ms (${
      (context.p50 / floor.p50).toFixed(2)
    }× the floor)`,
  );

  using vault = benchVault(100_000);
  const engine: number[] = [];
  const files = [
    "src/payments/payments.ts",
    "src/auth/login.ts",
    "src/orders/order.ts",
    "src/cache/x.ts",
    "src/tax/y.ts",
  ];
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    buildContext(vault, {
      project: "bench",
      files: [files[i % files.length] ?? ""],
      ...(i % 2 ? { task: "fix the retry policy" } : {}),
    });
    engine.push(performance.now() - started);
  }
  const e = summary(engine.slice(5));
  console.log(`discovery engine alone (100k):          p50 ${e.p50} ms, p95 ${e.p95} ms`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
