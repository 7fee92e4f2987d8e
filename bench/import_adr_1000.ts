// Whole-process ADR import: `korva import adr DIR` of 1,000 generated decision records (Nygard and
// MADR, with supersede links and file paths) into an empty vault, then the idempotent re-run.
// Target (issue 20): under 5 s. Run: deno run -A bench/import_adr_1000.ts [count] [runs]
// deno-lint-ignore-file no-console
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchEnv, cpuModel, timeDenoFloor, timeKorva } from "./_process.ts";

const count = Number(Deno.args[0] ?? 1000);
const runs = Number(Deno.args[1] ?? 5);

/** Record i: Nygard for even i, MADR 3 for odd i; every 10th supersedes the one before it. */
function record(i: number): string {
  const n = String(i).padStart(4, "0");
  const area = ["payments", "search", "auth", "billing", "ingest"][i % 5];
  if (i % 2 === 0) {
    return `# ${i}. Use approach ${i} for ${area}\n\nDate: 2024-01-01\n\n## Status\n\n${
      i % 10 === 9 ? `Superseded by [${i + 1}](${String(i + 1).padStart(4, "0")}-x.md)` : "Accepted"
    }\n\n## Context\n\nThe ${area} service in \`src/${area}/service_${i}.ts\` needs a rule for case ${i}.\n` +
      "It has been discussed at length; ".repeat(20) +
      `\n\n## Decision\n\nWe will use approach ${i} in \`src/${area}/\`.\n\n## Consequences\n\n` +
      `- Operations watch \`ops/${area}/alerts_${i}.yml\`.\n- Some rework for case ${i}.\n`;
  }
  return `---\nstatus: ${
    i % 10 === 9 ? `"superseded by ADR-${String(i + 1).padStart(4, "0")}"` : "accepted"
  }\n` +
    `date: 2024-02-02\ntags: [${area}, adr]\n---\n# Choose store ${i} for ${area}\n\n` +
    `## Context and Problem Statement\n\nWhere does ${area} keep record ${i}? ${
      "Load grows every quarter. ".repeat(20)
    }\n\n## Considered Options\n\n* Store ${i}\n* Store ${i}b\n* Files\n\n## Decision Outcome\n\n` +
    `Chosen option: "Store ${i}", because it fits \`lib/${area}/store_${n}.ts\`.\n\n### Consequences\n\n` +
    `* Good, because fast.\n* Bad, because one more dependency.\n`;
}

const dir = mkdtempSync(join(tmpdir(), "korva-adr-bench-"));
try {
  const adr = join(dir, "docs", "adr");
  mkdirSync(adr, { recursive: true });
  for (let i = 0; i < count; i++) {
    writeFileSync(join(adr, `${String(i).padStart(4, "0")}-x.md`), record(i));
  }
  const first: number[] = [];
  const again: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < runs; run++) {
    const home = join(dir, `home-${run}`);
    first.push(timeKorva(["import", "adr", "docs/adr", "--json"], benchEnv(home), dir));
    again.push(timeKorva(["import", "adr", "docs/adr", "--json"], benchEnv(home), dir));
    floor.push(timeDenoFloor());
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`CPU: ${cpuModel()}`);
  console.log(
    `korva import adr, ${count} records, empty vault:  median ${s(median(first))} (min ${
      s(Math.min(...first))
    }, ${runs} runs)`,
  );
  console.log(
    `korva import adr, ${count} records, re-run:       median ${s(median(again))} (min ${
      s(Math.min(...again))
    })`,
  );
  console.log(`deno eval 0 (start-up floor, same run):           median ${s(median(floor))}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
