// The rule cache: a cached file loads the same rules as a parse, a changed file misses, and the
// cache format follows the rule schema.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { RULE_CACHE_FORMAT } from "../../lib/sentinel/rule_cache.ts";
import { loadRules } from "../../lib/sentinel/rules.ts";
import { tempHome, tempRepo } from "../_helpers.ts";

const RULE = (pattern: string) =>
  `version: 1\nrules:\n  - id: team/a\n    message: m\n    paths: { include: ["src/**"] }\n    match: { kind: pattern, pattern: '${pattern}', flags: i }\n`;

Deno.test("loadRules() caches validated files and reloads them with compiled regexes and globs", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ ".korva/rules/a.yml": RULE("foo") });
  const sources = { home: home.korvaHome, repoRoot: repo.path };
  const first = loadRules(sources);
  const cacheDir = join(home.korvaHome, "cache", "rules");
  assert.equal(readdirSync(cacheDir).length, 3, "secrets.yml, hygiene.yml and a.yml");
  if (Deno.build.os !== "windows") {
    assert.equal(statSync(cacheDir).mode & 0o777, 0o700, "the cache folder is private");
    for (const name of readdirSync(cacheDir)) {
      assert.equal(statSync(join(cacheDir, name)).mode & 0o777, 0o600, `${name} is private`);
    }
  }
  const second = loadRules(sources);
  const strip = (rules: typeof first) => rules.map(({ compiled: _, ...rule }) => rule);
  assert.deepEqual(strip(second), strip(first));
  const team = second.find((r) => r.id === "team/a");
  assert.ok(team?.compiled.match.kind === "pattern");
  assert.equal(team.compiled.match.pattern.source, "foo");
  assert.equal(team.compiled.match.pattern.flags, "gi");
  assert.equal(team.compiled.include?.("src/x.ts"), true);
  writeFileSync(join(repo.path, ".korva/rules/a.yml"), RULE("bar"));
  const changed = loadRules(sources).find((r) => r.id === "team/a");
  assert.ok(changed?.compiled.match.kind === "pattern");
  assert.equal(changed.compiled.match.pattern.source, "bar", "a changed file misses the cache");
});

Deno.test("RULE_CACHE_FORMAT changes with rule_schema.ts", () => {
  const schema = readFileSync(
    fileURLToPath(new URL("../../lib/sentinel/rule_schema.ts", import.meta.url)),
  );
  const digest = createHash("sha256").update(schema).digest("hex").slice(0, 8);
  assert.equal(
    RULE_CACHE_FORMAT.split(":")[1],
    digest,
    `rule_schema.ts changed: set RULE_CACHE_FORMAT to "rules-1:${digest}" (bump the number if validated rules changed shape)`,
  );
});

Deno.test("loadRules() uses a cache entry only when it holds the file's exact text", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ ".korva/rules/a.yml": RULE("foo") });
  const sources = { home: home.korvaHome, repoRoot: repo.path };
  loadRules(sources);
  const cacheDir = join(home.korvaHome, "cache", "rules");
  const name = readdirSync(cacheDir).find((f) =>
    JSON.parse(readFileSync(join(cacheDir, f), "utf8")).text === RULE("foo")
  )!;
  const edit = (change: (entry: { text: string; rules: Array<{ message: string }> }) => void) => {
    const entry = JSON.parse(readFileSync(join(cacheDir, name), "utf8"));
    change(entry);
    writeFileSync(join(cacheDir, name), JSON.stringify(entry));
  };
  const message = () => loadRules(sources).find((r) => r.id === "team/a")?.message;
  edit((entry) => (entry.rules[0]!.message = "from the cache"));
  assert.equal(message(), "from the cache", "an entry with the file's text is a hit");
  edit((entry) => (entry.text = RULE("other")));
  assert.equal(message(), "m", "an entry holding another text (a name collision) is a miss");
});
