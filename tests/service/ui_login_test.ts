// korva ui's helpers: the browser opener per OS, and the sign-in URL from a running service.
import assert from "node:assert/strict";
import { browserCommand } from "../../lib/service/ui_login.ts";

Deno.test("browserCommand() opens with xdg-open, open or start", async (t) => {
  const url = "http://127.0.0.1:7437/login?code=abc";
  const table: Array<[typeof Deno.build.os, string[]]> = [
    ["linux", ["xdg-open", url]],
    ["darwin", ["open", url]],
    ["windows", ["cmd", "/c", "start", "", url]],
    ["freebsd", ["xdg-open", url]],
  ];
  for (const [os, expected] of table) {
    await t.step(os, () => assert.deepEqual(browserCommand(os, url), expected));
  }
});
