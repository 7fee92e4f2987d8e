// The term vector table: its binary format and the asset shipped with korva.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { VECTOR_MODEL } from "../../lib/recall/semantics.ts";
import {
  decodeTermVectors,
  encodeTermVectors,
  loadTermVectors,
  TERM_VECTORS_URL,
} from "../../lib/recall/term_vectors.ts";
import { termKey } from "../../lib/recall/terms.ts";

Deno.test("encodeTermVectors() and decodeTermVectors() round-trip words, counts, directions and neighbours", () => {
  const rows = [
    Float32Array.from([0.6, -0.8, 0]),
    Float32Array.from([0, 0.5, 0.5]),
    Float32Array.from([-1, 0, 0.25]),
  ];
  const neighbours = {
    k: 2,
    index: Uint16Array.from([1, 2, 0, 0xffff, 0, 1]),
    cosine: Uint8Array.from([200, 100, 200, 0, 100, 50]),
  };
  const table = decodeTermVectors(
    encodeTermVectors(["database", "schema", "café"], [30, 20, 10], rows, 3, neighbours),
  );
  assert.deepEqual(table.words, ["database", "schema", "café"]);
  assert.deepEqual([...table.counts], [30, 20, 10]);
  assert.equal(table.total, 60);
  assert.equal(table.index.get("café"), 2);
  assert.deepEqual([...table.data], [95, -127, 0, 0, 127, 127, -127, 0, 32]);
  assert.deepEqual(table.neighbours.k, 2);
  assert.deepEqual([...table.neighbours.index], [...neighbours.index]);
  assert.deepEqual([...table.neighbours.cosine], [...neighbours.cosine]);
});

Deno.test("decodeTermVectors() refuses bytes that are not a table", () => {
  assert.throws(
    () => decodeTermVectors(new TextEncoder().encode("PK\u0003\u0004 not a table at all")),
    { message: "not a korva term vector table" },
  );
});

Deno.test("the shipped term vectors hold 300-dimension rows for the common developer words, under 10 MB", async () => {
  assert.ok(statSync(TERM_VECTORS_URL).size < 10 * 1024 * 1024);
  const table = await loadTermVectors();
  assert.equal(table.dims, 300);
  for (const word of ["database", "deploy", "secret", "payment", "kubernetes", "certificate"]) {
    assert.ok(table.index.has(termKey(word)), `"${word}" is in the table`);
  }
  assert.equal(table.neighbours.k, 8);
});

/**
 * The SHA-256 of the table shipped under each VECTOR_MODEL. Memory vectors computed from one table
 * cannot be compared with another's: a rebuilt table ships under a new model, so vaults recompute.
 */
const SHIPPED_TABLES: Record<string, string> = {
  "1": "4b3278c4d7c7bf0e69da1dc334b8850f2a6eac0cba5d32d3a686811d2d68a39c",
  "2": "38a95afd90de595b2a0b991089c428959697b4c8a504da0e9d56bb1d2767164e",
  // Model 2's table; memory vectors of a memory's first words only.
  "3": "38a95afd90de595b2a0b991089c428959697b4c8a504da0e9d56bb1d2767164e",
};

Deno.test("the shipped term vectors are the table VECTOR_MODEL names (a rebuilt table needs a new model)", () => {
  const hash = createHash("sha256").update(readFileSync(TERM_VECTORS_URL)).digest("hex");
  assert.equal(hash, SHIPPED_TABLES[VECTOR_MODEL]);
});
