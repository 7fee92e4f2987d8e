// Renames from git: parsing, earlier names of a path, and where an anchor points now.
import assert from "node:assert/strict";
import {
  formerPaths,
  movedAnchor,
  parseRenameLog,
  type RenameIndex,
} from "../../lib/trust/renames.ts";

const INDEX: RenameIndex = {
  head: "h",
  renames: [
    { from: "src/payments/pay.ts", to: "src/billing/pay.ts", time: 10 },
    { from: "src/payments/refund.ts", to: "src/billing/refund.ts", time: 10 },
    { from: "src/billing/pay.ts", to: "src/billing/charge.ts", time: 20 },
  ],
};
const exists = (path: string) => path.startsWith("src/billing");

Deno.test("parseRenameLog() reads renames with their commit times, oldest first", () => {
  const text = "\x0120\0\nR100\0a.ts\0b.ts\0\x0110\0\nR087\0x/a.ts\0y/a.ts\0";
  assert.deepEqual(parseRenameLog(text), [
    { from: "x/a.ts", to: "y/a.ts", time: 10 },
    { from: "a.ts", to: "b.ts", time: 20 },
  ]);
});

Deno.test("formerPaths() follows a file back through every rename", () => {
  assert.deepEqual(formerPaths(INDEX, "src/billing/charge.ts"), [
    "src/billing/pay.ts",
    "src/payments/pay.ts",
  ]);
  assert.deepEqual(formerPaths(INDEX, "src/other.ts"), []);
});

Deno.test("movedAnchor() moves files, folders and globs whose files all moved together", async (t) => {
  const cases: Array<[string, string | undefined]> = [
    ["src/payments/pay.ts", "src/billing/charge.ts"],
    ["src/payments/**", "src/billing/**"],
    ["src/payments/", "src/billing/"],
    ["src/billing/**", undefined],
    ["src/auth/login.ts", undefined],
  ];
  for (const [anchor, expected] of cases) {
    await t.step(anchor, () => assert.equal(movedAnchor(INDEX, anchor, exists), expected));
  }
});
