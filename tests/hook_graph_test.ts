// What each hook loads before it runs, read from `deno info --json` (static imports only;
// dynamic ones load when reached): a cheap, untimed guard that the hooks' start-up stays free
// of Deno's Node layer and of the npm packages that cost 20-40 ms each (issue 19, BENCHMARKS.md).
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT } from "./_helpers.ts";

interface Info {
  roots: string[];
  redirects?: Record<string, string>;
  modules: Array<{
    specifier: string;
    dependencies?: Array<{ isDynamic?: boolean; code?: { specifier?: string } }>;
  }>;
}

/** The specifiers `entry` loads through static imports (npm packages by name@version). */
function staticGraph(entry: string): string[] {
  const output = new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", join(ROOT, entry)],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  assert.ok(output.success, new TextDecoder().decode(output.stderr));
  const info = JSON.parse(new TextDecoder().decode(output.stdout)) as Info;
  const redirects = info.redirects ?? {};
  const byName = new Map(info.modules.map((m) => [m.specifier, m]));
  const seen = new Set<string>();
  const stack = [...info.roots];
  while (stack.length > 0) {
    const raw = stack.pop()!;
    const specifier = redirects[raw] ?? raw;
    if (seen.has(specifier)) continue;
    seen.add(specifier);
    for (const dep of byName.get(specifier)?.dependencies ?? []) {
      if (!dep.isDynamic && dep.code?.specifier) stack.push(dep.code.specifier);
    }
  }
  return [...seen].map((s) => s.replace(/^npm:\/?/, "npm:").replace(/@[^/]+$/, ""));
}

const NODE_LAYER = ["node:fs", "node:crypto", "node:net", "node:child_process", "node:module"];

Deno.test("the hook table (stop, and every hook's first step) loads no npm package and no Node layer module", () => {
  const graph = staticGraph("commands/hook_events.ts");
  assert.deepEqual(graph.filter((s) => s.startsWith("npm:") || NODE_LAYER.includes(s)), []);
});

Deno.test("the vault's hooks (file-context, session-start, prompt) load no npm package and no Node layer module", () => {
  const graph = staticGraph("commands/hook_memory.ts");
  const unwanted = ["npm:yaml", "npm:ulid", "npm:commander", ...NODE_LAYER];
  assert.deepEqual(graph.filter((s) => unwanted.includes(s)), []);
  // No npm package at all: zeptomatch loads only when an anchor is a glob other than
  // `folder/**` (lib/glob.ts prepareGlobs); no zod: the vault's schemas load only with its
  // validation (writes), config.json and config.yml come from the hooks' caches.
  assert.deepEqual(graph.filter((s) => s.startsWith("npm:")), []);
});

Deno.test("the edit gate, sentinel included, loads neither yaml, zod, the vault nor the Node layer", () => {
  const graph = staticGraph("commands/edit_gate.ts");
  const unwanted = ["npm:yaml", "npm:zod", "node:sqlite", "node:path", ...NODE_LAYER];
  assert.deepEqual(graph.filter((s) => unwanted.includes(s)), []);
  // Rules and both configs come from their caches (yaml and zod load on a miss); the parser and
  // the vault load only when a structural rule can match or a finding cites a memory, and
  // zeptomatch only when a rule's glob is more than `folder/**`.
  assert.deepEqual(graph.filter((s) => s.startsWith("npm:")), []);
});
