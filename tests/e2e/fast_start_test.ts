// The fast path of main.ts (commands/fast.ts) answers `help`, `--version`, no arguments and the
// hook events without commander: what it prints must stay what the commander program prints.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { HELP_TEXT } from "../../commands/help_text.ts";
import { loadCommands } from "../../commands/mod.ts";
import { buildProgram } from "../../commands/program.ts";
import { runKorva, tempHome, testDeps } from "../_helpers.ts";

Deno.test("commands/help_text.ts is the commander program's help at 80 columns", async () => {
  await using home = tempHome();
  const deps = testDeps(home.path);
  const program = buildProgram(deps, await loadCommands([]));
  program.configureHelp({ helpWidth: 80 });
  const live = program.helpInformation();
  if (Deno.env.get("KORVA_UPDATE_HELP") && live !== HELP_TEXT) {
    const file = fileURLToPath(new URL("../../commands/help_text.ts", import.meta.url));
    const header = (await Deno.readTextFile(file)).split("\nexport const")[0];
    writeFileSync(file, `${header}\nexport const HELP_TEXT = ${JSON.stringify(live)};\n`);
  }
  assert.equal(
    HELP_TEXT,
    live,
    "regenerate: KORVA_UPDATE_HELP=1 deno test -A " +
      "tests/e2e/fast_start_test.ts && deno fmt commands/help_text.ts",
  );
});

Deno.test("korva help, --help and -h print the help text on stdout and exit 0", async () => {
  await using home = tempHome();
  for (const args of [["help"], ["--help"], ["-h"]]) {
    const result = await runKorva(args, { env: home.env });
    assert.deepEqual(result, { code: 0, stdout: HELP_TEXT, stderr: "" }, args.join(" "));
  }
});

Deno.test("korva with no arguments prints the help text on stderr and exits 0", async () => {
  await using home = tempHome();
  const result = await runKorva([], { env: home.env });
  assert.deepEqual(result, { code: 0, stdout: "", stderr: HELP_TEXT });
});

Deno.test("korva -V prints the version", async () => {
  await using home = tempHome();
  const result = await runKorva(["-V"], { env: home.env });
  const version = JSON.parse(await Deno.readTextFile(new URL("../../deno.json", import.meta.url)))
    .version;
  assert.deepEqual(result, { code: 0, stdout: `${version}\n`, stderr: "" });
});

Deno.test("korva hook file-context with an unknown flag is refused by commander with exit 2", async () => {
  await using home = tempHome();
  const result = await runKorva(["hook", "file-context", "--frobnicate"], {
    env: home.env,
    stdin: "{}",
  });
  assert.deepEqual(result, {
    code: 2,
    stdout: "",
    stderr: "korva: unknown option '--frobnicate'\n",
  });
});

Deno.test("korva hook session-start --text --max-tokens=N prints plain text within that budget", async () => {
  await using home = tempHome();
  const init = await runKorva(["init"], { env: home.env });
  assert.equal(init.code, 0, init.stderr);
  const save = await runKorva(
    ["save", "--type", "decision", "--title", "Lock payments", "--content", "one lock per id"],
    { env: home.env },
  );
  assert.equal(save.code, 0, save.stderr);
  const hook = (budget: string) =>
    runKorva(["hook", "session-start", "--text", budget], { env: home.env, stdin: "{}" });
  const roomy = await hook("--max-tokens=400");
  assert.deepEqual([roomy.code, roomy.stderr], [0, ""]);
  assert.match(roomy.stdout, /^## korva: what this team knows/);
  assert.ok(roomy.stdout.includes("Lock payments"), roomy.stdout);
  const tight = await hook("--max-tokens=50");
  assert.deepEqual([tight.code, tight.stderr], [0, ""]);
  assert.ok(!tight.stdout.includes("Lock payments"), tight.stdout);
});
