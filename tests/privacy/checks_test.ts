// The small validators detectors share, where a table of inputs pins the behaviour.
import assert from "node:assert/strict";
import { isIPv6 } from "../../lib/privacy/checks.ts";

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
