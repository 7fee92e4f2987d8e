// deno-lint-ignore-file no-console -- a measurement script prints its results
// Non-PII redactions per MB on real source code shipped with npm (clean code), both modes.
// Run: deno run -A bench/privacy_false_positives.ts [--detail]
import { createRedactor } from "../lib/privacy/redact.ts";
import { measureFalsePositives, npmSourceFiles } from "./privacy_corpus.ts";

const files = npmSourceFiles();
if (!files) {
  console.log("skipped: npm's bundled sources not found (npm root -g → npm/)");
  Deno.exit(0);
}
const redactor = createRedactor();
for (const mode of ["redact", "gate"] as const) {
  const fp = measureFalsePositives(files, redactor, mode);
  console.log(
    `mode ${mode}: ${fp.files} files, ${(fp.bytes / 1_048_576).toFixed(2)} MB, ` +
      `${fp.nonPii} non-PII redactions = ${fp.perMb.toFixed(2)}/MB (PII: ${fp.pii})`,
  );
  const top = Object.entries(fp.byDetector).sort((a, b) => b[1] - a[1]);
  for (const [id, n] of top) console.log(`  ${id}: ${n}`);
}
