// A keyword-less pattern that starts with a fixed character runs from one occurrence of that
// character to the next (a native search) instead of at every position: the matches must be
// exactly the global run's.
import assert from "node:assert/strict";
import { leadingLiteral } from "../../lib/privacy/redactor.ts";
import { createRedactor } from "../../lib/privacy/redact.ts";

Deno.test("leadingLiteral() names the fixed first character only when every match starts with it", () => {
  const cases: Array<[RegExp, string | null]> = [
    [/:[0-9a-fA-F]{0,4}:/, ":"],
    [/\/bot\d+/, "/"],
    [/ACME-[0-9]{8}/, "A"],
    [/:x|y/, null], // the second alternative starts elsewhere
    [/:(?:x|y)/, ":"], // alternation inside a group only
    [/:[|]x/, ":"], // a bar in a class is no alternation
    [/:\|x/, ":"], // nor an escaped one
    [/:?x/, null], // an optional first character
    [/:*x/, null],
    [/:+x/, null],
    [/:{0,2}x/, null],
    [/a1/i, null], // a letter folded by the i flag
    [/-1/i, "-"],
    [/(?<![\w.])\d/, null],
    [/[2-6]\d{3}/, null],
    [/\dx/, null],
    [/^:x/m, null],
    [/.x/, null],
  ];
  for (const [re, lead] of cases) assert.equal(leadingLiteral(re), lead, re.source);
});

Deno.test("createRedactor() finds every match of a custom pattern with a fixed first character", () => {
  const pattern = ":[0-9]{2}:";
  const redactor = createRedactor({ custom: [{ id: "colons", pattern }] });
  // Near misses, overlapping candidates (":12:34:" has one match, then "34:" cannot start one),
  // and matches right at the start and the end.
  const text = ":01: a:1: ::22: :12:34: x:9x: :56::78: end :99:";
  const global = [...text.matchAll(new RegExp(pattern, "g"))].map((m) => m.index);
  assert.deepEqual(global, [0, 11, 16, 30, 34, 43]);
  const found = redactor.scan(text).filter((f) => f.detector === "colons");
  assert.deepEqual(found.map((f) => f.start), global);
});
