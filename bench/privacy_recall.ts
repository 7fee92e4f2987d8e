// deno-lint-ignore-file no-console -- a measurement script prints its results
// Recall of the redactor on the labelled secret corpus in ../shared/secret-corpus, both modes.
// Run: deno run -A bench/privacy_recall.ts [--missed]
import { createRedactor } from "../lib/privacy/redact.ts";
import { loadSecretCorpus, measureRecall, SECRET_CORPUS } from "./privacy_corpus.ts";

const samples = loadSecretCorpus();
if (!samples) {
  console.log(`skipped: secret corpus not found at ${SECRET_CORPUS}`);
  Deno.exit(0);
}
const redactor = createRedactor();
const pct = (r: { caught: number; total: number; rate: number }) =>
  `${(r.rate * 100).toFixed(1)}% (${r.caught}/${r.total})`;
for (const mode of ["redact", "gate"] as const) {
  const recall = measureRecall(samples, redactor, mode);
  console.log(`mode ${mode}`);
  console.log(`  all secret-labelled samples    ${pct(recall.all)}`);
  console.log(`  categories ∋ secret            ${pct(recall.secretCategory)}`);
  console.log(`    non-fuzzy (prefix/shape)     ${pct(recall.nonFuzzy)}`);
  console.log(`    fuzzy (context-dependent)    ${pct(recall.fuzzy)}`);
  console.log(`  not_secret samples with a hit  ${pct(recall.notSecretFired)} (sanity only)`);
  if (Deno.args.includes("--missed")) {
    for (const m of recall.missed) {
      console.log(
        `    missed ${m.fuzzy ? "fuzzy    " : "non-fuzzy"} ${m.sample_id} ${m.rule_name}`,
      );
    }
  }
}
