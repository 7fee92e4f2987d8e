// Whole-process `korva context --file` on a 100k vault inside a 10,000-commit repository: this
// tree (staleness from git, warm and cold cache) against the `main` branch's tree (no staleness)
// in the same run. Run: deno run -A bench/staleness_context.ts [samples]
// deno-lint-ignore-file no-console
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { benchEnv, MAIN, summary } from "./_process.ts";
import { benchVault, DATA_DIR } from "./fixtures.ts";
import { benchRepo } from "./staleness_repo.ts";

const SAMPLES = Number(Deno.args[0] ?? 200);
const FILES = [
  "src/payments/payments.ts",
  "src/orders/orders_3.ts",
  "src/auth/auth.ts",
  "src/cache/cache_12.ts",
];

const repo = await benchRepo(10_000);
benchVault(100_000).close();
const home = mkdtempSync(join(tmpdir(), "korva-staleness-"));
const baseline = mkdtempSync(join(tmpdir(), "korva-main-"));
try {
  copyFileSync(join(DATA_DIR, "vault-100000.db"), join(home, "vault.db"));
  // Today's korva: the main branch's tree, exported (not checked out) beside this one.
  const archive = new Deno.Command("sh", {
    args: ["-c", `git archive main | tar -x -C ${baseline}`],
    stdout: "null",
    stderr: "inherit",
  }).outputSync();
  if (!archive.success) throw new Error("git archive main failed");
  const env = benchEnv(home);
  const time = (main: string, file: string) => {
    const started = performance.now();
    const out = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        "--quiet",
        main,
        "context",
        "--file",
        file,
        "--project",
        "bench",
        "--json",
      ],
      env,
      cwd: repo,
      stdout: "null",
      stderr: "piped",
    }).outputSync();
    if (out.code > 1) throw new Error(new TextDecoder().decode(out.stderr));
    return performance.now() - started;
  };
  const cacheDir = join(home, "cache", "staleness");
  for (const file of FILES) time(MAIN, file); // fill the cache for this HEAD
  const today: number[] = [];
  const warm: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const file = FILES[i % FILES.length]!;
    today.push(time(join(baseline, "main.ts"), file));
    warm.push(time(MAIN, file));
    if (i % 4 === 0) {
      rmSync(cacheDir, { recursive: true, force: true });
      cold.push(time(MAIN, file));
      for (const other of FILES) time(MAIN, other);
    }
  }
  const t = summary(today);
  const w = summary(warm);
  const c = summary(cold);
  const pct = (a: number, b: number) => `${a >= b ? "+" : ""}${((a / b - 1) * 100).toFixed(1)} %`;
  console.log(`CPU: ${cpus()[0]?.model ?? "unknown"} (${cpus().length} cores)`);
  console.log(`repository: 10,000 commits; vault: 100,000 memories; ${SAMPLES} samples per side`);
  console.log(`today (main, no staleness):   p50 ${t.p50} ms, p95 ${t.p95} ms`);
  console.log(
    `staleness, warm cache:         p50 ${w.p50} ms, p95 ${w.p95} ms (${pct(w.p50, t.p50)} p50, ${
      pct(w.p95, t.p95)
    } p95)`,
  );
  console.log(
    `staleness, cold cache (n=${cold.length}): p50 ${c.p50} ms, p95 ${c.p95} ms (${
      pct(c.p50, t.p50)
    } p50)`,
  );
} finally {
  rmSync(home, { recursive: true, force: true });
  rmSync(baseline, { recursive: true, force: true });
}
