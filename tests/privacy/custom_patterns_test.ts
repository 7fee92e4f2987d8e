// Custom privacy patterns from config.json: catastrophic shapes are refused with the check
// sentinel rules use, and every pattern runs over bounded input windows.
import assert from "node:assert/strict";
import { PrivacySettingsError } from "../../lib/privacy/errors.ts";
import { createRedactor } from "../../lib/privacy/redact.ts";

Deno.test("createRedactor() refuses a custom pattern that can backtrack catastrophically", async (t) => {
  for (const pattern of ["(a+)+$", "(\\w+\\s?)*x", "([a-z]*)*!", "(x{2,})+y"]) {
    await t.step(pattern, () => {
      assert.throws(
        () => createRedactor({ custom: [{ id: "bad", pattern }] }),
        (error) =>
          error instanceof PrivacySettingsError && error.exitCode === 2 &&
          error.message ===
            `Cannot use custom pattern "bad": it can backtrack catastrophically (a repeated group containing a repeat, e.g. (a+)+)`,
      );
    });
  }
});

Deno.test("createRedactor() finds a custom match anywhere in a long text, windows overlapping", () => {
  const redactor = createRedactor({ custom: [{ id: "acme", pattern: "ACME-[0-9]{8}" }] });
  // Put matches at, and straddling, every window boundary of a 50 KB line.
  let text = "";
  const expected: number[] = [];
  while (text.length < 50_000) {
    text += "x".repeat(1530 + (text.length % 7));
    expected.push(text.length);
    text += `ACME-${String(expected.length).padStart(8, "0")}`;
  }
  const found = redactor.scan(text).filter((f) => f.detector === "acme");
  assert.deepEqual(found.map((f) => f.start), expected);
  assert.ok(!redactor.redact(text).text.includes("ACME-0"));
});

Deno.test("createRedactor() never lets a custom pattern see more than its bounded window", () => {
  // Within the bound the pattern matches; across more than the bound it cannot, whatever it is.
  const redactor = createRedactor({
    custom: [
      { id: "near", pattern: "key[^!]*!", keywords: ["key"] },
      { id: "anywhere", pattern: "start[^!]*!" },
    ],
  });
  const ids = (text: string) => redactor.scan(text).map((f) => f.detector);
  assert.deepEqual(ids(`key${"x".repeat(900)}!`), ["near"]);
  assert.deepEqual(ids(`key${"x".repeat(5_000)}!`), []);
  assert.deepEqual(ids(`start${"x".repeat(1_000)}!`), ["anywhere"]);
  assert.deepEqual(ids(`start${"x".repeat(5_000)}!`), []);
});
