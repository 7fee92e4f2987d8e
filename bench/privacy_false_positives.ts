// deno-lint-ignore-file no-console -- a measurement script prints its results
// Non-PII redactions per MB on real source code shipped with npm (clean code), both modes.
// Run: deno run -A bench/privacy_false_positives.ts [--detail]
import { createRedactor } from "../lib/privacy/redact.ts";
import { denoNpmCacheFiles, measureFalsePositives, npmSourceFiles } from "./privacy_corpus.ts";

const redactor = createRedactor();
const sets = [
  ["npm's bundled sources (npm root -g → npm/)", npmSourceFiles()],
  ["held-out: Deno's npm cache (registry.npmjs.org/**/*.js)", denoNpmCacheFiles()],
] as const;
for (const [name, files] of sets) {
  if (!files) {
    console.log(`skipped: ${name} not found`);
    continue;
  }
  console.log(name);
  measure(files);
}

function measure(files: readonly string[]): void {
  for (const mode of ["redact", "gate"] as const) {
    const fp = measureFalsePositives([...files], redactor, mode);
    console.log(
      `mode ${mode}: ${fp.files} files, ${(fp.bytes / 1_048_576).toFixed(2)} MB, ` +
        `${fp.nonPii} non-PII redactions = ${fp.perMb.toFixed(2)}/MB (PII: ${fp.pii})`,
    );
    const top = Object.entries(fp.byDetector).sort((a, b) => b[1] - a[1]);
    for (const [id, n] of top) console.log(`  ${id}: ${n}`);
  }
}
