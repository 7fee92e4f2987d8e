// anchorCovers rules a glob out by its literal folder before compiling it; the answers must be
// those of matching every glob (zeptomatch), for globs of every shape.
import assert from "node:assert/strict";
import zeptomatch from "zeptomatch";
import { anchorCovers } from "../../lib/vault/filter.ts";
import { loadGlobCompiler } from "../../lib/glob.ts";

await loadGlobCompiler();

const GLOBS = [
  "src/payments/**",
  "src/payments/*.ts",
  "src/**/x.ts",
  "src/{a,b}/x",
  "src/@(a|b)/x",
  "a/b*",
  "a/b*/**",
  "*.ts",
  "**/*.md",
  "src/pay?ents/a.ts",
  "src/[pq]ayments/**",
  "!src/payments/**",
  "docs/\\*literal/**",
  ".github/**",
  "src/payments/.hidden/**",
  "**",
  "/**",
];
const PATHS = [
  "src/payments",
  "src/payments/a.ts",
  "src/payments/deep/b.ts",
  "src/paymentsX/a.ts",
  "src/x.ts",
  "src/a/x",
  "src/c/x",
  "a/b",
  "a/bc",
  "a/bc/d",
  "a/x/bc",
  "top.ts",
  "docs/readme.md",
  "docs/*literal/a",
  "srcx/payments/a.ts",
  "src/payments/.hidden/a.ts",
  "src/payments/",
  ".github/workflows/ci.yml",
];

Deno.test("anchorCovers answers as matching every glob would, folder prefilter or not", () => {
  const differ: string[] = [];
  for (const glob of GLOBS) {
    for (const path of PATHS) {
      const folder = glob.replace(/\/+$/, "");
      const expected = glob === path || path.startsWith(folder + "/") || zeptomatch(glob, path);
      if (anchorCovers(glob, path) !== expected) differ.push(`${glob} ${path}`);
    }
  }
  assert.deepEqual(differ, []);
});
