// forbiddenAndPreferred(): identifiers in a negated clause are what a drafted rule forbids.
import assert from "node:assert/strict";
import { forbiddenAndPreferred } from "../../lib/sentinel/draft.ts";

Deno.test("forbiddenAndPreferred() splits a memory's identifiers by negation", async (t) => {
  const cases: Array<[string, string[], string[]]> = [
    ["Lock payments by order_id, never by user_id.", ["user_id"], ["order_id"]],
    ["Use orderId instead of userId for the lock key", ["userId"], ["orderId"]],
    ["Do not call fetchAll in handlers; use fetchPage.", ["fetchAll"], ["fetchPage"]],
    ["Keep retry_count under five", [], ["retry_count"]],
  ];
  for (const [text, forbidden, preferred] of cases) {
    await t.step(text, () => {
      assert.deepEqual(forbiddenAndPreferred(text), { forbidden, preferred });
    });
  }
});
