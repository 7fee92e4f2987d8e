// Inputs for the privacy benchmarks: 1 MB of clean code, 1 MB dense with secrets, a 2 KB
// observation, and pathological 100 KB lines that would expose catastrophic backtracking.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { detectors } from "../lib/privacy/detectors.ts";
import { Charset, fakeToken } from "../lib/privacy/fake.ts";
import { npmSourceFiles } from "./privacy_corpus.ts";

const MB = 1_048_576;

/** ~1 MB of real JavaScript shipped with npm (else this repository's own TypeScript). */
export function cleanCode(size = MB): string {
  const files = npmSourceFiles() ?? [
    fileURLToPath(new URL("../lib/privacy/redact.ts", import.meta.url)),
    fileURLToPath(new URL("../lib/privacy/detectors/generic.ts", import.meta.url)),
  ];
  let text = "";
  for (let i = 0; text.length < size; i++) text += readFileSync(files[i % files.length]!, "utf8");
  return text.slice(0, size);
}

/** ~1 MB where every few lines carry a secret: every detector's match examples, repeated. */
export function denseSecrets(size = MB): string {
  const lines = detectors.flatMap((d) => d.examples.match);
  const filler = [
    "const total = items.reduce((sum, item) => sum + item.price, 0);",
    "// retry with exponential backoff when the upstream returns 503",
  ];
  let text = "";
  for (let i = 0; text.length < size; i++) {
    text += lines[i % lines.length] + "\n" + filler[i % filler.length] + "\n";
  }
  return text.slice(0, size);
}

/** A typical 2 KB observation with a couple of secrets in it. */
export function observation(): string {
  const body = [
    "Decision: move the billing webhook to the queue worker.",
    "Why: the HTTP handler timed out under load (p99 4.2 s) and Stripe retried, creating",
    "duplicate invoices. The worker acknowledges within 50 ms and processes asynchronously.",
    `Tried first: raising the timeout. Staging used STRIPE_SECRET_KEY=sk_test_${
      fakeToken("obs1", Charset.alnum, 24)
    } and`,
    `the worker connects with postgres://billing:${
      fakeToken("obs2", Charset.alnum, 16)
    }@db.internal:5432/billing.`,
    "Files: src/billing/webhook.ts, src/queue/worker.ts, infra/queue.tf.",
    "Follow-up: alert when the queue depth exceeds 1000 for five minutes; owner is the",
    "payments team. Related incident: INC-2291 (duplicate invoices, 2026-03-14).",
  ].join("\n");
  let text = body;
  while (text.length < 2048) text += "\n" + body.slice(0, 2048 - text.length);
  return text.slice(0, 2048);
}

/** Pathological single lines of 100 KB, each aimed at one family of patterns. */
export function pathologicalLines(size = 100_000): Record<string, string> {
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return {
    "letters": fill("a"),
    "digits": fill("4"),
    "password=": fill("password="),
    "key: ": fill("api_key: "),
    "eyJ.": fill("eyJaaaa."),
    "://user:": fill("://user:"),
    "@": fill("a@b."),
    "hex:": fill("ab:"),
    "dots": fill("1.2."),
    "-----BEGIN": "-----BEGIN RSA PRIVATE KEY-----" + fill("A"),
    "<private>": fill("<private>"),
    "base64": fill("QUJD"),
    "quotes": fill("secret = '"),
    "Bearer": fill("Bearer "),
    "spaces": "password" + " ".repeat(size) + "x",
  };
}
