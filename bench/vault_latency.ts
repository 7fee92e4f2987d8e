// Latency percentiles of search and save at 100k memories (the targets are p95 figures,
// which `deno bench` does not print), on a temp copy of the cached vault (saves must not change
// the cache), with the CPU model and a calibration loop. Run: deno run -A bench/vault_latency.ts [n]
// deno-lint-ignore-file no-console
import { cpuModel } from "./_process.ts";
import { benchVault, calibrationMs, fakeMemory } from "./fixtures.ts";

const QUERIES = [
  "payment lock",
  "why do retries double charge customers",
  "PaymentService timeout",
  "rate limit webhooks",
  "idempotency key orders",
  "connection pool exhausted",
  "user_id lock key",
  "dead letter queue backoff",
  "circuit breaker gateway",
  "schema migration refunds",
  "how do we paginate search results",
  "cache TTL sessions",
  "feature flag checkout",
  "tax validation",
  "ledger transaction isolation",
];

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return `p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, p99 ${
    at(0.99).toFixed(2)
  } ms`;
}

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
