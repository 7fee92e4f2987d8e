// Deterministic fake tokens and the syntactic contexts detector examples are written in.
// Examples are built here rather than written as literals so no token-shaped string sits in the
// source tree for other scanners (or korva's own gate) to trip over.
import {
  cpfDigit,
  dniLetter,
  mod97,
  passesBsn,
  passesLuhn,
  tcKimlikCheckDigits,
  verhoeffDigit,
} from "./checks.ts";

/** Character sets for fake tokens. */
export const Charset = {
  alnum: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  upperAlnum: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  lowerAlnum: "abcdefghijklmnopqrstuvwxyz0123456789",
  hex: "0123456789abcdef",
  upperHex: "0123456789ABCDEF",
  base64: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  base64url: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
  alpha: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  lower: "abcdefghijklmnopqrstuvwxyz",
  digits: "0123456789",
  base32Lower: "abcdefghijklmnopqrstuvwxyz234567",
} as const;

/** A fake token of `length` characters from `charset`, the same for the same seed. */
export function fakeToken(seed: string, charset: string, length: number): string {
  let state = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    state = Math.imul(state ^ seed.charCodeAt(i), 16777619) >>> 0;
  }
  let out = "";
  for (let i = 0; i < length; i++) {
    // mulberry32 step
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out += charset[Math.floor(r * charset.length)];
  }
  return out;
}

/** A fake UUID (lowercase hex) for the seed. */
export function fakeUuid(seed: string): string {
  const h = fakeToken(seed, Charset.hex, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${
    h.slice(20, 32)
  }`;
}

/** The same secret in an env file, a JSON document and a code string (three contexts). */
export function inContexts(name: string, secret: string): string[] {
  const camel = name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return [
    `${name}=${secret}`,
    `{"${camel}": "${secret}", "region": "eu-west-1"}`,
    `const client = connect("${secret}");`,
  ];
}

/** The same secret in a YAML file and a log line (two more contexts). */
export function inMoreContexts(name: string, secret: string): string[] {
  return [
    `config:\n  ${name.toLowerCase()}: ${secret}\n`,
    `2026-01-04T10:00:00Z WARN retrying request with credential ${secret} after 401`,
  ];
}

/** A fake IBAN for a country (mod-97 check digits computed, so it validates). */
export function fakeIban(seed: string, country: string, length: number): string {
  const bban = fakeToken(seed, Charset.digits, length - 4);
  const check = 98 - mod97(bban + country + "00");
  return country + String(check).padStart(2, "0") + bban;
}

/** A fake French NIR with a valid key. */
export function fakeNir(seed: string): string {
  const d = fakeToken(seed, Charset.digits, 12);
  const body = `${1 + (Number(d[0]) % 2)}${d.slice(1, 3)}${
    String(1 + (Number(d.slice(3, 5)) % 12)).padStart(2, "0")
  }${String(1 + (Number(d.slice(5, 7)) % 95)).padStart(2, "0")}${d.slice(7, 10)}${
    d.slice(10, 12)
  }1`;
  const key = 97n - (BigInt(body) % 97n);
  return body + String(key).padStart(2, "0");
}

/** A fake Dutch BSN passing the eleven test. */
export function fakeBsn(seed: string): string {
  for (let i = 0;; i++) {
    const d = fakeToken(`${seed}${i}`, Charset.digits, 9);
    if (d[0] !== "0" && passesBsn(d)) return d;
  }
}

/** A fake Turkish identity number with its two check digits. */
export function fakeTcKimlik(seed: string): string {
  const nine = "1" + fakeToken(seed, Charset.digits, 8);
  return nine + tcKimlikCheckDigits(nine);
}

/** A fake Spanish DNI with its control letter. */
export function fakeDni(seed: string): string {
  const digits = fakeToken(seed, Charset.digits, 8);
  return digits + dniLetter(digits);
}

/** A fake Brazilian CPF (digits only) with valid check digits. */
export function fakeCpf(seed: string): string {
  const nine = fakeToken(seed, Charset.digits, 9);
  const ten = nine + cpfDigit(nine);
  return ten + cpfDigit(ten);
}

/** A fake Aadhaar number (12 digits, first 2–9, Verhoeff check digit). */
export function fakeAadhaar(seed: string): string {
  const eleven = String(2 + (fakeToken(seed, Charset.digits, 1).charCodeAt(0) % 8)) +
    fakeToken(seed + "a", Charset.digits, 10);
  return eleven + verhoeffDigit(eleven);
}

/** A fake US SSN in an issuable range. */
export function fakeSsn(seed: string): string {
  const d = fakeToken(seed, Charset.digits, 9);
  const area = String(100 + (Number(d.slice(0, 3)) % 565)).padStart(3, "0");
  const group = String(1 + (Number(d.slice(3, 5)) % 98)).padStart(2, "0");
  const serial = String(1 + (Number(d.slice(5, 9)) % 9998)).padStart(4, "0");
  return `${area}-${group}-${serial}`;
}

/** A fake Visa-shaped card number (16 digits) with a valid Luhn check digit. */
export function fakeCard(seed: string): string {
  const body = "4" + fakeToken(seed, Charset.digits, 14);
  for (let d = 0; d < 10; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error("unreachable: one check digit always passes Luhn");
}
