// The layering docs/design.md describes, read from the real import graph
// (`deno info --json`): no module imports a layer above its own; lib/privacy imports nothing
// of korva; lib never imports commands.
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MAIN, ROOT } from "./_helpers.ts";

/** Lowest first; a module may import its own layer or any below it. */
const LAYERS: Array<[layer: string, paths: string[]]> = [
  ["base", [
    "lib/errors.ts",
    "lib/paths.ts",
    "lib/deps.ts",
    "lib/lazy_import.ts",
    "lib/atomic_write.ts",
    "lib/file_modes.ts",
    "lib/log.ts",
    "lib/git.ts",
    "lib/text_fields.ts",
    "lib/fs_sync.ts",
    "lib/sha256.ts",
    "lib/ulid.ts",
    "lib/glob.ts",
    "lib/glob_compiler.ts",
    "lib/glob_cache.ts",
    "lib/posix_path.ts",
    "lib/text_lines.ts",
    "lib/detached.ts",
    "lib/fast_hash.ts",
    "deno.json",
  ]],
  ["privacy", ["lib/privacy/"]],
  ["vault", ["lib/vault/"]],
  ["config", [
    "lib/config.ts",
    "lib/config_cache.ts",
    "lib/project_config.ts",
    "lib/project_config_cache.ts",
    "lib/validated_cache.ts",
  ]],
  ["domain", [
    "lib/team/",
    "lib/discovery/",
    "lib/sentinel/",
    "lib/trust/",
    "lib/recall/",
    "lib/importers/",
  ]],
  ["memory", ["lib/memory/"]],
  ["front", ["lib/mcp/", "lib/service/", "lib/setup/", "lib/doctor/", "lib/capture/"]],
  ["commands", ["commands/"]],
  ["main", ["main.ts"]],
];

function layerOf(path: string): number {
  const index = LAYERS.findIndex(([, paths]) =>
    paths.some((p) => p.endsWith("/") ? path.startsWith(p) : path === p)
  );
  return index;
}

interface Edge {
  from: string;
  to: string;
}

function importGraph(entry: string): { modules: string[]; edges: Edge[] } {
  const output = new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  assert.ok(output.success, new TextDecoder().decode(output.stderr));
  const info = JSON.parse(new TextDecoder().decode(output.stdout)) as {
    modules: Array<{
      specifier: string;
      dependencies?: Array<{ code?: { specifier: string }; type?: { specifier: string } }>;
    }>;
  };
  const local = (specifier: string) =>
    specifier.startsWith("file://") ? relative(ROOT, fileURLToPath(specifier)) : undefined;
  const modules: string[] = [];
  const edges: Edge[] = [];
  for (const module of info.modules) {
    const from = local(module.specifier);
    if (!from) continue;
    modules.push(from);
    for (const dependency of module.dependencies ?? []) {
      for (const target of [dependency.code?.specifier, dependency.type?.specifier]) {
        const to = target ? local(target) : undefined;
        if (to) edges.push({ from, to });
      }
    }
  }
  return { modules, edges };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return rel.endsWith(".ts") ? [rel] : [];
  });
}

Deno.test("the import graph follows the layers: nothing imports upward, privacy imports nothing of korva", () => {
  const graph = importGraph(pathToFileURL(MAIN).href);
  // Modules main.ts does not reach (an entry of its own) are checked too.
  for (const file of [...sourceFiles("lib"), ...sourceFiles("commands")]) {
    if (graph.modules.includes(file)) continue;
    const more = importGraph(pathToFileURL(join(ROOT, file)).href);
    graph.modules.push(...more.modules);
    graph.edges.push(...more.edges);
  }
  const unplaced = [...new Set(graph.modules)].filter((m) => layerOf(m) < 0);
  assert.deepEqual(unplaced, [], "every module belongs to a layer of the table");
  const upward = graph.edges.filter(({ from, to }) => layerOf(to) > layerOf(from))
    .map(({ from, to }) => `${from} -> ${to}`);
  assert.deepEqual([...new Set(upward)], [], "imports that reach a higher layer");
  const fromPrivacy = graph.edges.filter(({ from, to }) =>
    from.startsWith("lib/privacy/") && !to.startsWith("lib/privacy/")
  ).map(({ from, to }) => `${from} -> ${to}`);
  assert.deepEqual([...new Set(fromPrivacy)], [], "lib/privacy imports only itself");
});

Deno.test("only lib/vault speaks SQL: no other module of lib or commands imports node:sqlite", () => {
  const offenders = [...sourceFiles("lib"), ...sourceFiles("commands")]
    .filter((file) => !file.startsWith("lib/vault/"))
    .filter((file) => /from "node:sqlite"/.test(Deno.readTextFileSync(join(ROOT, file))));
  assert.deepEqual(offenders, []);
});
