// What the HTTP service's connection guard costs: 400 sequential keep-alive GETs against
// Deno.serve directly and through serveGuarded(), same handler, same run.
// Run: deno run -A bench/http_guard.ts
// deno-lint-ignore-file no-console
import { serveGuarded } from "../lib/service/guard.ts";
import { summary } from "./_process.ts";

const handler = () => new Response(JSON.stringify({ ok: true }));
const SAMPLES = 400;

async function time(port: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES + 20; i++) {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    await response.text();
    if (i >= 20) samples.push(performance.now() - started);
  }
  return samples;
}

const direct = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, handler);
const guarded = serveGuarded({ hostname: "127.0.0.1", port: 0 }, handler);
const a: number[] = [];
const b: number[] = [];
for (let round = 0; round < 3; round++) {
  a.push(...await time(direct.addr.port));
  b.push(...await time(guarded.port));
}
await direct.shutdown();
await guarded.shutdown(100);
const cpu = Deno.readTextFileSync("/proc/cpuinfo").match(/model name\s*:\s*(.+)/)?.[1];
console.log(`cpu: ${cpu}; ${a.length} samples each (3 interleaved rounds)`);
console.log("Deno.serve      ", summary(a));
console.log("serveGuarded()  ", summary(b));
