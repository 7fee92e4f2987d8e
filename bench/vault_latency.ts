// Latency percentiles of search and save at 100k memories (the targets are p95 figures,
// which `deno bench` does not print), on a temp copy of the cached vault (saves must not change
// the cache), with the CPU model and a calibration loop. Run: deno run -A bench/vault_latency.ts [n]
// deno-lint-ignore-file no-console
import { cpuModel } from "./_process.ts";
import {
  benchVault,
  calibrationMs,
  fakeMemory,
  percentiles,
  SEARCH_QUERIES as QUERIES,
} from "./fixtures.ts";

const n = Number(Deno.args[0] ?? 100_000);
using vault = benchVault(n);
for (const q of QUERIES) vault.search(q); // warm the page cache and statement cache
const search: number[] = [];
for (let round = 0; round < 20; round++) {
  for (const q of QUERIES) {
    const start = performance.now();
    vault.search(q, { limit: 10 });
    search.push(performance.now() - start);
  }
}
const save: number[] = [];
for (let i = 0; i < 300; i++) {
  const memory = fakeMemory(50_000_000 + i);
  const start = performance.now();
  vault.save({ ...memory, title: `${memory.title} latency-${Date.now()}-${i}` });
  save.push(performance.now() - start);
}
console.log(
  `CPU: ${cpuModel()}, load average ${Deno.loadavg().map((l) => l.toFixed(1)).join(" ")}, ` +
    `calibration loop ${calibrationMs().toFixed(1)} ms`,
);
console.log(`search at ${n} (${search.length} queries): ${percentiles(search)}`);
console.log(`save at ${n} (${save.length} saves): ${percentiles(save)}`);
