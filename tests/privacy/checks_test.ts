// The small validators detectors share, where a table of inputs pins the behaviour.
import assert from "node:assert/strict";
import { isIPv6, passesTcKimlik } from "../../lib/privacy/checks.ts";
import { fakeTcKimlik } from "../../lib/privacy/fake.ts";

Deno.test("isIPv6() accepts the text forms of IPv6 and nothing else", async (t) => {
  const table: Array<[string, boolean]> = [
    ["::", true],
    ["::1", true],
    ["1::", true],
    ["2001:db8::1", true],
    ["2001:0db8:0000:0000:0000:ff00:0042:8329", true],
    ["::ffff:192.168.1.1", true],
    ["1:2:3:4:5:6:1.2.3.4", true],
    ["1::2:3:4:5:6:7", true],
    ["1:2:3:4:5:6:7:8:9", false],
    ["1:2:3:4:5:6:7", false],
    ["1::2::3", false],
    ["1:2:3:4:5:6:7:1.2.3.4", false],
    ["1.2.3.4::", false],
    ["::ffff:1.2.3.256", false],
    ["12345::1", false],
    ["g::1", false],
    [":1:2", false],
    ["a:b:c:d", false],
    ["", false],
  ];
  for (const [value, expected] of table) {
    await t.step(JSON.stringify(value), () => assert.equal(isIPv6(value), expected));
  }
});

Deno.test("passesTcKimlik() accepts an 11-digit number whose last two digits check the others, and nothing else", () => {
  const valid = fakeTcKimlik("checks-test");
  assert.equal(passesTcKimlik(valid), true);
  // The tenth digit changed: both check digits disagree.
  const wrong = valid.slice(0, 9) + String((Number(valid[9]) + 1) % 10) + valid[10];
  assert.equal(passesTcKimlik(wrong), false);
  assert.equal(passesTcKimlik("0" + valid.slice(1)), false);
  assert.equal(passesTcKimlik(valid.slice(0, 10)), false);
  // The number commonly given as a valid example.
  assert.equal(passesTcKimlik("10000000146"), true);
});
