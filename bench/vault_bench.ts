// deno bench: save, search and list at 1k, 10k and 100k memories, with a LIKE-scan baseline.
import { DatabaseSync } from "node:sqlite";
import { benchVault, fakeMemory, SEARCH_QUERIES } from "./fixtures.ts";

const QUERIES = SEARCH_QUERIES.slice(0, 5);

for (const n of [1_000, 10_000, 100_000]) {
  const vault = benchVault(n);
  // The baseline is plain SQLite, not korva: its own read-only connection.
  const raw = new DatabaseSync(vault.path, { readOnly: true });
  let q = 0;
  let i = 0;
  Deno.bench({
    name: `search ${n}`,
    group: `search ${n}`,
    fn: () => {
      vault.search(QUERIES[q++ % QUERIES.length] ?? "", { limit: 10 });
    },
  });
  Deno.bench({
    name: `LIKE scan baseline ${n}`,
    group: `search ${n}`,
    baseline: true,
    fn: () => {
      raw.prepare(
        "SELECT id FROM memories WHERE content LIKE ? OR title LIKE ? LIMIT 10",
      ).all(`%${QUERIES[q % QUERIES.length]}%`, `%${QUERIES[q++ % QUERIES.length]}%`);
    },
  });
  Deno.bench({
    name: `list ${n}`,
    group: `list ${n}`,
    fn: () => {
      vault.list({ limit: 20, project: "bench" });
    },
  });
  Deno.bench({
    name: `list by file ${n}`,
    group: `list ${n}`,
    fn: () => {
      vault.list({ limit: 20, file: "src/payments/payments.ts" });
    },
  });
  Deno.bench({
    name: `save ${n}`,
    group: `save ${n}`,
    fn: () => {
      const memory = fakeMemory(10_000_000 + n + i++);
      vault.save({ ...memory, title: `${memory.title} bench-save-${Date.now()}-${i}` });
    },
  });
}
