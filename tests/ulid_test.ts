import assert from "node:assert/strict";
import { monotonicFactory } from "../lib/ulid.ts";

Deno.test("monotonicFactory() encodes the spec's example time and makes 26 Crockford characters", () => {
  // https://github.com/ulid/spec: 01ARYZ6S41TSV4RRFFQ69G5FAV was made at 1469918176385.
  const id = monotonicFactory()(1469918176385);
  assert.equal(id.slice(0, 10), "01ARYZ6S41");
  assert.match(id, /^[0-9A-HJKMNP-TV-Z]{26}$/);
  assert.equal(monotonicFactory()(2 ** 48 - 1).slice(0, 10), "7ZZZZZZZZZ");
});

Deno.test("monotonicFactory() ids sort in creation order within a millisecond and when the clock steps back", () => {
  const next = monotonicFactory();
  const ids = [next(5_000), next(5_000), next(5_000), next(4_000), next(6_000)];
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(ids[3]!.slice(0, 10), ids[0]!.slice(0, 10));
});

Deno.test("monotonicFactory() carries the increment across characters", () => {
  const next = monotonicFactory();
  const first = next(7);
  let last = first;
  for (let i = 0; i < 100; i++) last = next(7);
  assert.ok(last > first);
  assert.equal(last.slice(0, 10), first.slice(0, 10));
});
