// The hooks' `.korva/config.yml` cache: the same settings as a parse, a changed file misses, an
// invalid file fails as a parse does and is never cached, and the format follows the schema.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadProjectConfig } from "../lib/project_config.ts";
import { cachedProjectConfig, PROJECT_CONFIG_CACHE_FORMAT } from "../lib/project_config_cache.ts";
import { tempHome, tempRepo } from "./_helpers.ts";

const CONFIG = "schema: 1\nproject: shop\nrecall:\n  abbreviations:\n    k8s: kubernetes\n";

Deno.test("cachedProjectConfig() gives loadProjectConfig()'s settings, from a private cache file the second time", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ ".korva/config.yml": CONFIG });
  const parsed = loadProjectConfig(repo.path);
  assert.deepEqual(await cachedProjectConfig(home.korvaHome, repo.path), parsed);
  const run = join(home.korvaHome, "run");
  const [entry, ...others] = readdirSync(run);
  assert.deepEqual(others, []);
  assert.match(entry!, /^project-config-[0-9a-f]{24}\.json$/);
  assert.equal(statSync(join(run, entry!)).mode & 0o777, 0o600);
  // A planted entry (same path, mtime and size) is what the second call returns: no parse.
  const file = join(run, entry!);
  const cached = JSON.parse(readFileSync(file, "utf8"));
  cached.value.project = "from-cache";
  writeFileSync(file, JSON.stringify(cached));
  assert.equal((await cachedProjectConfig(home.korvaHome, repo.path))?.project, "from-cache");
});

Deno.test("cachedProjectConfig() parses again when the file changes", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ ".korva/config.yml": CONFIG });
  await cachedProjectConfig(home.korvaHome, repo.path);
  writeFileSync(join(repo.path, ".korva/config.yml"), "schema: 1\nproject: renamed-shop\n");
  assert.equal((await cachedProjectConfig(home.korvaHome, repo.path))?.project, "renamed-shop");
});

Deno.test("cachedProjectConfig() is undefined without a file and throws loadProjectConfig()'s error for an invalid one", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "a.txt": "a" });
  assert.equal(await cachedProjectConfig(home.korvaHome, repo.path), undefined);
  await using bad = tempRepo({ ".korva/config.yml": "schema: 1\nproject: 3\n" });
  const expected = (() => {
    try {
      loadProjectConfig(bad.path);
    } catch (error) {
      return (error as Error).message;
    }
  })();
  await assert.rejects(() => cachedProjectConfig(home.korvaHome, bad.path), { message: expected });
  assert.equal(existsSync(join(home.korvaHome, "run")), false, "nothing cached");
});

Deno.test("PROJECT_CONFIG_CACHE_FORMAT changes with project_config.ts", () => {
  const source = readFileSync(fileURLToPath(new URL("../lib/project_config.ts", import.meta.url)));
  const digest = createHash("sha256").update(source).digest("hex").slice(0, 8);
  assert.equal(
    PROJECT_CONFIG_CACHE_FORMAT,
    `project-config-1:${digest}`,
    "project_config.ts changed: bump PROJECT_CONFIG_CACHE_FORMAT (the cached settings may differ)",
  );
});
