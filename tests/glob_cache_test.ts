// Compiled globs kept between processes: what a process compiled is written privately, read by
// the next one and used instead of compiling; named by the compiler's version in deno.json.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GLOB_COMPILER, globMatches, knowGlobs } from "../lib/glob.ts";
import { readGlobCache, writeGlobCache } from "../lib/glob_cache.ts";
import { ROOT, tempDir } from "./_helpers.ts";

Deno.test("GLOB_COMPILER names the zeptomatch deno.json pins", () => {
  const imports = JSON.parse(readFileSync(join(ROOT, "deno.json"), "utf8")).imports;
  assert.equal(`npm:${GLOB_COMPILER}`, imports.zeptomatch);
});

Deno.test("writeGlobCache keeps the compiled globs privately; readGlobCache makes them known", async () => {
  await using dir = tempDir();
  const cache = join(dir.path, "cache");
  assert.equal(globMatches("src/pay/a.ts", "src/*/a.ts"), true); // compiled in this process
  writeGlobCache(cache);
  const [file, ...others] = readdirSync(cache);
  assert.deepEqual(others, []);
  assert.equal(file, `globs-${GLOB_COMPILER}.json`);
  assert.equal(statSync(join(cache, file!)).mode & 0o777, 0o600);
  assert.equal(statSync(cache).mode & 0o777, 0o700);
  const entries = JSON.parse(readFileSync(join(cache, file!), "utf8"));
  assert.ok(Array.isArray(entries["src/*/a.ts"]), "the compiled glob is kept");
  // A planted regex for a glob is what the next reader uses: the glob is not compiled again.
  writeFileSync(join(cache, file!), JSON.stringify({ "lib/*/b.ts": ["^never$", ""] }));
  readGlobCache(cache);
  assert.equal(globMatches("lib/x/b.ts", "lib/*/b.ts"), false);
  knowGlobs({ "lib/*/b.ts": ["^lib/[^/]*/b\\.ts$", ""] });
  assert.equal(globMatches("lib/x/b.ts", "lib/*/b.ts"), true);
});
