// config.json and .korva/config.yml: defaults, validation naming the field, never replaced.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultConfig, loadConfig, saveConfig } from "../lib/config.ts";
import { KorvaError } from "../lib/errors.ts";
import { createLogger } from "../lib/log.ts";
import { loadProjectConfig } from "../lib/project_config.ts";
import { tempDir } from "./_helpers.ts";

Deno.test("loadConfig() returns defaults when the file is absent and round-trips a saved one", async () => {
  await using dir = tempDir();
  assert.deepEqual(loadConfig(dir.path), defaultConfig());
  saveConfig(dir.path, { ...defaultConfig(), author: "Ada" });
  assert.equal(loadConfig(dir.path).author, "Ada");
  assert.equal(loadConfig(dir.path).service.port, 7437);
});

Deno.test("loadConfig() names the bad field and leaves the file alone", async (t) => {
  await using dir = tempDir();
  const path = join(dir.path, "config.json");
  const cases: Array<[string, string, RegExp]> = [
    ["bad JSON", "{", /Cannot read config ".*config\.json": /],
    ["unknown key", JSON.stringify({ colour: "red" }), /"\(root\)"|colour/],
    ["bad enum", JSON.stringify({ defaultScope: "world" }), /"defaultScope"/],
    ["bad port", JSON.stringify({ service: { port: 99999 } }), /"service\.port"/],
  ];
  for (const [name, text, message] of cases) {
    await t.step(name, () => {
      writeFileSync(path, text);
      assert.throws(
        () => loadConfig(dir.path),
        (error) =>
          error instanceof KorvaError && error.exitCode === 2 && message.test(error.message),
      );
      assert.equal(readFileSync(path, "utf8"), text);
    });
  }
});

Deno.test("loadProjectConfig() reads .korva/config.yml and refuses a newer schema", async () => {
  await using dir = tempDir();
  assert.equal(loadProjectConfig(dir.path), undefined);
  mkdirSync(join(dir.path, ".korva"));
  const path = join(dir.path, ".korva", "config.yml");
  writeFileSync(path, "schema: 1\nproject: acme/pay\nsentinel:\n  disabled: [debugger]\n");
  const config = loadProjectConfig(dir.path);
  assert.equal(config?.project, "acme/pay");
  assert.deepEqual(config?.sentinel?.disabled, ["debugger"]);
  writeFileSync(path, "schema: 7\n");
  assert.throws(() => loadProjectConfig(dir.path), /schema 7 is newer/);
  writeFileSync(path, "projekt: typo\n");
  assert.throws(() => loadProjectConfig(dir.path), /Cannot read ".*config\.yml"/);
});

Deno.test("loadProjectConfig() reads recall.abbreviations and names a bad entry", async () => {
  await using dir = tempDir();
  mkdirSync(join(dir.path, ".korva"));
  const path = join(dir.path, ".korva", "config.yml");
  writeFileSync(path, "recall:\n  abbreviations:\n    pii: personal data\n    gql: graphql\n");
  assert.deepEqual(loadProjectConfig(dir.path)?.recall?.abbreviations, {
    pii: "personal data",
    gql: "graphql",
  });
  writeFileSync(path, "recall:\n  abbreviations:\n    pii: [personal, data]\n");
  assert.throws(
    () => loadProjectConfig(dir.path),
    {
      message:
        `Cannot read "${path}": "recall.abbreviations.pii" Invalid input: expected string, received array`,
    },
  );
});

Deno.test("createLogger() appends JSON lines and rotates past 1 MiB", async () => {
  await using dir = tempDir();
  const log = createLogger(dir.path, "test");
  log.info("hello", { n: 1 });
  const file = join(dir.path, "logs", "test.log");
  const line = JSON.parse(readFileSync(file, "utf8").trim());
  assert.equal(line.message, "hello");
  assert.equal(line.n, 1);
  writeFileSync(file, "x".repeat(1024 * 1024 + 10));
  log.error("after rotation");
  assert.match(readFileSync(file, "utf8"), /after rotation/);
  assert.equal(readFileSync(`${file}.1`, "utf8").length, 1024 * 1024 + 10);
  const broken = createLogger(join(dir.path, "logs", "test.log"), "nested");
  broken.info("never throws"); // its folder is a file: logging must swallow the error
});
