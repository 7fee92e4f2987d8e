// Intrinsic check of a term vector table: rank all 102 ADRs by the cosine between question and
// memory vectors alone (no bm25), as the rerank computes it (SIF-weighted sums, the records' mean
// direction removed), on the TUNING questions only; plus each record's title as a query against
// the vectors of the records' bodies (no questions involved). Used to choose how
// bench/build_term_vectors.ts builds the table.
// Also within each question's top 30 lexical hits: the cosine alone and fused with bm25
// (KORVA_EXP_W: comma-separated weights, -1 for the cosine alone, 100+k for reciprocal-rank fusion
// with k; KORVA_EXP_SHOW=1 lists the questions either signal misses).
// Run: deno run -A bench/recall_vectors_eval.ts [path/to/term_vectors.bin …]
// deno-lint-ignore-file no-console
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createSemantics } from "../lib/recall/semantics.ts";
import { openVault } from "../lib/vault/mod.ts";
import { decodeTermVectors, TERM_VECTORS_URL } from "../lib/recall/term_vectors.ts";
import { loadAdrs, loadQuestions, type Question, RECALL_DATA } from "./recall_data.ts";

const adrs = loadAdrs();

/** Each tuning question's top 30 lexical hits (korva search without semantics): ADR index, bm25. */
function lexicalPools(questions: Question[]): [number, number][][] {
  const dir = mkdtempSync(join(tmpdir(), "korva-vectors-eval-"));
  try {
    using vault = openVault(join(dir, "vault.db"));
    const indexOf = new Map<string, number>();
    adrs.forEach((a, i) => {
      indexOf.set(
        vault.save({ type: "decision", title: a.title, content: a.content }).memory.id,
        i,
      );
    });
    return questions.map((q) =>
      vault.search(q.query, { limit: 30 }).map((h) => [indexOf.get(h.memory.id)!, h.score])
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const tuning: Question[] = [
  ...loadQuestions().filter((q) => !q.heldOut),
  ...["questions_tuning2.tsv", "questions_tuning3.tsv"].flatMap((file) =>
    loadQuestions(join(RECALL_DATA, file), { split: false })
  ),
];

function unit(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  let n = 0;
  for (const x of out) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < out.length; d++) out[d]! /= n;
  return out;
}

function evaluate(path: string) {
  const table = decodeTermVectors(readFileSync(path));
  const semantics = createSemantics(table);
  const vectorOf = (text: string) => {
    const v = semantics.vectorize(text);
    return v ? unit(v) : new Float32Array(table.dims);
  };
  const centred = (vectors: Float32Array[]) => {
    const mean = new Float32Array(table.dims);
    for (const v of vectors) {
      for (let d = 0; d < table.dims; d++) mean[d]! += v[d]! / vectors.length;
    }
    return { mean, rows: vectors.map((v) => unit(v.map((x, d) => x - mean[d]!))) };
  };
  const rankOf = (q: Float32Array, rows: Float32Array[], expected: number) => {
    const scores = rows.map((r) => r.reduce((s, x, d) => s + x * q[d]!, 0));
    const mine = scores[expected]!;
    return scores.filter((s) => s > mine).length;
  };
  const line = (label: string, ranks: number[]) => {
    const r = (k: number) => ranks.filter((x) => x < k).length / ranks.length;
    const mrr = ranks.reduce((s, x) => s + (x < 10 ? 1 / (x + 1) : 0), 0) / ranks.length;
    return `${label.padEnd(11)} ${String(ranks.length).padStart(3)}  ${
      [r(1), r(5), r(10), mrr].map((x) => x.toFixed(2)).join("  ")
    }`;
  };
  const memories = centred(adrs.map((a) => vectorOf(`${a.title}\n${a.content}`)));
  const keys = adrs.map((a) => a.key);
  console.log(`${path}: ${table.words.length} words × ${table.dims}`);
  console.log("style         n    R@1   R@5   R@10  MRR   (cosine alone, tuning questions)");
  for (const style of ["keyword", "question", "paraphrase", "all"]) {
    const ranks = tuning.filter((q) => style === "all" || q.style === style).map((q) => {
      const v = vectorOf(q.query).map((x, d) => x - memories.mean[d]!);
      return rankOf(unit(v), memories.rows, keys.indexOf(q.expected));
    });
    console.log(line(style, ranks));
  }
  // Within each question's lexical pool (mean of the pool removed, as the rerank does): the
  // cosine alone, and bm25 / best bm25 + w × cosine.
  const pools = lexicalPools(tuning);
  const all = adrs.map((a) => vectorOf(`${a.title}\n${a.content}`));
  const variants = (Deno.env.get("KORVA_EXP_W") ?? "-1,0.4,1").split(",").map(Number);
  for (const w of variants) {
    const ranks = tuning.map((q, i) => {
      const pool = pools[i]!;
      const expected = keys.indexOf(q.expected);
      if (!pool.some(([a]) => a === expected)) return 99;
      const { mean, rows } = centred(pool.map(([a]) => all[a]!));
      const qv = unit(vectorOf(q.query).map((x, d) => x - mean[d]!));
      const top = Math.max(...pool.map(([, s]) => s));
      const cosines = pool.map((_, j) => rows[j]!.reduce((sum, x, d) => sum + x * qv[d]!, 0));
      const order = [...cosines.keys()].sort((a, b) => cosines[b]! - cosines[a]!);
      const cosRank = new Map(order.map((j, r) => [j, r]));
      const scores = pool.map(([, s], j) => {
        const cosine = cosines[j]!;
        // w ≥ 100: reciprocal-rank fusion with k = w - 100.
        if (w >= 100) return 1 / (w - 100 + j + 1) + 1 / (w - 100 + cosRank.get(j)! + 1);
        return w < 0 ? cosine : s / top + w * cosine;
      });
      const at = pool.findIndex(([a]) => a === expected);
      const mine = scores[at]!;
      const rank = scores.filter((s) => s > mine).length;
      if (Deno.env.get("KORVA_EXP_SHOW") && w < 0 && (at >= 5 || rank >= 5)) {
        console.log(`  lexical ${at} cosine ${rank}\t${q.style}\t${q.query}`);
      }
      return rank;
    });
    console.log(line(w < 0 ? "pool cos" : `pool+${w}cos`, ranks));
  }
  const bodies = centred(adrs.map((a) => vectorOf(a.content)));
  const titleRanks = adrs.map((a, i) =>
    rankOf(unit(vectorOf(a.title).map((x, d) => x - bodies.mean[d]!)), bodies.rows, i)
  );
  console.log(line("title→body", titleRanks));
}

const paths = Deno.args.length > 0 ? Deno.args : [TERM_VECTORS_URL.pathname];
for (const path of paths) evaluate(path);
