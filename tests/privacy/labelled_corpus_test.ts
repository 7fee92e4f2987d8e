// Floors on the project's own labelled corpus (tests/testdata/privacy/corpus.jsonl) and on the
// held-out batches once they were scored and then tuned against (heldout_a.jsonl,
// heldout_b.jsonl, heldout_c.jsonl; first scores in BENCHMARKS.md): they ship with the repository, so this runs
// on every machine and in CI.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { createRedactor } from "../../lib/privacy/redact.ts";
import { loadLabelledCorpus, scoreLabelled } from "../../bench/privacy_labelled.ts";

const heldOut = (name: string) =>
  loadLabelledCorpus(fileURLToPath(new URL(`../testdata/privacy/${name}`, import.meta.url)));
const rows = [
  ...loadLabelledCorpus(),
  ...heldOut("heldout_a.jsonl"),
  ...heldOut("heldout_b.jsonl"),
  ...heldOut("heldout_c.jsonl"),
];
const redactor = createRedactor();

Deno.test("labelled corpus has at least 400 rows across secrets, PII and hard negatives", () => {
  const count = (label: string) => rows.filter((r) => r.label === label).length;
  assert.ok(rows.length >= 400, `${rows.length} rows`);
  assert.ok(count("secret") >= 150 && count("pii") >= 60 && count("negative") >= 100);
  assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, "duplicate row id");
  assert.ok(new Set(rows.map((r) => r.context)).size >= 30, "too few contexts");
});

Deno.test("createRedactor() in redact mode: secret recall >= 95 %, PII recall >= 90 %, <= 3 % of hard negatives touched", () => {
  const s = scoreLabelled(rows, redactor, "redact");
  assert.ok(s.secret.rate >= 0.95, `secret recall ${s.secret.rate}; missed ${s.missed}`);
  assert.ok(s.pii.rate >= 0.9, `PII recall ${s.pii.rate}; missed ${s.missed}`);
  assert.ok(s.negativesTouched.rate <= 0.03, `negatives touched: ${s.touched}`);
});

Deno.test("createRedactor() in gate mode touches <= 3 % of hard negatives, placeholders included", () => {
  const s = scoreLabelled(rows, redactor, "gate");
  assert.ok(s.negativesTouched.rate <= 0.03, `negatives touched in gate mode: ${s.touched}`);
  assert.deepEqual(s.touched.filter((id) => id.startsWith("placeholder-")), []);
});
