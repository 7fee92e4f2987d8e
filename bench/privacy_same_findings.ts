// deno-lint-ignore-file no-console -- a measurement script prints its results
// Whether this tree's redactor finds exactly what a baseline git ref's finds: a digest of every
// finding and redacted text, both modes, over every labelled set in tests/testdata/privacy, 1 MB
// of clean code, the dense-secrets input and every detector's examples. For changes meant to
// leave detection alone (speed work). Run: deno run -A bench/privacy_same_findings.ts [ref=main]
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redactor } from "../lib/privacy/redact.ts";
import { createRedactor } from "../lib/privacy/redact.ts";
import { detectors } from "../lib/privacy/detectors.ts";
import { extractLib, REPO_ROOT } from "./_baseline.ts";
import { cleanCode, denseSecrets } from "./privacy_inputs.ts";
import { loadLabelledCorpus } from "./privacy_labelled.ts";

const ref = Deno.args[0] ?? "main";
const data = join(REPO_ROOT, "tests/testdata/privacy");

const inputs = [cleanCode(), denseSecrets()];
for (const file of readdirSync(data).filter((f) => f.endsWith(".jsonl")).sort()) {
  for (const row of loadLabelledCorpus(join(data, file))) inputs.push(row.text);
}
for (const d of detectors) inputs.push(...d.examples.match, ...d.examples.ignore);

function digest(redactor: Redactor): { findings: number; hash: string } {
  const hash = createHash("sha256");
  let findings = 0;
  for (const mode of ["redact", "gate"] as const) {
    for (const text of inputs) {
      const out = redactor.redact(text, { mode });
      findings += out.findings.length;
      hash.update(out.text).update(JSON.stringify(out.findings));
    }
  }
  return { findings, hash: hash.digest("hex").slice(0, 16) };
}

const dir = mkdtempSync(join(tmpdir(), "korva-baseline-"));
try {
  extractLib(ref, dir);
  const base = await import(join(dir, "lib/privacy/redact.ts")) as {
    createRedactor: () => Redactor;
  };
  const before = digest(base.createRedactor());
  const after = digest(createRedactor());
  console.log(`${inputs.length} inputs, both modes`);
  console.log(`baseline ${ref}: ${before.findings} findings, digest ${before.hash}`);
  console.log(`this tree: ${after.findings} findings, digest ${after.hash}`);
  console.log(before.hash === after.hash ? "same findings" : "FINDINGS DIFFER");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
