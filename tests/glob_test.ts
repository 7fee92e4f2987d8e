// lib/glob.ts: which strings are globs, the folder a glob starts with, and matching with dot
// files. The expectations are what picomatch (which lib/glob.ts replaced) answered for the same
// strings, so anchors stored by earlier versions keep their meaning.
import assert from "node:assert/strict";
import zeptomatch from "zeptomatch";
import { globBase, globMatcher, globMatches, isGlob, loadGlobCompiler } from "../lib/glob.ts";

await loadGlobCompiler();

Deno.test("isGlob and globBase classify paths, folders and globs as picomatch's scan did", () => {
  const cases: Array<[pattern: string, glob: boolean, base: string]> = [
    ["src/a.ts", false, "src/a.ts"],
    ["docs/", false, "docs/"],
    ["src/*.ts", true, "src"],
    ["src/**", true, "src"],
    ["**/*.ts", true, ""],
    ["src/payments/**/*.ts", true, "src/payments"],
    ["a?b", true, ""],
    ["[ab].ts", true, ""],
    ["src/{a,b}.ts", true, "src"],
    ["app/(auth)/page.tsx", true, "app"],
    ["!src/a.ts", false, "src/a.ts"],
    ["src/a\\*.ts", false, "src/a\\*.ts"],
    ["a]b", false, "a]b"],
    ["a[b", false, "a[b"],
    ["a{b", false, "a{b"],
    ["a}b", false, "a}b"],
    ["C++/x.cc", false, "C++/x.cc"],
    ["a!b", false, "a!b"],
  ];
  for (const [pattern, glob, base] of cases) {
    assert.equal(isGlob(pattern), glob, pattern);
    assert.equal(globBase(pattern), base, pattern);
  }
});

Deno.test("globMatches and globMatcher match dot files, globstars, braces and negations", () => {
  const cases: Array<[glob: string, path: string, match: boolean]> = [
    ["src/**", "src/a/b", true],
    ["src/a/**", "src/a", true],
    ["src/**/*.ts", "src/.a/b.ts", true],
    ["*.ts", ".env.ts", true],
    ["src/*", "src/a/b", false],
    ["{a,b}/**", "a/x", true],
    ["*.{ts,tsx}", "a.tsx", true],
    ["src/[ab].ts", "src/c.ts", false],
    ["**/x.ts", "x.ts", true],
    ["!src/*.ts", "lib/a.ts", true],
    ["!src/*.ts", "src/a.ts", false],
  ];
  for (const [glob, path, match] of cases) {
    assert.equal(globMatches(path, glob), match, `${glob} ${path}`);
    assert.equal(globMatcher(glob)(path), match, `${glob} ${path}`);
  }
  const any = globMatcher(["src/**/*.sql", "migrations/*"]);
  assert.deepEqual(["src/db/a.sql", "migrations/1", "lib/a.sql"].map(any), [true, true, false]);
});

Deno.test("globMatcher and globMatches answer 'folder/**' without compiling as zeptomatch does", () => {
  const patterns: Array<string | string[]> = [
    "src/payments/**",
    ".github/**",
    "src/payments/.hidden/**",
    ["src/a/**", "src/b/**"],
    ["src/a/**", "**/*.md"],
    "!src/**",
    "src/*/**",
    "src/payments/*.ts",
    "src/{a,b}/x",
    "docs/\\*x/**",
    "/**",
    "**",
  ];
  const paths = [
    "src/payments",
    "src/payments/",
    "src/payments/a.ts",
    "src/payments/.hidden/b.ts",
    "src/paymentsX/a.ts",
    "srcx/payments/a.ts",
    ".github/workflows/ci.yml",
    "src/a/x.ts",
    "src/b",
    "src/c/readme.md",
    "docs/*x/y",
    "src\\payments\\a.ts",
    "srcx/a/x",
  ];
  const differ: string[] = [];
  for (const pattern of patterns) {
    const expected = zeptomatch.compile(pattern);
    const matcher = globMatcher(pattern);
    for (const path of paths) {
      if (matcher(path) !== expected.test(path)) differ.push(`globMatcher ${pattern} ${path}`);
      if (typeof pattern === "string" && globMatches(path, pattern) !== zeptomatch(pattern, path)) {
        differ.push(`globMatches ${pattern} ${path}`);
      }
    }
  }
  assert.deepEqual(differ, []);
});
