// deno-lint-ignore-file no-console -- a measurement script prints its results
// Recall and hard-negative figures on the project's own labelled corpus, per class and overall,
// in both modes. Run: deno run -A bench/privacy_labelled_report.ts [--detail] [corpus.jsonl]
// (default: the corpus the floors test uses; a held-out batch such as
// tests/testdata/privacy/heldout_a.jsonl is scored the same way).
import { createRedactor } from "../lib/privacy/redact.ts";
import { loadLabelledCorpus, scoreLabelled } from "./privacy_labelled.ts";

const path = Deno.args.find((a) => !a.startsWith("--"));
const rows = path === undefined ? loadLabelledCorpus() : loadLabelledCorpus(path);
const redactor = createRedactor();
const detail = Deno.args.includes("--detail");
const pct = (r: { caught: number; total: number; rate: number }) =>
  `${(r.rate * 100).toFixed(1)} % (${r.caught}/${r.total})`;

console.log(`corpus: ${rows.length} rows, ${new Set(rows.map((r) => r.context)).size} contexts`);
for (const mode of ["redact", "gate"] as const) {
  const s = scoreLabelled(rows, redactor, mode);
  console.log(
    `mode ${mode}: secret recall ${pct(s.secret)}, PII recall ${pct(s.pii)}, ` +
      `hard negatives touched ${pct(s.negativesTouched)}`,
  );
  for (const [cls, t] of Object.entries(s.byClass)) console.log(`  ${cls}: ${pct(t)}`);
  if (detail) {
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of s.missed) console.log(`  missed ${id}: ${JSON.stringify(byId.get(id)?.text)}`);
    for (const id of s.touched) {
      const row = byId.get(id)!;
      console.log(`  touched ${id}: ${JSON.stringify(redactor.redact(row.text, { mode }).text)}`);
    }
  }
}
