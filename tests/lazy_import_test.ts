// Modules imported at run time (lib/lazy_import.ts) are invisible to `deno compile`: each must be
// listed with --include in the compile task and the release workflow, or the executable fails
// on the command line that needs it. `deno compile` cannot download its runtime here, so this
// reads the lists instead of building the executable.
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { ROOT } from "./_helpers.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = dir === "." ? name : `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return rel.endsWith(".ts") ? [rel] : [];
  });
}

/** Every importLazily call: the file, the type's path and the imported path. */
function lazyImports(): Array<{ file: string; typed: string; path: string }> {
  const found = [];
  for (const file of ["main.ts", ...sourceFiles("commands"), ...sourceFiles("lib")]) {
    if (file === "lib/lazy_import.ts") continue;
    const text = Deno.readTextFileSync(join(ROOT, file));
    const calls = text.match(/importLazily\s*</g)?.length ?? 0;
    const written = [
      ...text.matchAll(
        /importLazily<\s*typeof import\("([^"]+)"\)\s*>\(\s*import\.meta\.url,\s*"([^"]+)",?\s*\)/g,
      ),
    ];
    assert.equal(
      written.length,
      calls,
      `${file}: write importLazily<typeof import("./x.ts")>(import.meta.url, "./x.ts")`,
    );
    for (const [, typed = "", path = ""] of written) found.push({ file, typed, path });
  }
  return found;
}

/** The --include values of a compile command line. */
function includes(command: string): string[] {
  return [...command.matchAll(/--include ([^\s]+)/g)].map((match) => match[1] ?? "");
}

Deno.test("every module imported with importLazily is in the compile task and the release build", () => {
  const imports = lazyImports();
  assert.ok(imports.length >= 6, `found ${imports.length}`);
  const entries = [
    ...new Set(imports.map(({ file, path }) => relative(ROOT, join(ROOT, dirname(file), path)))),
  ].sort();
  for (const { file, typed, path } of imports) {
    assert.equal(typed, path, `${file}: the type and the import name one module`);
  }
  const task = JSON.parse(Deno.readTextFileSync(join(ROOT, "deno.json"))).tasks.compile;
  const release = Deno.readTextFileSync(join(ROOT, ".github/workflows/release.yml"))
    .split("\n").find((line) => line.includes("deno compile")) ?? "";
  for (const [name, command] of [["deno task compile", task], ["release.yml", release]]) {
    const listed = includes(command);
    assert.deepEqual(
      entries.filter((entry) => !listed.includes(entry)),
      [],
      `${name}: add --include for each`,
    );
  }
});
