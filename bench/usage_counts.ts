// What counting costs (vault migration 7): Vault.recordRecalls for the five memories a file hook
// typically returns, and recordRuleHits for two rules, in process on a copy of a cached 10k
// vault, against the same run's floors: reading the same five memories, and an empty write
// transaction (the lock and commit alone).
// Run: deno run -A bench/usage_counts.ts
// deno-lint-ignore-file no-console
import { cpus } from "node:os";
import { benchVault, calibrationMs, percentiles } from "./fixtures.ts";

const SAMPLES = 300;
const WARMUP = 20;

const vault = benchVault(10_000);
const ids = vault.list({ limit: 200 }).map((m) => m.id);
const fives = Array.from({ length: 40 }, (_, i) => ids.slice(i * 5, i * 5 + 5));
const cases: Array<[string, (i: number) => unknown]> = [
  ["recordRecalls (5 ids)", (i) => vault.recordRecalls(fives[i % fives.length]!, new Date())],
  [
    "recordRuleHits (2 rules)",
    () => vault.recordRuleHits(new Map([["a/rule", 1], ["b/rule", 2]]), new Date()),
  ],
  ["floor: getMany (the same 5 ids)", (i) => vault.getMany(fives[i % fives.length]!)],
  ["floor: empty write transaction", () => vault.checkWritable()],
];
const samples = new Map(cases.map(([name]) => [name, [] as number[]]));
// Interleaved rounds, so a burst of load on the shared machine hits every case alike.
for (let round = 0; round < SAMPLES + WARMUP; round++) {
  for (const [name, run] of cases) {
    const started = performance.now();
    run(round);
    if (round >= WARMUP) samples.get(name)!.push(performance.now() - started);
  }
}
console.log(
  `CPU: ${cpus()[0]?.model ?? "unknown"} × ${cpus().length}; deno ${Deno.version.deno}; ` +
    `calibration ${calibrationMs().toFixed(1)} ms; load average ${
      Deno.loadavg().map((n) => n.toFixed(1)).join(" ")
    }`,
);
for (const [name] of cases) console.log(`${name.padEnd(34)} ${percentiles(samples.get(name)!)}`);
vault.close();
