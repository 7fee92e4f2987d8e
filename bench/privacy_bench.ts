// Throughput of the redactor: 1 MB clean code, 1 MB dense with secrets, a 2 KB observation,
// pathological 100 KB lines. Run: deno bench -A bench/privacy_bench.ts
import { createRedactor } from "../lib/privacy/redact.ts";
import { cleanCode, denseSecrets, observation, pathologicalLines } from "./privacy_inputs.ts";

const redactor = createRedactor();
const clean = cleanCode();
const dense = denseSecrets();
const note = observation();

Deno.bench("redact 1 MB clean code (redact mode)", { group: "clean", baseline: true }, () => {
  redactor.redact(clean);
});
Deno.bench("redact 1 MB clean code (gate mode)", { group: "clean" }, () => {
  redactor.redact(clean, { mode: "gate" });
});
Deno.bench("redact 1 MB dense with secrets (redact mode)", { group: "dense" }, () => {
  redactor.redact(dense);
});
Deno.bench("redact a 2 KB observation", { group: "note" }, () => {
  redactor.redact(note);
});
Deno.bench("createRedactor() (compile the catalogue)", { group: "note" }, () => {
  createRedactor();
});
for (const [name, line] of Object.entries(pathologicalLines())) {
  Deno.bench(`pathological 100 KB line: ${name}`, { group: "pathological" }, () => {
    redactor.redact(line);
  });
}
