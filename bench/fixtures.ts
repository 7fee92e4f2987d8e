// Deterministic, realistic memories for benchmarks: engineering prose over a shared vocabulary.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type NewMemory, openVault, type Vault } from "../lib/vault/mod.ts";
import type { SearchSemantics } from "../lib/vault/search.ts";
import { MEMORY_TYPES } from "../lib/vault/types.ts";

/** Natural queries over the fixtures' vocabulary, shared by the latency benchmarks. */
export const BENCH_QUERIES = [
  "payment lock",
  "retry policy webhooks",
  "PaymentService timeout",
  "idempotency key",
  "cache TTL sessions",
];

/** Where generated vaults are cached between runs (git-ignored). */
export const DATA_DIR = fileURLToPath(new URL("./.data/", import.meta.url));

/** The code areas generated memories (and the staleness bench repository) are about. */
export const AREAS = [
  "payments",
  "billing",
  "auth",
  "session",
  "search",
  "orders",
  "inventory",
  "shipping",
  "notifications",
  "email",
  "webhooks",
  "reports",
  "analytics",
  "users",
  "accounts",
  "checkout",
  "cart",
  "pricing",
  "tax",
  "refunds",
  "ledger",
  "queue",
  "scheduler",
  "cache",
  "gateway",
];
const THINGS = [
  "retry policy",
  "lock key",
  "timeout",
  "rate limit",
  "index",
  "migration",
  "schema",
  "connection pool",
  "circuit breaker",
  "feature flag",
  "idempotency key",
  "batch size",
  "error handling",
  "logging format",
  "metrics",
  "trace sampling",
  "backoff",
  "TTL",
  "pagination",
  "serialization",
  "validation",
  "transaction isolation",
  "dead letter queue",
];
const VERBS = [
  "caused",
  "prevented",
  "slowed",
  "broke",
  "fixed",
  "replaced",
  "doubled",
  "halved",
  "serialized",
  "duplicated",
  "dropped",
  "retried",
  "blocked",
  "leaked",
  "corrupted",
];
const REASONS = [
  "because concurrent requests from one customer raced on the same row",
  "since the upstream provider throttles bursts above fifty requests per second",
  "as the old client library swallowed connection resets silently",
  "after an outage showed that retries without jitter amplify load",
  "because the nightly job and the API wrote the same records",
  "given that mobile clients resend requests when the network flaps",
  "since the team agreed to keep domain code free of infrastructure imports",
];
const CODE = [
  "PaymentService",
  "OrderRepository",
  "RetryPolicy",
  "lockKey",
  "user_id",
  "payment_id",
  "createInvoice",
  "SessionStore",
  "RateLimiter",
  "WebhookHandler",
  "order_id",
  "tenantId",
];

/** A small seeded PRNG (mulberry32) so every run builds the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The i-th generated memory (same i → same memory). */
export function fakeMemory(i: number, project = "bench"): NewMemory {
  const r = prng(i + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const area = pick(AREAS);
  const thing = pick(THINGS);
  const sentences = Array.from(
    { length: 3 + Math.floor(r() * 5) },
    () => `The ${pick(AREAS)} ${pick(THINGS)} ${pick(VERBS)} ${pick(CODE)} ${pick(REASONS)}.`,
  );
  return {
    type: pick(MEMORY_TYPES),
    title: `${area[0]?.toUpperCase()}${area.slice(1)} ${thing} ${pick(VERBS)} #${i}`,
    content: sentences.join(" "),
    why: r() < 0.6 ? `We chose this ${pick(REASONS)}.` : undefined,
    tags: [area, thing.split(" ")[0] ?? thing],
    files: r() < 0.7 ? [`src/${area}/**`] : [`src/${area}/${pick(CODE)}.ts`],
    project: r() < 0.8 ? project : `${project}-other`,
  } as NewMemory;
}

/**
 * Path of the cached vault with n generated memories, built once; with `semantics`, the vault
 * as korva writes it, with semantic recall's memory vectors (the cache bench/recall_latency.ts
 * builds too). Never open it for writing: benchmarks work on copies (`benchVault`,
 * `copyBenchVault`) so the cache never grows.
 */
export function cachedVaultPath(
  n: number,
  dataDir = DATA_DIR,
  options: { semantics?: SearchSemantics } = {},
): string {
  // One cached vault per vectors' model: a vault of another model's vectors searches without them.
  const path = join(
    dataDir,
    options.semantics ? `recall-vault-${n}-m${options.semantics.model}.db` : `vault-${n}.db`,
  );
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    const building = openVault(`${path}.building`, { now: clockFrom(n), ...options });
    const batch: NewMemory[] = [];
    for (let i = 0; i < n; i++) batch.push(fakeMemory(i));
    building.importLines(batch);
    building.close();
    Deno.renameSync(`${path}.building`, path);
  }
  return path;
}

/** Copy the cached vault with n memories to `dest` (e.g. a spawned korva's vault.db). */
export function copyBenchVault(n: number, dest: string, dataDir = DATA_DIR): void {
  copyFileSync(cachedVaultPath(n, dataDir), dest);
}

/**
 * A vault with n generated memories, opened on a fresh copy of the cached one: saves go to the
 * copy, which is deleted when the process exits.
 */
export function benchVault(n: number, options: { dataDir?: string } = {}): Vault {
  const dir = mkdtempSync(join(tmpdir(), "korva-bench-vault-"));
  globalThis.addEventListener("unload", () => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, "vault.db");
  copyBenchVault(n, path, options.dataDir);
  return openVault(path);
}

/**
 * A fixed CPU-bound loop, timed: printed beside in-process figures so runs on loaded or other
 * machines can be compared (a figure twice as slow with a calibration twice as slow is the same).
 */
export function calibrationMs(): number {
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    let x = 0;
    for (let i = 1; i < 2_000_000; i++) x += Math.sqrt(i) % 7;
    if (x < 0) throw new Error("unreachable");
    samples.push(performance.now() - started);
  }
  return Math.min(...samples);
}

/** A clock that advances one minute per call, ending near now. */
export function clockFrom(n: number): () => Date {
  let t = Date.UTC(2026, 0, 1) - n * 60_000;
  return () => new Date(t += 60_000);
}

/** Natural search queries over the generated vocabulary, for latency benchmarks. */
export const SEARCH_QUERIES = [
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

/** p50, p95 and p99 of samples in milliseconds, as one line. */
export function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return `p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, p99 ${
    at(0.99).toFixed(2)
  } ms`;
}
