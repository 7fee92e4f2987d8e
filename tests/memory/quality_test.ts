// missingParts(): what a memory lacks for its type.
import assert from "node:assert/strict";
import { missingParts } from "../../lib/memory/mod.ts";

Deno.test("missingParts() names what each type needs and nothing more", async (t) => {
  const cases: Array<[string, Parameters<typeof missingParts>[0], string[]]> = [
    ["bare decision", { type: "decision", content: "Lock by payment_id", why: null }, [
      "the why (the constraint or incident that forced the choice)",
      "the alternatives rejected and why",
    ]],
    ["decision with why and alternatives", {
      type: "decision",
      content: "Lock by payment_id",
      why: "several cards pay at once; user_id was rejected because it serialises them",
    }, []],
    ["incident without cause or fix", {
      type: "incident",
      content: "Customers were charged twice",
      why: null,
    }, [
      "the root cause",
      "the fix",
    ]],
    ["incident with both", {
      type: "incident",
      content: "Double charges; fixed by keying the lock by payment_id",
      why: "retries ran concurrently because the lock was per user",
    }, []],
    ["convention without example", {
      type: "convention",
      content: "Money is integer cents",
      why: null,
    }, [
      "an example (a line of code or a concrete case)",
    ]],
    ["convention with code", {
      type: "convention",
      content: "Money is `amountCents: number`",
      why: null,
    }, []],
    ["note", { type: "note", content: "anything", why: null }, []],
  ];
  for (const [name, memory, expected] of cases) {
    await t.step(name, () => assert.deepEqual(missingParts(memory), expected));
  }
});
