// The project's own labelled privacy corpus (tests/testdata/privacy/corpus.jsonl): secrets, PII
// and hard negatives over many contexts, with invented values. Rows hold generators such as
// {{alnum:32}} or {{iban:DE:22}} instead of token-shaped literals, so no scanner trips over
// the source tree; they expand to the same values on every machine.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  Charset,
  fakeAadhaar,
  fakeBsn,
  fakeCard,
  fakeCpf,
  fakeDni,
  fakeIban,
  fakeNir,
  fakeSsn,
  fakeTcKimlik,
  fakeToken,
  fakeUuid,
} from "../lib/privacy/fake.ts";
import type { RedactMode, Redactor } from "../lib/privacy/redact.ts";

/** Where the corpus lives. */
export const LABELLED_CORPUS = fileURLToPath(
  new URL("../tests/testdata/privacy/corpus.jsonl", import.meta.url),
);

/** One row as stored. */
interface StoredRow {
  id: string;
  label: "secret" | "pii" | "negative";
  class: string;
  context: string;
  text: string;
  secret?: string;
}

/** One row with its generators expanded. */
export interface LabelledRow extends StoredRow {
  /** The value that must not survive redaction (secret and pii rows). */
  value?: string;
}

const CHARSETS: Record<string, string> = {
  alnum: Charset.alnum,
  hex: Charset.hex,
  HEX: Charset.upperHex,
  b64: Charset.base64,
  b64url: Charset.base64url,
  upper: Charset.upperAlnum,
  lower: Charset.lowerAlnum,
  digits: Charset.digits,
  alpha: Charset.alpha,
  b32: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
};

const GENERATOR =
  /\{\{(alnum|hex|HEX|b64|b64url|upper|lower|digits|alpha|b32):(\d+)\}\}|\{\{(uuid|ssn|nir|nirspaced|bsn|dni|cpf|cpfdotted|aadhaar|aadhaarspaced|tckn|card|carddashed|cardspaced)\}\}|\{\{(iban|ibanspaced):([A-Z]{2}):(\d+)\}\}/g;

/** Expand the generators of one template; `seed` makes every row's values distinct. */
export function expand(template: string, seed: string): string {
  let n = 0;
  return template.replace(
    GENERATOR,
    (
      _,
      set?: string,
      length?: string,
      named?: string,
      iban?: string,
      cc?: string,
      len?: string,
    ) => {
      const s = `${seed}#${n++}`;
      if (set) return fakeToken(s, CHARSETS[set]!, Number(length));
      if (iban) {
        const value = fakeIban(s, cc!, Number(len));
        return iban === "ibanspaced" ? value.replace(/(.{4})(?!$)/g, "$1 ") : value;
      }
      switch (named) {
        case "uuid":
          return fakeUuid(s);
        case "ssn":
          return fakeSsn(s);
        case "nir":
          return fakeNir(s);
        case "nirspaced": {
          const v = fakeNir(s);
          return `${v[0]} ${v.slice(1, 3)} ${v.slice(3, 5)} ${v.slice(5, 7)} ${v.slice(7, 10)} ${
            v.slice(10, 13)
          } ${v.slice(13)}`;
        }
        case "bsn":
          return fakeBsn(s);
        case "dni":
          return fakeDni(s);
        case "cpf":
          return fakeCpf(s);
        case "cpfdotted": {
          const v = fakeCpf(s);
          return `${v.slice(0, 3)}.${v.slice(3, 6)}.${v.slice(6, 9)}-${v.slice(9)}`;
        }
        case "aadhaar":
          return fakeAadhaar(s);
        case "tckn":
          return fakeTcKimlik(s);
        case "card":
          return fakeCard(s);
        case "carddashed":
          return fakeCard(s).replace(/(\d{4})(?!$)/g, "$1-");
        case "cardspaced":
          return fakeCard(s).replace(/(\d{4})(?!$)/g, "$1 ");
        default: {
          const v = fakeAadhaar(s);
          return `${v.slice(0, 4)} ${v.slice(4, 8)} ${v.slice(8)}`;
        }
      }
    },
  );
}

/** The corpus with every generator expanded. */
export function loadLabelledCorpus(path = LABELLED_CORPUS): LabelledRow[] {
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim() !== "").map((line) => {
    const row = JSON.parse(line) as StoredRow;
    if (row.secret === undefined) return { ...row, text: expand(row.text, row.id) };
    const value = expand(row.secret, row.id + "/secret");
    return { ...row, value, text: expand(row.text, row.id).replaceAll("{{secret}}", value) };
  });
}

/**
 * Whether any part of `value` survives redaction: the value whole, or its last 8 characters
 * more often than they occur in the rest of the text (a kept tail of a too-long secret).
 */
export function leaks(text: string, redacted: string, value: string): boolean {
  if (redacted.includes(value)) return true;
  if (value.length < 12) return false;
  const tail = value.slice(-8);
  const count = (s: string) => s.split(tail).length - 1;
  return count(redacted) > count(text.split(value).join(" "));
}

/** Caught / total. */
export interface Tally {
  caught: number;
  total: number;
  rate: number;
}

/** Figures over the corpus for one mode. */
export interface LabelledScore {
  secret: Tally;
  pii: Tally;
  /** Hard negatives with any finding (lower is better). */
  negativesTouched: Tally;
  byClass: Record<string, Tally>;
  missed: string[];
  touched: string[];
}

function tally(caught: number, total: number): Tally {
  return { caught, total, rate: total === 0 ? 1 : caught / total };
}

/** Score a redactor: a secret or PII row is caught when no part of its value survives. */
export function scoreLabelled(
  rows: readonly LabelledRow[],
  redactor: Redactor,
  mode: RedactMode = "redact",
): LabelledScore {
  const counts: Record<string, [number, number]> = {};
  const missed: string[] = [];
  const touched: string[] = [];
  let secret = [0, 0];
  let pii = [0, 0];
  let negatives = [0, 0];
  for (const row of rows) {
    let hit: boolean;
    if (row.label === "negative") {
      hit = redactor.scan(row.text, { mode }).length > 0;
      if (hit) touched.push(row.id);
      negatives = [negatives[0]! + Number(hit), negatives[1]! + 1];
    } else {
      hit = !leaks(row.text, redactor.redact(row.text, { mode }).text, row.value!);
      if (!hit) missed.push(row.id);
      if (row.label === "secret") secret = [secret[0]! + Number(hit), secret[1]! + 1];
      else pii = [pii[0]! + Number(hit), pii[1]! + 1];
    }
    const c = counts[row.class] ?? [0, 0];
    counts[row.class] = [c[0] + Number(hit), c[1] + 1];
  }
  return {
    secret: tally(secret[0]!, secret[1]!),
    pii: tally(pii[0]!, pii[1]!),
    negativesTouched: tally(negatives[0]!, negatives[1]!),
    byClass: Object.fromEntries(Object.entries(counts).map(([k, [a, b]]) => [k, tally(a, b)])),
    missed,
    touched,
  };
}
