// Semantic recall over the shipped word vectors: memory vectors, related words for a query and
// the reranking of bm25 candidates (plugged into the vault as its SearchSemantics).
import type { RelatedTerm, SearchCandidate, SearchSemantics } from "../vault/search.ts";
import type { Memory, SearchHit } from "../vault/types.ts";
import { termKey, textTerms } from "./terms.ts";
import { titleMatch, type TitleWant } from "./title_match.ts";
import type { TermVectors } from "./term_vectors.ts";

/** Tuning knobs; the defaults were chosen on the evaluation's tuning half (BENCHMARKS.md). */
export interface RecallTuning {
  /** Weight of the cosine between query and memory vectors in the final score. */
  cosine: number;
  /** Weight of the (normalised) bm25 score of the related words. */
  related: number;
  /** Weight given to a related word from the abbreviation table, WordNet, the vectors. */
  abbreviationWeight: number;
  synonymWeight: number;
  neighbourWeight: number;
  /** A vector neighbour counts only above this cosine. */
  neighbourMin: number;
  /** At most this many related words per query. */
  maxRelated: number;
  /** A memory found by its vector alone needs at least this cosine with the query. */
  nearestMin: number;
  /** Weight of the share of the query's words a memory's title holds (title_match.ts). */
  titleMatch: number;
  /** Credit for a query word present in the title only through a stand-in word. */
  standInCredit: number;
  /**
   * When the best lexical candidate's bm25 is at least this many times the second's, it stays
   * first: a clear lexical winner is not overturned by the weaker semantic signals.
   */
  clearLead: number;
}

/** The defaults. */
export const DEFAULT_TUNING: RecallTuning = {
  cosine: 1.5,
  related: 0.3,
  abbreviationWeight: 0.9,
  synonymWeight: 0.5,
  neighbourWeight: 0.4,
  neighbourMin: 0.8,
  maxRelated: 8,
  nearestMin: 0.33,
  titleMatch: 0.1,
  standInCredit: 0.5,
  clearLead: 1.2,
};

/**
 * The model of the memory vectors: the shipped table (assets/term_vectors.bin, whose SHA-256
 * tests/recall/term_vectors_test.ts pins) and `vectorize`. Change it with either: a vault whose
 * vectors name another model recomputes them all (Vault.backfillVectors). Model 3 is model 2's
 * table with vectors of a memory's first HEAD_TERMS words.
 */
export const VECTOR_MODEL = "3";

/**
 * How many of a memory's words its vector holds (stopwords not counted): the title (given twice)
 * and about its first paragraph. What a memory is about is said at its start; the rest of a long
 * one (its options, consequences, links) pulled the average towards every other record. Chosen on
 * the tuning questions, where it put the right record in the top 5 for 0.78 of paraphrases instead
 * of 0.68 (30 to 40 words did as well, 60 or the whole text worse; BENCHMARKS.md, "Recall, fifth
 * round").
 */
export const HEAD_TERMS = 40;

/** What semantic recall knows besides the vectors. */
export interface SemanticsOptions {
  abbreviations?: Map<string, string[]>;
  synonyms?: Map<string, string[]>;
  tuning?: Partial<RecallTuning>;
  /** The vectors' model (VECTOR_MODEL for the shipped table). */
  model?: string;
}

/** Parse `synonyms.txt`: one line per word, the word then its synonyms, space-separated. */
export function parseSynonyms(text: string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const [word, ...rest] = line.trim().split(" ");
    if (word && rest.length > 0) table.set(word, rest);
  }
  return table;
}

/** Semantic recall over a term vector table. */
export function createSemantics(
  table: TermVectors,
  options: SemanticsOptions = {},
): SearchSemantics {
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const abbreviations = options.abbreviations ?? new Map<string, string[]>();
  const synonyms = options.synonyms ?? new Map<string, string[]>();
  const dims = table.dims;
  // Smooth inverse frequency (Arora et al. 2017): frequent words weigh little in the title match.
  const sif = (row: number) => 1e-4 / (1e-4 + table.counts[row]! / table.total);

  /**
   * Weighted sum of the unit rows of the text's words, as floats (not normalised). Every content
   * word counts alike: with stopwords already dropped, smooth-inverse-frequency weights (which
   * the title match still uses) ranked worse by cosine alone on the tuning questions (R@5 0.63 vs
   * 0.75, BENCHMARKS.md "Recall, fourth round"); the rerank removes the candidates' common
   * direction instead.
   */
  const embed = (terms: Iterable<[string, number]>): Float32Array | undefined => {
    const sum = new Float32Array(dims);
    let any = false;
    for (const [term, weight] of terms) {
      const row = table.index.get(term);
      if (row === undefined) continue;
      any = true;
      const o = row * dims;
      for (let d = 0; d < dims; d++) sum[d]! += weight * table.data[o + d]!;
    }
    return any ? sum : undefined;
  };

  const expandWords = (word: string): string[] => abbreviations.get(word) ?? [];
  // The other way round: a query that spells out "single sign-on" also asks for "sso".
  const shortForms = [...abbreviations]
    .map(([short, long]) => ({ short, needs: [...new Set(long.flatMap((w) => textTerms(w)))] }))
    .filter((entry) => entry.needs.length > 0);

  /** The vector neighbours of a word above neighbourMin, with their cosines, nearest first. */
  const neighboursOf = (key: string, n: number): [string, number][] => {
    const row = table.index.get(key);
    const k = table.neighbours.k;
    const out: [string, number][] = [];
    if (row === undefined || k === 0) return out;
    for (let j = 0; j < Math.min(k, n); j++) {
      const near = table.neighbours.index[row * k + j]!;
      const cosine = table.neighbours.cosine[row * k + j]! / 255;
      if (near !== 0xffff && cosine >= tuning.neighbourMin) out.push([table.words[near]!, cosine]);
    }
    return out;
  };

  /** Each query word with its weight and the words that may stand for it in a title. */
  const titleWants = (terms: string[]): TitleWant[] =>
    [...new Set(terms)].map((term) => {
      const words = new Map<string, number>([[term, 1]]);
      const add = (text: string, credit: number) => {
        for (const t of textTerms(text)) {
          if (!words.has(t) || words.get(t)! < credit) words.set(t, credit);
        }
      };
      for (const long of expandWords(term)) add(long, tuning.standInCredit);
      for (const synonym of (synonyms.get(term) ?? []).slice(0, 2)) {
        add(synonym, tuning.standInCredit);
      }
      for (const [word, cosine] of neighboursOf(term, 3)) add(word, tuning.standInCredit * cosine);
      const row = table.index.get(term);
      return { weight: row === undefined ? 1 : sif(row), words };
    });

  /** The query's words, and the long forms of its abbreviations at 0.7. */
  const queryWeights = (query: string): Map<string, number> => {
    const weights = new Map<string, number>();
    for (const term of textTerms(query)) {
      weights.set(term, 1);
      for (const long of expandWords(term)) {
        for (const t of textTerms(long)) weights.set(t, Math.max(weights.get(t) ?? 0, 0.7));
      }
    }
    return weights;
  };

  return {
    model: options.model ?? VECTOR_MODEL,

    vectorize(text) {
      const weights = new Map<string, number>();
      for (const term of textTerms(text, HEAD_TERMS)) {
        weights.set(term, (weights.get(term) ?? 0) + 1);
      }
      // Term frequency dampened: a word repeated ten times is not ten times the topic.
      const sum = embed([...weights].map(([t, n]) => [t, 1 + Math.log(n)] as [string, number]));
      return sum ? quantize(sum) : undefined;
    },

    related(terms) {
      const out = new Map<string, number>();
      const asked = new Set(terms.map(termKey));
      const add = (word: string, weight: number) => {
        const key = word.toLowerCase();
        if (asked.has(termKey(key)) || key.length < 2) return;
        out.set(key, Math.max(out.get(key) ?? 0, weight));
      };
      const present = new Set(terms.flatMap((t) => textTerms(t)));
      for (const { short, needs } of shortForms) {
        if (needs.every((t) => present.has(t))) add(short, tuning.abbreviationWeight);
      }
      for (const term of terms) {
        for (const long of expandWords(term)) add(long, tuning.abbreviationWeight);
        const key = termKey(term);
        for (const synonym of (synonyms.get(key) ?? []).slice(0, 2)) {
          add(synonym, tuning.synonymWeight);
        }
        for (const [word, cosine] of neighboursOf(key, 3)) {
          add(word, tuning.neighbourWeight * cosine);
        }
      }
      return [...out]
        .map(([term, weight]): RelatedTerm => ({ term, weight }))
        .sort((a, b) => b.weight - a.weight)
        .slice(0, tuning.maxRelated);
    },

    nearest(query, vectors, k) {
      const q = embed(queryWeights(query));
      if (!q) return [];
      const qv = unit(q);
      const scored: [string, number][] = [];
      for (const [id, vector] of vectors) {
        let s = 0, n = 0;
        for (let d = 0; d < dims; d++) {
          s += qv[d]! * vector[d]!;
          n += vector[d]! * vector[d]!;
        }
        const cosine = n > 0 ? s / Math.sqrt(n) : 0;
        if (cosine >= tuning.nearestMin) scored.push([id, cosine]);
      }
      return scored.sort((a, b) => b[1] - a[1]).slice(0, k).map(([id]) => id);
    },

    settled: settledBy,

    termWeight(term) {
      const row = table.index.get(term);
      return Math.log(table.total / ((row === undefined ? 0 : table.counts[row]!) + 1));
    },

    rerank(query, candidates, limit) {
      if (candidates.length === 0) return [];
      const queryTerms = textTerms(query);
      const q = embed(queryWeights(query));
      const topLexical = Math.max(...candidates.map((c) => c.lexical), 1e-9);
      const topRelated = Math.max(...candidates.map((c) => c.related), 1e-9);
      const vectors = candidates.map((c) =>
        c.vector ? unit(Float32Array.from(c.vector)) : undefined
      );
      // The candidates' common direction (what every memory in this vault shares) says nothing
      // about which one answers the query: remove it before comparing.
      const mean = new Float32Array(dims);
      let counted = 0;
      for (const v of vectors) {
        if (!v) continue;
        counted++;
        for (let d = 0; d < dims; d++) mean[d]! += v[d]!;
      }
      if (counted > 0) { for (let d = 0; d < dims; d++) mean[d]! /= counted; }
      const qv = q ? unit(subtract(unit(q), mean)) : undefined;
      const strong = strongLexicalMatch(candidates, queryTerms);
      const cosineWeight = strong ? 0 : tuning.cosine;
      const scored = candidates.map((c, i) => {
        const v = vectors[i];
        const cosine = qv && v ? dot(qv, unit(subtract(v, mean))) : 0;
        const score = c.lexical / topLexical + tuning.related * c.related / topRelated +
          cosineWeight * cosine;
        return { hit: c.hit, score };
      });
      if (tuning.titleMatch > 0) {
        // The title term adds at most its weight: only candidates that close enough to the
        // limit-th score can change the answer, so only their titles are read.
        const wants = titleWants(queryTerms);
        const cut = [...scored].sort((a, b) => b.score - a.score)[limit - 1]?.score ?? -Infinity;
        for (const s of scored) {
          if (s.score + tuning.titleMatch < cut) continue;
          s.score += tuning.titleMatch * titleMatch(wants, s.hit.memory.title);
        }
      }
      scored.sort((a, b) => b.score - a.score);
      keepClearLead(scored, candidates, tuning.clearLead);
      return scored.slice(0, limit).map(({ hit, score }): SearchHit => ({
        ...hit,
        score: Math.round(score * 1e6) / 1e6,
      }));
    },
  };
}

/** Move the best lexical candidate first when its bm25 is `lead` times the second's or more. */
function keepClearLead(
  scored: { hit: SearchHit; score: number }[],
  candidates: SearchCandidate[],
  lead: number,
): void {
  const [first, second] = candidates.filter((c) => c.lexical > 0)
    .sort((a, b) => b.lexical - a.lexical);
  if (!first || first.lexical < lead * (second?.lexical ?? 0)) return;
  const at = scored.findIndex((s) => s.hit === first.hit);
  if (at <= 0) return;
  const [winner] = scored.splice(at, 1);
  scored.unshift({ hit: winner!.hit, score: scored[0]!.score });
}

/**
 * Whether the best lexical candidate holds every query word: then the words said it all and the
 * lexical order stands.
 */
function strongLexicalMatch(candidates: SearchCandidate[], queryTerms: string[]): boolean {
  const best = candidates.reduce((a, b) => (b.lexical > a.lexical ? b : a));
  return best.lexical > 0 && holdsEvery(best.hit.memory, queryTerms);
}

/**
 * Whether lexical hits already answer the query (the best one holds every query word): pure,
 * so lazy semantics answer it without loading the tables.
 */
export function settledBy(query: string, hits: SearchHit[]): boolean {
  const best = hits[0];
  return best !== undefined && holdsEvery(best.memory, textTerms(query));
}

function holdsEvery(memory: Memory, queryTerms: string[]): boolean {
  if (queryTerms.length === 0) return false;
  const text = new Set(textTerms(`${memory.title} ${memory.content} ${memory.why ?? ""}`));
  return queryTerms.every((term) => text.has(term));
}

function quantize(v: Float32Array): Int8Array {
  let max = 0;
  for (const x of v) max = Math.max(max, Math.abs(x));
  const out = new Int8Array(v.length);
  if (max === 0) return out;
  for (let d = 0; d < v.length; d++) out[d] = Math.round(v[d]! * 127 / max);
  return out;
}

function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  if (n === 0) return v;
  for (let d = 0; d < v.length; d++) v[d]! /= n;
  return v;
}

function subtract(v: Float32Array, mean: Float32Array): Float32Array {
  const out = new Float32Array(v.length);
  for (let d = 0; d < v.length; d++) out[d] = v[d]! - mean[d]!;
  return out;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
}
