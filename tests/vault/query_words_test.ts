// queryWords and splitIdentifier take an ASCII path that skips compiling unicode classes; on
// ASCII text it must answer exactly as the unicode rules do, and non-ASCII text keeps them.
import assert from "node:assert/strict";
import { queryWords, splitIdentifier } from "../../lib/vault/search.ts";

function unicodeSplit(word: string): string[] {
  return word
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .replace(/(\p{L})(\p{N})/gu, "$1 $2")
    .replace(/(\p{N})(\p{L})/gu, "$1 $2")
    .toLowerCase()
    .split(" ")
    .filter((part) => part !== "");
}

function unicodeWords(text: string): string[] {
  const words = new Set<string>();
  for (const raw of text.normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? []) {
    words.add(raw.toLowerCase());
    const parts = unicodeSplit(raw);
    if (parts.length > 1) { for (const part of parts) words.add(part); }
  }
  return [...words];
}

Deno.test("queryWords and splitIdentifier answer ASCII text as the unicode rules do", () => {
  const samples = [
    "src/payments/PaymentService2.ts",
    "HTTPServerError in getUserID_v2 (retry x3)",
    "why do retries double-charge? see ADR-0042, k8s & OAuth2",
    "XMLHttpRequest 2fa3b MD5sum ABCdef 9lives",
  ];
  let seed = 7;
  const alphabet = "aZ0 _-/.QwE9mN(){}$!?\t\nxyzKL3";
  for (let n = 0; n < 300; n++) {
    let text = "";
    for (let i = 0; i < 24; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      text += alphabet[seed % alphabet.length];
    }
    samples.push(text);
  }
  for (const text of samples) {
    assert.deepEqual(queryWords(text), unicodeWords(text), text);
    for (const word of text.split(/\s+/)) {
      assert.deepEqual(splitIdentifier(word), unicodeSplit(word));
    }
  }
});

Deno.test("queryWords keeps the unicode rules for other scripts and compatibility forms", () => {
  const texts = [
    "ＡＢＣｄｅｆ Zahlungsdienst Überweisung2",
    "платёжСервис ÉcoleNormale",
    "支払い サービス",
  ];
  for (const text of texts) assert.deepEqual(queryWords(text), unicodeWords(text), text);
});
