// Search latency with semantic recall on versus off, same vault, same run, at 100k memories
// (the bound: p95 under 10 ms in process). Run: deno run -A bench/recall_latency.ts [n]
// deno-lint-ignore-file no-console
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSemantics } from "../lib/recall/mod.ts";
import { openVault } from "../lib/vault/mod.ts";
import { cachedVaultPath, percentiles, SEARCH_QUERIES } from "./fixtures.ts";

const QUERIES = [...SEARCH_QUERIES, "how do we stop two charges for one payment"];

const cpu = readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.+)/)?.[1] ?? "unknown";
let spin = 0;
const calibrationStart = performance.now();
for (let i = 0; i < 50_000_000; i++) spin = (spin + i) % 1_000_003;
console.log(
  `CPU: ${cpu}; calibration loop (5e7 adds): ${
    (performance.now() - calibrationStart).toFixed(0)
  } ms (${spin})`,
);

const n = Number(Deno.args[0] ?? 100_000);
const semantics = loadSemantics();
// One cached vault per vectors' model: a vault of another model's vectors searches without them.
const cached = cachedVaultPath(n, undefined, { semantics });
const dir = mkdtempSync(join(tmpdir(), "korva-recall-latency-"));
try {
  const path = join(dir, "vault.db");
  copyFileSync(cached, path); // never write into the cached data
  for (const [name, options] of [["lexical", {}], ["semantic", { semantics }]] as const) {
    using vault = openVault(path, options);
    for (const q of QUERIES) vault.search(q); // warm the page and statement caches
    const samples: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const q of QUERIES) {
        const start = performance.now();
        vault.search(q, { limit: 10 });
        samples.push(performance.now() - start);
      }
    }
    console.log(`search ${name} at ${n} (${samples.length} queries): ${percentiles(samples)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
