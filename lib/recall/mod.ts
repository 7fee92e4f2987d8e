// Semantic recall's public face: load the shipped tables once and hand the vault its semantics.
import type { SearchSemantics } from "../vault/search.ts";
import { abbreviationTable } from "./abbreviations.ts";
import {
  createSemantics,
  parseSynonyms,
  type RecallTuning,
  settledBy,
  VECTOR_MODEL,
} from "./semantics.ts";
import { decodeTermVectors, TERM_VECTORS_URL } from "./term_vectors.ts";

/** The WordNet synonym table shipped beside the vectors (see assets/NOTICE.md). */
export const SYNONYMS_URL = new URL("./assets/synonyms.txt", import.meta.url);

/** Options for loadSemantics. */
export interface LoadSemanticsOptions {
  /** The team's abbreviations (`.korva/config.yml` → recall.abbreviations). */
  abbreviations?: Record<string, string>;
  tuning?: Partial<RecallTuning>;
}

/**
 * Read the shipped word vectors and synonyms (compile-safe: the `compile` task includes
 * lib/recall/assets) and build the vault's semantics; about 20 ms, so callers load it once.
 */
export function loadSemantics(options: LoadSemanticsOptions = {}): SearchSemantics {
  const table = decodeTermVectors(Deno.readFileSync(TERM_VECTORS_URL));
  return createSemantics(table, {
    abbreviations: abbreviationTable(options.abbreviations),
    synonyms: parseSynonyms(Deno.readTextFileSync(SYNONYMS_URL)),
    ...(options.tuning ? { tuning: options.tuning } : {}),
  });
}

/** Semantics that load the tables on first use, so commands that never search pay nothing. */
export function lazySemantics(options: LoadSemanticsOptions = {}): SearchSemantics {
  let loaded: SearchSemantics | undefined;
  const get = () => loaded ??= loadSemantics(options);
  return {
    model: VECTOR_MODEL,
    vectorize: (text) => get().vectorize(text),
    related: (terms) => get().related(terms),
    nearest: (query, vectors, k) => get().nearest(query, vectors, k),
    // Pure: a query the lexical hits settle (most file hooks) never loads the tables.
    settled: settledBy,
    rerank: (query, candidates, limit) => get().rerank(query, candidates, limit),
    termWeight: (term) => get().termWeight!(term),
  };
}

export { createSemantics, DEFAULT_TUNING, type RecallTuning, VECTOR_MODEL } from "./semantics.ts";
