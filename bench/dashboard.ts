// The dashboard at 100k memories: first page (HTML + its three assets, no browser cache) and
// search as you type (the htmx fragment for each prefix of a query, sent as app.js sends it while
// typing: full-text ranking only), with the server time from the Server-Timing header, against
// the same fragment on Enter (semantic recall), /api/search for the same queries and /health in
// the same run; and the overview page (counts, charts' data, most recalled, rule hits).
// The 100k vault is built in a temp home (bench/.data/ is only read, copied when present).
// Run: deno run -A bench/dashboard.ts
// deno-lint-ignore-file no-console
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { openVault } from "../lib/vault/mod.ts";
import { benchEnv, MAIN, summary } from "./_process.ts";
import { BENCH_QUERIES, clockFrom, DATA_DIR, fakeMemory } from "./fixtures.ts";

const N = 100_000;
const SAMPLES = 220;
const WARMUP = 20;

const home = mkdtempSync(join(tmpdir(), "korva-dashboard-bench-"));
const env = benchEnv(home);
const korva = (...args: string[]) =>
  new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", MAIN, ...args],
    env,
    cwd: home,
    stdout: "piped",
    stderr: "inherit",
  }).outputSync();

function buildVault(path: string): void {
  const cached = join(DATA_DIR, `vault-${N}.db`);
  if (existsSync(cached)) return copyFileSync(cached, path);
  const vault = openVault(path, { now: clockFrom(N) });
  for (let start = 0; start < N; start += 10_000) {
    vault.importLines(Array.from({ length: 10_000 }, (_, i) => fakeMemory(start + i)));
  }
  vault.close();
}

async function timed(url: string, headers: Record<string, string>) {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  const timing = response.headers.get("server-timing") ?? "";
  const server = Number(timing.match(/app;dur=([\d.]+)/)?.[1] ?? NaN);
  const cpu = Number(timing.match(/cpu;dur=([\d.]+)/)?.[1] ?? NaN);
  return { total: performance.now() - started, server, cpu, status: response.status };
}

try {
  console.log(
    `CPU: ${cpus()[0]?.model ?? "unknown"} × ${cpus().length}; deno ${Deno.version.deno}; ` +
      `load average ${Deno.loadavg().map((n) => n.toFixed(1)).join(" ")}`,
  );
  const built = performance.now();
  buildVault(join(home, "vault.db"));
  console.log(`vault of ${N} memories ready in ${Math.round(performance.now() - built)} ms`);
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  const ui = korva("ui", "--port", String(port), "--print-url");
  const url = new TextDecoder().decode(ui.stdout).trim();
  const login = await fetch(url, { redirect: "manual" });
  await login.body?.cancel();
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const base = `http://127.0.0.1:${port}`;
  const token = readFileSync(join(home, "token"), "utf8").trim();

  const html = await (await fetch(`${base}/`, { headers: { cookie } })).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  const first: number[] = [];
  const firstServer: number[] = [];
  const firstCpu: number[] = [];
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const started = performance.now();
    const page = await timed(`${base}/`, { cookie });
    await Promise.all(assets.map((asset) => timed(`${base}${asset}`, {})));
    if (i >= WARMUP) {
      first.push(performance.now() - started);
      firstServer.push(page.server);
      firstCpu.push(page.cpu);
    }
  }

  const queries = BENCH_QUERIES;
  const prefixes = queries.flatMap((q) =>
    Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))
  )
    .filter((p) => !p.endsWith(" "));
  const typing: number[] = [];
  const typingServer: number[] = [];
  const typingCpu: number[] = [];
  const enterServer: number[] = [];
  const enterCpu: number[] = [];
  const api: number[] = [];
  const health: number[] = [];
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const prefix = prefixes[i % prefixes.length]!;
    const fragment = await timed(`${base}/?q=${encodeURIComponent(prefix)}`, {
      cookie,
      "hx-request": "true",
      "x-korva-typing": "1",
    });
    const enter = await timed(`${base}/?q=${encodeURIComponent(prefix)}`, {
      cookie,
      "hx-request": "true",
    });
    const search = await timed(`${base}/api/search?q=${encodeURIComponent(prefix)}`, {
      authorization: `Bearer ${token}`,
    });
    const floor = await timed(`${base}/health`, {});
    if (i >= WARMUP) {
      typing.push(fragment.total);
      typingServer.push(fragment.server);
      typingCpu.push(fragment.cpu);
      enterServer.push(enter.server);
      enterCpu.push(enter.cpu);
      api.push(search.total);
      health.push(floor.total);
    }
  }
  const overview: number[] = [];
  const overviewCpu: number[] = [];
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const page = await timed(`${base}/overview`, { cookie });
    if (i >= WARMUP) {
      overview.push(page.server);
      overviewCpu.push(page.cpu);
    }
  }
  const line = (label: string, samples: number[]) => {
    const s = summary(samples);
    console.log(
      `${label.padEnd(52)} p50 ${String(s.p50).padStart(6)} ms  p95 ${
        String(s.p95).padStart(6)
      } ms`,
    );
  };
  console.log(`${SAMPLES} samples each after ${WARMUP} warm-up requests, loopback HTTP:`);
  line("first page: GET / + 3 assets, round trip", first);
  line("first page: GET / server time", firstServer);
  line("first page: GET / server CPU time", firstCpu);
  line("search as you type: GET /?q=prefix (htmx), round trip", typing);
  line("search as you type: server time", typingServer);
  line("search as you type: server CPU time", typingCpu);
  line("same run: the fragment on Enter (semantic recall), server time", enterServer);
  line("same run: the fragment on Enter (semantic recall), CPU time", enterCpu);
  line("same-run baseline: GET /api/search?q=prefix", api);
  line("same-run floor: GET /health", health);
  line("overview: GET /overview server time", overview);
  line("overview: GET /overview server CPU time", overviewCpu);
  console.log(`load average after: ${Deno.loadavg().map((n) => n.toFixed(1)).join(" ")}`);
} finally {
  korva("vault", "stop");
  rmSync(home, { recursive: true, force: true });
}
