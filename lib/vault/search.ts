// Turning free text into FTS5 input: safe queries from any user text, and derived search terms.
import type { MemoryFilter, SearchHit } from "./types.ts";

/** Words too common to help a ranking; dropped from queries unless nothing else is left. */
const STOPWORDS = new Set(
  ("a an and are as at be but by can did do does for from had has have how i if in into is it " +
    "its me my no not of on or our should so than that the their them then there these they " +
    "this to us was we were what when where which while who why will with would you your")
    .split(" "),
);

const WORD = /[\p{L}\p{N}]+/gu;
/** What WORD and the \p classes below match in ASCII text, without the cost of compiling them. */
const ASCII_WORD = /[A-Za-z0-9]+/g;
/** Printable ASCII and blanks; any other text takes the unicode rules (always correct). */
const ASCII = /^[\t\n\r -~]*$/;
const MAX_TERMS = 16;

/** Split an identifier at case and letter/digit boundaries: `PaymentService2` → payment, service, 2. */
export function splitIdentifier(word: string): string[] {
  // The unicode classes cost a hook ~2 ms to compile; ASCII words (nearly all) split the same
  // with their ASCII equivalents.
  const split = ASCII.test(word)
    ? word
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
      .replace(/([A-Za-z])([0-9])/g, "$1 $2")
      .replace(/([0-9])([A-Za-z])/g, "$1 $2")
    : word
      .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
      .replace(/(\p{L})(\p{N})/gu, "$1 $2")
      .replace(/(\p{N})(\p{L})/gu, "$1 $2");
  return split.toLowerCase().split(" ").filter((part) => part !== "");
}

/** The words of a text, lower-cased, with identifiers also split into their parts. */
export function queryWords(text: string): string[] {
  const words = new Set<string>();
  const ascii = ASCII.test(text); // NFKC leaves ASCII as it is
  for (const raw of (ascii ? text.match(ASCII_WORD) : text.normalize("NFKC").match(WORD)) ?? []) {
    const lower = raw.toLowerCase();
    words.add(lower);
    const parts = splitIdentifier(raw);
    if (parts.length > 1) { for (const part of parts) words.add(part); }
  }
  return [...words];
}

/** A query that is one path with a file extension: `src/checkout/Cart.ts`, `lib\\*.rs`. */
const PATH_WITH_EXTENSION = /^[^\s]*[/\\][^\s/\\]+\.([A-Za-z0-9]{1,8})$/;

/**
 * The words of a query worth matching: stopwords dropped unless nothing else is left, and a
 * path's file extension (it names a language, found in most memories about its files, not the
 * memory asked for).
 */
export function searchTerms(text: string): string[] {
  const words = queryWords(text);
  const extension = PATH_WITH_EXTENSION.exec(text.trim())?.[1]?.toLowerCase();
  const meaningful = words.filter((word) => !STOPWORDS.has(word) && word !== extension);
  return (meaningful.length > 0 ? meaningful : words).slice(0, MAX_TERMS);
}

/** One FTS5 phrase: the word quoted, so `-`, `*`, `:`, quotes and parentheses are never syntax. */
export function ftsPhrase(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/**
 * Build an FTS5 MATCH expression from any text: every word quoted, joined with OR so partial
 * matches still rank; undefined when the text has no words.
 */
export function toFtsQuery(text: string): string | undefined {
  const terms = searchTerms(text);
  return terms.length === 0 ? undefined : terms.map(ftsPhrase).join(" OR ");
}

/**
 * Extra words indexed beside the text: the parts of camelCase and PascalCase identifiers
 * (`PaymentService` → `payment service`), which the unicode61 tokenizer keeps whole.
 * snake_case and paths need nothing: `_`, `/` and `.` already separate tokens.
 */
export function derivedTerms(texts: string[]): string {
  const extra = new Set<string>();
  for (const text of texts) {
    for (const raw of text.match(WORD) ?? []) {
      if (!/\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}|\p{L}\p{N}|\p{N}\p{L}/u.test(raw)) continue;
      for (const part of splitIdentifier(raw)) extra.add(part);
    }
  }
  return [...extra].join(" ");
}

/** A word added to a query because it is related to one of its words, with a weight below 1. */
export interface RelatedTerm {
  term: string;
  weight: number;
}

/** A lexical candidate for reranking: its bm25 scores and its stored vector. */
export interface SearchCandidate {
  hit: SearchHit;
  /** bm25 score against the query's own words (0 when found only through related words). */
  lexical: number;
  /** bm25 score against the related words (0 when none matched). */
  related: number;
  vector: Int8Array | undefined;
}

/** What semantic recall plugs into the vault (lib/recall implements it). */
export interface SearchSemantics {
  /**
   * Which word vectors (and way of combining them) `vectorize` uses: stored vectors of another
   * model are never compared with this one's, and are recomputed (Vault.backfillVectors).
   */
  readonly model: string;
  /**
   * The vector stored beside a memory at save time (at most 400 bytes); undefined for none. The
   * text puts what says most about the memory first: a long one is read only from its start.
   */
  vectorize(text: string): Int8Array | undefined;
  /** A few words related to the query's words, to find memories that use other words. */
  related(terms: string[]): RelatedTerm[];
  /** The ids of the `k` vectors nearest the query's, best first (a small vault's full scan). */
  nearest(query: string, vectors: Map<string, Int8Array>, k: number): string[];
  /** Whether the lexical hits already answer the query (its words all match the best one). */
  settled(query: string, hits: SearchHit[]): boolean;
  /** Reorder the candidates, best first, at most `limit`. */
  rerank(query: string, candidates: SearchCandidate[], limit: number): SearchHit[];
  /**
   * How much a word (a term key) tells: the log of its inverse frequency in the vectors' corpus,
   * the same for every vault. Prompt-time recall weighs a prompt's words by it; the vault does not.
   */
  termWeight?(term: string): number;
}

/** How many bm25 candidates semantic recall reorders (30 ranked as well as 100 on the evaluation). */
export const RERANK_POOL = 30;

/** How many vector-only candidates a full scan adds (only vaults up to SCAN_LIMIT vectors). */
export const SCAN_CANDIDATES = 20;
/** Above this many stored vectors a query never scans them all (it would cost over 2 ms). */
export const SCAN_LIMIT = 5000;

/** The vault operations semantic search needs. */
export interface LexicalAccess {
  /**
   * bm25 hits without snippets; `rareOnly` ranks only the words that match few memories (no
   * recency window).
   */
  lexical(query: string, filter: MemoryFilter, options?: { rareOnly?: boolean }): SearchHit[];
  /** The snippet maker for a hit found by `terms`. */
  snippets(terms: string[]): (memory: SearchHit["memory"]) => string;
  vectors(ids: string[]): Map<string, Int8Array>;
  /** Every stored vector of the memories the filter selects; undefined above SCAN_LIMIT. */
  scan(filter: MemoryFilter): Map<string, Int8Array> | undefined;
  /** Hits (score 0, snippets to come) for memories found by their vector alone. */
  hits(ids: string[]): SearchHit[];
}

/**
 * Search with related words and vectors: the top RERANK_POOL bm25 hits for the query and for its
 * related words (and, in a small vault, the nearest vectors), reordered by the semantics' reranker.
 */
export function semanticSearch(
  query: string,
  filter: MemoryFilter,
  semantics: SearchSemantics,
  access: LexicalAccess,
): SearchHit[] {
  const limit = filter.limit ?? 10;
  const pool = { ...filter, limit: RERANK_POOL };
  const terms = searchTerms(query);
  // Snippets are cut for the hits kept, from the words that found each (the query's, else its
  // related words).
  const byRelated = new Set<string>();
  let relatedTerms: string[] = [];
  const withSnippets = (hits: SearchHit[]): SearchHit[] => {
    const forQuery = access.snippets(terms);
    const forRelated = access.snippets(relatedTerms);
    return hits.map((hit) => ({
      ...hit,
      snippet: (byRelated.has(hit.memory.id) ? forRelated : forQuery)(hit.memory),
    }));
  };
  const lexical = access.lexical(query, pool);
  // A query whose words all match keeps its lexical order: skip related words and vectors.
  if (semantics.settled(query, lexical)) return withSnippets(lexical.slice(0, limit));
  const byId = new Map<string, SearchCandidate>();
  for (const hit of lexical) {
    byId.set(hit.memory.id, { hit, lexical: hit.score, related: 0, vector: undefined });
  }
  const related = semantics.related(terms);
  if (related.length > 0) {
    // Related words that occur in thousands of memories single none out, and ranking them costs
    // a recency window of bm25 scores (up to 8 such words made the search 3-5× slower at 100k).
    const relatedText = related.map((r) => r.term).join(" ");
    relatedTerms = searchTerms(relatedText);
    for (const hit of access.lexical(relatedText, pool, { rareOnly: true })) {
      const known = byId.get(hit.memory.id);
      if (known) known.related = hit.score;
      else {
        byId.set(hit.memory.id, { hit, lexical: 0, related: hit.score, vector: undefined });
        byRelated.add(hit.memory.id);
      }
    }
  }
  const vectors = access.vectors([...byId.keys()]);
  for (const [id, candidate] of byId) candidate.vector = vectors.get(id);
  // A small vault is scanned whole, so a memory sharing no word with the query can still come up.
  const all = access.scan(filter);
  if (all) {
    const near = semantics.nearest(query, all, SCAN_CANDIDATES).filter((id) => !byId.has(id));
    for (const hit of access.hits(near)) {
      byId.set(hit.memory.id, { hit, lexical: 0, related: 0, vector: all.get(hit.memory.id) });
    }
  }
  return withSnippets(semantics.rerank(query, [...byId.values()], limit));
}
