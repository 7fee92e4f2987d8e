// The vault service: /api/search round trips at 10k memories over loopback HTTP.
// Run: deno run -A bench/http_search.ts
// deno-lint-ignore-file no-console
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchEnv, MAIN, summary } from "./_process.ts";
import { BENCH_QUERIES, copyBenchVault } from "./fixtures.ts";

const home = mkdtempSync(join(tmpdir(), "korva-http-bench-"));
const env = benchEnv(home);
const korva = (...args: string[]) =>
  new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", MAIN, ...args],
    env,
    stdout: "null",
    stderr: "inherit",
  })
    .outputSync();
try {
  copyBenchVault(10_000, join(home, "vault.db"));
  korva("init");
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  korva("vault", "start", "--port", String(port));
  const token = readFileSync(join(home, "token"), "utf8").trim();
  const queries = BENCH_QUERIES;
  const samples: number[] = [];
  for (let i = 0; i < 220; i++) {
    const started = performance.now();
    const response = await fetch(
      `http://127.0.0.1:${port}/api/search?q=${encodeURIComponent(queries[i % 5] ?? "")}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    await response.json();
    if (i >= 20) samples.push(performance.now() - started);
  }
  const s = summary(samples);
  console.log(
    `GET /api/search at 10k (${samples.length} requests): p50 ${s.p50} ms, p95 ${s.p95} ms`,
  );
} finally {
  korva("vault", "stop");
  rmSync(home, { recursive: true, force: true });
}
