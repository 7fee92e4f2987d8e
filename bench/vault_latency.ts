// Search and save latency at 100k memories, in process (the issues' targets are p95 figures,
// which `deno bench` does not print). Searches run the queries an editor or vault_search sends
// (a word, several words, a quoted phrase, a question, a file path, with and without filters,
// the default limit), through the lexical search and through the default one with semantic
// recall (what the CLI, MCP and HTTP open), on a temp copy of the cached vault. With
// `--baseline <git ref>` the same searches run through that commit's lib/ in the same rounds,
// interleaved, on its own copy, and the report says which answers (titles, in order) changed.
// "cold" searches each run on a connection opened for it (as one `korva search` process does:
// no cached statements or word counts), the default search only, 7 rounds.
// Run: deno run -A bench/vault_latency.ts [--n 100000] [--rounds 40] [--baseline main]
// deno-lint-ignore-file no-console
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cpuUsage } from "node:process";
import { parseArgs } from "node:util";
import { buildContext } from "../lib/discovery/context.ts";
import { loadSemantics } from "../lib/recall/mod.ts";
import { openVault } from "../lib/vault/mod.ts";
import type { MemoryFilter, SearchHit } from "../lib/vault/types.ts";
import { cpuModel } from "./_process.ts";
import { cachedVaultPath, calibrationMs, fakeMemory, percentiles } from "./fixtures.ts";

/** The query mix, by kind: what people type into an editor's memory search. */
const KINDS: Record<string, [string, MemoryFilter][]> = {
  word: [["payment", {}], ["webhooks", {}], ["idempotency", {}], ["TTL", {}], ["refunds", {}]],
  words: [
    ["payment lock", {}],
    ["retry policy webhooks", {}],
    ["cache TTL sessions", {}],
    ["circuit breaker gateway", {}],
    ["PaymentService timeout", {}],
  ],
  phrase: [
    ['"dead letter queue"', {}],
    ['"connection pool" exhausted', {}],
    ['"transaction isolation" ledger', {}],
    ['"feature flag" checkout', {}],
    ['"retry policy"', {}],
  ],
  question: [
    ["why do retries double charge customers", {}],
    ["how do we paginate search results", {}],
    ["how do we stop two charges for one payment", {}],
    ["what is the lock key for payments", {}],
    ["why did the webhook handler time out", {}],
  ],
  path: [
    ["src/payments/PaymentService.ts", {}],
    ["src/checkout/cart.ts", {}],
    ["lib/RateLimiter.ts", {}],
    ["src/webhooks/WebhookHandler.ts", {}],
    ["src/ledger/**", {}],
  ],
  filtered: [
    ["lock key", { type: "decision" }],
    ["retry", { tag: "payments" }],
    ["cache TTL sessions", { project: "bench" }],
    ["webhooks", { project: "bench-other", type: "incident" }],
    ["timeout", { project: "another-repo" }],
    ["refunds ledger", { file: "src/refunds/RefundService.ts" }],
  ],
};

const { values } = parseArgs({
  args: Deno.args,
  options: {
    n: { type: "string", default: "100000" },
    rounds: { type: "string", default: "40" },
    baseline: { type: "string" },
  },
});
const n = Number(values.n);
const rounds = Number(values.rounds);

type Search = (query: string, filter: MemoryFilter) => SearchHit[];
/** Opens a connection with semantic recall and returns its default search and its close. */
type Open = () => { search: Search; close: () => void };
type Context = (file: string, task: string | undefined) => unknown;
interface Side {
  name: string;
  search: Search;
  wall: Map<string, number[]>;
  cpu: Map<string, number[]>;
}

const dir = mkdtempSync(join(tmpdir(), "korva-bench-latency-"));
globalThis.addEventListener("unload", () => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, "vault.db");
const semantics = loadSemantics();
// The vault with semantic recall's vectors, as `korva` writes it; never written: copied first,
// and once more for the baseline, which must open it before this tree migrates its copy.
const cached = cachedVaultPath(n, undefined, { semantics });
copyFileSync(cached, path);
const basePath = join(dir, "baseline.db");
if (values.baseline) copyFileSync(cached, basePath);

/** `korva context`'s engine (it searches the task's words), for files and tasks like startup.ts's. */
const CONTEXTS: [string, string | undefined][] = [
  ["src/payments/payments.ts", undefined],
  ["src/auth/login.ts", "fix the retry policy"],
  ["src/orders/order.ts", undefined],
  ["src/cache/x.ts", "fix the retry policy"],
  ["src/tax/y.ts", undefined],
];
const contexts: { name: string; build: Context; wall: number[] }[] = [];
const colds: { name: string; open: Open; wall: number[]; cpu: number[] }[] = [];
const sides: Side[] = [];
const side = (name: string, search: Search) =>
  sides.push({ name, search, wall: new Map(), cpu: new Map() });
const lexical = openVault(path);
const semantic = openVault(path, { semantics });
side("lexical", (q, f) => lexical.search(q, f));
side("default", (q, f) => semantic.search(q, f));
colds.push({
  name: "cold default",
  open: () => {
    const vault = openVault(path, { semantics });
    return { search: (q, f) => vault.search(q, f), close: () => vault.close() };
  },
  wall: [],
  cpu: [],
});
contexts.push({
  name: "context",
  build: (file, task) =>
    buildContext(semantic, { project: "bench", files: [file], ...(task ? { task } : {}) }),
  wall: [],
});
if (values.baseline) {
  const old = await importBaseline(values.baseline);
  const oldLexical = old.vault.openVault(basePath);
  const oldSemantic = old.vault.openVault(basePath, { semantics: old.recall.loadSemantics() });
  side(`lexical@${values.baseline}`, (q, f) => oldLexical.search(q, f));
  side(`default@${values.baseline}`, (q, f) => oldSemantic.search(q, f));
  const oldSemantics = old.recall.loadSemantics();
  colds.push({
    name: `cold default@${values.baseline}`,
    open: () => {
      const vault = old.vault.openVault(basePath, { semantics: oldSemantics });
      return { search: (q, f) => vault.search(q, f), close: () => vault.close() };
    },
    wall: [],
    cpu: [],
  });
  contexts.push({
    name: `context@${values.baseline}`,
    build: (file, task) =>
      old.context.buildContext(oldSemantic, {
        project: "bench",
        files: [file],
        ...(task ? { task } : {}),
      }),
    wall: [],
  });
}

const before = calibrationMs();
const loadBefore = Deno.loadavg();
const answers = new Map<string, string>();
const changed = new Map<string, Set<string>>();
for (let round = -1; round < rounds; round++) { // round -1 warms the page and statement caches
  const order = round % 2 === 0 ? sides : [...sides].reverse();
  for (const [kind, queries] of Object.entries(KINDS)) {
    for (const [query, filter] of queries) {
      for (const s of order) {
        const startCpu = cpuUsage();
        const start = performance.now();
        const hits = s.search(query, { ...filter, limit: 10 });
        const wall = performance.now() - start;
        const cpu = cpuUsage(startCpu);
        if (round < 0) {
          answers.set(`${s.name} ${query} ${JSON.stringify(filter)}`, titlesOf(hits));
          continue;
        }
        push(s.wall, kind, wall);
        push(s.cpu, kind, (cpu.user + cpu.system) / 1000);
      }
    }
  }
}
for (let round = -1; round < rounds; round++) {
  for (const [file, task] of CONTEXTS) {
    for (const c of round % 2 === 0 ? contexts : [...contexts].reverse()) {
      const start = performance.now();
      c.build(file, task);
      if (round >= 0) c.wall.push(performance.now() - start);
    }
  }
}
for (let round = 0; round < 7; round++) {
  for (const queries of Object.values(KINDS)) {
    for (const [query, filter] of queries) {
      for (const c of round % 2 === 0 ? colds : [...colds].reverse()) {
        const connection = c.open();
        const startCpu = cpuUsage();
        const start = performance.now();
        connection.search(query, { ...filter, limit: 10 });
        c.wall.push(performance.now() - start);
        const cpu = cpuUsage(startCpu);
        c.cpu.push((cpu.user + cpu.system) / 1000);
        connection.close();
      }
    }
  }
}
if (values.baseline) {
  for (const [key, ids] of answers) {
    const [name, ...rest] = key.split(" ");
    if (name?.includes("@")) continue;
    const old = answers.get(`${name}@${values.baseline} ${rest.join(" ")}`);
    if (old !== ids) {
      const set = changed.get(name!) ?? new Set<string>();
      set.add(rest.join(" "));
      changed.set(name!, set);
    }
  }
}

const saves: number[] = [];
for (let i = 0; i < 300; i++) {
  const memory = fakeMemory(50_000_000 + i);
  const start = performance.now();
  semantic.save({ ...memory, title: `${memory.title} latency-${Date.now()}-${i}` });
  saves.push(performance.now() - start);
}

const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(" ");
console.log(`CPU: ${cpuModel()}, Deno ${Deno.version.deno}`);
console.log(
  `before: load average ${load(loadBefore)}, calibration loop ${before.toFixed(1)} ms; ` +
    `after: load average ${load(Deno.loadavg())}, calibration loop ${
      calibrationMs().toFixed(1)
    } ms`,
);
const queryCount = Object.values(KINDS).reduce((sum, q) => sum + q.length, 0);
console.log(
  `search at ${n}, ${rounds} rounds of ${queryCount} queries, limit 10, wall (CPU) time:`,
);
for (const s of sides) {
  for (const kind of [...Object.keys(KINDS), "all"]) {
    const all = (m: Map<string, number[]>) =>
      kind === "all" ? [...m.values()].flat() : m.get(kind)!;
    console.log(
      `  ${s.name.padEnd(20)} ${kind.padEnd(9)} ${String(all(s.wall).length).padStart(5)} ` +
        `${percentiles(all(s.wall))} (CPU ${percentiles(all(s.cpu))})`,
    );
  }
}
for (const c of colds) {
  console.log(
    `  ${c.name.padEnd(20)} all       ${String(c.wall.length).padStart(5)} ` +
      `${percentiles(c.wall)} (CPU ${percentiles(c.cpu)})`,
  );
}
for (const [name, queries] of changed) {
  console.log(
    `  ${name}: ${queries.size} of ${queryCount} answers differ from ${values.baseline}:`,
  );
  for (const q of queries) console.log(`    ${q}`);
}
if (values.baseline && changed.size === 0) {
  console.log(`  every answer (ids and order) is the same as ${values.baseline}'s`);
}
for (const c of contexts) {
  console.log(`${c.name} (buildContext) at ${n} (${c.wall.length} calls): ${percentiles(c.wall)}`);
}
console.log(`save at ${n} (${saves.length} saves): ${percentiles(saves)}`);

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

function titlesOf(hits: SearchHit[]): string {
  return hits.map((hit) => hit.memory.title).join("\n");
}

/** Another commit's lib/, extracted with git archive into the temp dir and imported. */
async function importBaseline(ref: string) {
  const root = new URL("../", import.meta.url).pathname;
  const archive = new Deno.Command("git", {
    args: ["-C", root, "archive", "--format=tar", ref, "lib"],
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  if (!archive.success) throw new Error(new TextDecoder().decode(archive.stderr));
  const into = join(dir, "baseline");
  Deno.mkdirSync(into);
  const tar = new Deno.Command("tar", { args: ["-x", "-C", into], stdin: "piped" }).spawn();
  const writer = tar.stdin.getWriter();
  await writer.write(archive.stdout);
  await writer.close();
  if (!(await tar.status).success) throw new Error(`Cannot extract ${ref}'s lib/`);
  return {
    vault: await import(`file://${into}/lib/vault/mod.ts`) as typeof import("../lib/vault/mod.ts"),
    recall: await import(
      `file://${into}/lib/recall/mod.ts`
    ) as typeof import("../lib/recall/mod.ts"),
    context: await import(
      `file://${into}/lib/discovery/context.ts`
    ) as typeof import("../lib/discovery/context.ts"),
  };
}
