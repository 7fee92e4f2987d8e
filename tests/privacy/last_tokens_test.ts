// lastTokens() reads a line's last words backwards; it must split exactly as /\S+/g does.
import assert from "node:assert/strict";
import { isRegexSpace, lastTokens } from "../../lib/privacy/checks.ts";

Deno.test("isRegexSpace() agrees with the regex \\s on every UTF-16 code unit", () => {
  const differ: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (isRegexSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
  }
  assert.deepEqual(differ, []);
});

Deno.test("lastTokens() gives /\\S+/g's last tokens, last first, with their offsets", () => {
  const lines = [
    "",
    "   ",
    "one",
    "  use Larch7#plume as the ",
    "a\u00a0b\u3000c\td\u2028e  f",
    "x = 'Heron-Quarry' is our",
    "\ud83d\udd11key is",
  ];
  for (const line of lines) {
    for (const n of [1, 3, 5, 10]) {
      const expected = [...line.matchAll(/\S+/g)].reverse().slice(0, n).map((m) => ({
        text: m[0],
        index: m.index,
      }));
      assert.deepEqual(lastTokens(line, n), expected, JSON.stringify([line, n]));
    }
  }
});
