// fastHashHex: stable output (cache keys written by one process are read by the next), 16 hex
// characters, and different for inputs that differ in one character or only in order.
import assert from "node:assert/strict";
import { fastHashHex } from "../lib/fast_hash.ts";

Deno.test("fastHashHex is stable, 16 hex characters, and tells near inputs apart", () => {
  assert.equal(fastHashHex(""), "811c9dc501000193");
  assert.equal(fastHashHex("korva"), fastHashHex("korva"));
  assert.match(fastHashHex("src/payments/payments.ts"), /^[0-9a-f]{16}$/);
  const keys = new Set(
    ["ab", "ba", "abc", "abd", "Abc", "a\u00e9", "a\u00e8", "", " "].map(fastHashHex),
  );
  assert.equal(keys.size, 9);
});
