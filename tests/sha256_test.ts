import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { sha256Hex } from "../lib/sha256.ts";

Deno.test("sha256Hex() gives node:crypto's digest for empty, ASCII, UTF-8 and block-edge texts", () => {
  const texts = ["", "abc", "ünïcødé ✓ 🚀", "x".repeat(55), "x".repeat(56), "y".repeat(64)];
  for (let n = 0; n < 300; n += 7) texts.push("z".repeat(n) + String(n));
  for (const text of texts) {
    assert.equal(sha256Hex(text), createHash("sha256").update(text).digest("hex"), text);
  }
});

Deno.test("sha256Hex() of 'abc' is the FIPS 180-2 test vector", () => {
  assert.equal(
    sha256Hex("abc"),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
  );
});
