// deno-lint-ignore-file no-console -- a measurement script prints its results
// In-process redact throughput on clean code, this tree against a baseline git ref in the same
// run (same machine, same input, interleaved samples). The baseline's lib/ is extracted with
// `git archive` into a temp dir and imported from there.
// Run: deno run -A bench/privacy_throughput.ts [ref=main] [samples=200]
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import process from "node:process";
import { join } from "node:path";
import { createRedactor, type Redactor } from "../lib/privacy/redact.ts";
import { extractLib } from "./_baseline.ts";
import { cleanCode } from "./privacy_inputs.ts";

const ref = Deno.args[0] ?? "main";
const samples = Number(Deno.args[1] ?? 200);

async function baseline(ref: string): Promise<{ redactor: Redactor; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "korva-baseline-"));
  extractLib(ref, dir);
  const mod = await import(join(dir, "lib/privacy/redact.ts")) as {
    createRedactor: () => Redactor;
  };
  return { redactor: mod.createRedactor(), cleanup: () => rmSync(dir, { recursive: true }) };
}

const text = cleanCode();
const mb = new TextEncoder().encode(text).length / 1_048_576;
const base = await baseline(ref);
const current = createRedactor();
const sides = [["baseline " + ref, base.redactor], ["this tree", current]] as const;
const times: Record<string, number[]> = { [sides[0][0]]: [], [sides[1][0]]: [] };
// CPU time of this process per sample as well: on a shared machine, wall time also counts the
// time other processes held the CPU.
const cpu: Record<string, number[]> = { [sides[0][0]]: [], [sides[1][0]]: [] };
for (const [, r] of sides) for (let i = 0; i < 5; i++) r.redact(text); // warm up
for (let i = 0; i < samples; i++) {
  for (const [name, r] of i % 2 === 0 ? sides : [...sides].reverse()) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    r.redact(text);
    const used = process.cpuUsage(cpuStart);
    times[name]!.push(performance.now() - start);
    cpu[name]!.push((used.user + used.system) / 1000);
  }
}
base.cleanup();
console.log(`CPU: ${cpus()[0]?.model ?? "unknown"}; input: ${mb.toFixed(2)} MB of clean code`);
for (const [name, list] of Object.entries(times)) {
  list.sort((a, b) => a - b);
  const median = list[Math.floor(list.length / 2)]!;
  const p95 = list[Math.floor(list.length * 0.95)]!;
  const cpuList = cpu[name]!.sort((a, b) => a - b);
  const cpuMedian = cpuList[Math.floor(cpuList.length / 2)]!;
  console.log(
    `${name}: wall median ${median.toFixed(1)} ms = ${(mb / (median / 1000)).toFixed(1)} MB/s, ` +
      `p95 ${p95.toFixed(1)} ms = ${(mb / (p95 / 1000)).toFixed(1)} MB/s; CPU median ` +
      `${cpuMedian.toFixed(1)} ms = ${
        (mb / (cpuMedian / 1000)).toFixed(1)
      } MB/s (${list.length} samples)`,
  );
}
