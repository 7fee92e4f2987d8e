import assert from "node:assert/strict";
import { isIP } from "node:net";
import { isIPv6 } from "../../lib/privacy/detectors/pii.ts";

Deno.test("isIPv6() agrees with node:net isIP() on hex-and-colon strings", () => {
  const samples = [
    "::",
    "::1",
    "1::",
    "1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7::",
    "::2:3:4:5:6:7:8",
    "1::2:3:4:5:6:7",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "2001:db8::ff00:42:8329",
    "fe80::1ff:fe23:4567:890a",
    "12345::1",
    "1:::2",
    "1::2::3",
    ":1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:",
    "abc:def",
    "a:b:c",
    "0000:0000:0000:0000:0000:0000:0000:0001",
    "::ffff:192.0.2.1",
    "::ffff:192.0.2.256",
    "dead:beef::cafe",
    "g::1",
    ":",
    "",
  ];
  for (const text of samples) assert.equal(isIPv6(text), isIP(text) === 6, text);
});
