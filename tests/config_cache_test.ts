// The hooks' config.json cache: loadConfig's settings (defaults when the file is absent), a
// changed or new file misses, an invalid file fails as loadConfig does and is never cached, and
// the format follows the schemas config.json is checked with.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultConfig, loadConfig } from "../lib/config.ts";
import { cachedConfig, CONFIG_CACHE_FORMAT } from "../lib/config_cache.ts";
import { tempHome } from "./_helpers.ts";

Deno.test("cachedConfig() gives loadConfig()'s settings, from a private cache file the second time", async () => {
  await using home = tempHome();
  mkdirSync(home.korvaHome, { recursive: true });
  writeFileSync(join(home.korvaHome, "config.json"), JSON.stringify({ author: "Ana" }));
  assert.deepEqual(await cachedConfig(home.korvaHome), loadConfig(home.korvaHome));
  const run = join(home.korvaHome, "run");
  const [entry, ...others] = readdirSync(run);
  assert.deepEqual(others, []);
  assert.match(entry!, /^config-[0-9a-f]{24}\.json$/);
  assert.equal(statSync(join(run, entry!)).mode & 0o777, 0o600);
  // A planted entry (same path, mtime and size) is what the second call returns: no parse.
  const file = join(run, entry!);
  const cached = JSON.parse(readFileSync(file, "utf8"));
  cached.value.author = "from-cache";
  writeFileSync(file, JSON.stringify(cached));
  assert.equal((await cachedConfig(home.korvaHome)).author, "from-cache");
});

Deno.test("cachedConfig() gives the defaults without a file, and parses once one is written", async () => {
  await using home = tempHome();
  assert.deepEqual(await cachedConfig(home.korvaHome), defaultConfig());
  writeFileSync(join(home.korvaHome, "config.json"), JSON.stringify({ author: "Bo" }));
  assert.equal((await cachedConfig(home.korvaHome)).author, "Bo");
});

Deno.test("cachedConfig() throws loadConfig()'s error for an invalid file and caches nothing", async () => {
  await using home = tempHome();
  mkdirSync(home.korvaHome, { recursive: true });
  writeFileSync(join(home.korvaHome, "config.json"), JSON.stringify({ author: 3 }));
  const expected = (() => {
    try {
      loadConfig(home.korvaHome);
    } catch (error) {
      return (error as Error).message;
    }
  })();
  assert.ok(expected);
  await assert.rejects(() => cachedConfig(home.korvaHome), { message: expected });
  assert.equal(existsSync(join(home.korvaHome, "run")), false, "nothing cached");
});

Deno.test("CONFIG_CACHE_FORMAT changes with the schemas config.json is checked with", () => {
  const digest = createHash("sha256");
  for (const file of ["config.ts", "privacy/config.ts", "privacy/detector.ts"]) {
    digest.update(readFileSync(fileURLToPath(new URL(`../lib/${file}`, import.meta.url))));
  }
  assert.equal(
    CONFIG_CACHE_FORMAT,
    `config-1:${digest.digest("hex").slice(0, 8)}`,
    "a schema changed: bump CONFIG_CACHE_FORMAT (the cached settings may differ)",
  );
});
