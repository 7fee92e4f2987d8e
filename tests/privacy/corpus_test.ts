// Recall floor on the labelled secret corpus in ../shared and the false-positive ceiling on
// npm's own sources. Both skip (named as skipped) when their corpus is not on this machine.
import assert from "node:assert/strict";
import { createRedactor } from "../../lib/privacy/redact.ts";
import {
  loadSecretCorpus,
  measureFalsePositives,
  measureRecall,
  npmSourceFiles,
} from "../../bench/privacy_corpus.ts";

const samples = loadSecretCorpus();
const npmFiles = npmSourceFiles();
const redactor = createRedactor();

Deno.test({
  name: samples
    ? "createRedactor() recall on the secret corpus meets the floor"
    : "createRedactor() recall on the secret corpus (skipped: ../shared/secret-corpus not found)",
  ignore: !samples,
  fn() {
    const recall = measureRecall(samples!, redactor, "redact");
    assert.ok(recall.nonFuzzy.rate >= 0.9, `non-fuzzy recall ${recall.nonFuzzy.rate}`);
    assert.ok(recall.secretCategory.rate >= 0.8, `secret recall ${recall.secretCategory.rate}`);
    assert.ok(recall.all.rate >= 0.8, `overall recall ${recall.all.rate}`);
    const gate = measureRecall(samples!, redactor, "gate");
    assert.ok(gate.nonFuzzy.rate >= 0.85, `gate non-fuzzy recall ${gate.nonFuzzy.rate}`);
  },
});

Deno.test({
  name: npmFiles
    ? "createRedactor() stays under the false-positive ceiling on npm's sources"
    : "createRedactor() false positives on clean code (skipped: npm's sources not found)",
  ignore: !npmFiles,
  fn() {
    const redact = measureFalsePositives(npmFiles!, redactor, "redact");
    assert.ok(redact.bytes > 2_000_000, "the clean-code corpus should be several MB");
    assert.ok(
      redact.perMb <= 5,
      `redact mode: ${redact.perMb}/MB ${JSON.stringify(redact.byDetector)}`,
    );
    const gate = measureFalsePositives(npmFiles!, redactor, "gate");
    assert.ok(gate.perMb <= 1, `gate mode: ${gate.perMb}/MB ${JSON.stringify(gate.byDetector)}`);
  },
});
