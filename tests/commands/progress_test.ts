// progressBar(): drawn on stderr only when stderr is a terminal.
import assert from "node:assert/strict";
import { progressBar } from "../../commands/progress.ts";
import { tempHome, testDeps } from "../_helpers.ts";

Deno.test("progressBar() draws on a terminal's stderr and clears the line when done", async () => {
  await using home = tempHome();
  const deps = testDeps(home.korvaHome);
  const bar = progressBar({ ...deps, io: { ...deps.io, stderrIsTerminal: true } }, "Reading");
  bar.update(1, 2);
  bar.update(2, 2);
  bar.done();
  assert.equal(
    deps.stderr(),
    `\rReading [${"#".repeat(15)}${" ".repeat(15)}] 1/2\rReading [${"#".repeat(30)}] 2/2\r\x1b[2K`,
  );
  assert.equal(deps.stdout(), "");
});

Deno.test("progressBar() writes nothing when stderr is not a terminal", async () => {
  await using home = tempHome();
  const deps = testDeps(home.korvaHome);
  const bar = progressBar(deps, "Reading");
  bar.update(1, 2);
  bar.done();
  assert.equal(deps.stderr(), "");
});
