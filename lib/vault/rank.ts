// Full-text ranking over memories_fts: any word may match, bm25 with title above body, then
// newest first, in bounded time at 100k memories.
import type { SQLInputValue } from "node:sqlite";
import { clampLimit, M_COLUMNS, type Row, toMemory } from "./rows.ts";
import { filterSql, whereClause } from "./filter.ts";
import { ftsPhrase, searchTerms } from "./search.ts";
import type { Sql } from "./sql.ts";
import type { Memory, MemoryFilter, SearchHit } from "./types.ts";

/** A word matching more rows than this only refines scores. */
const COMMON_DF = 2000;
/** A word in more than this share of the memories carries no weight in bm25 (see classify)… */
const UBIQUITOUS = 0.6;
/** …beside a word in fewer than this share. */
const WEIGHTED = 0.4;
/**
 * A word in at least this share of the memories at both ends of its match list has an IDF of at
 * most 0.2 (FTS5's ln((N - n + 0.5) / (n + 0.5)), 1e-6 from half on): beside a word with a real
 * weight it is matched but not scored (see classify).
 */
const NEAR_HALF = 0.45;
/** How many of a word's newest matches estimate its share among recent memories. */
const SHARE_SAMPLE = 500;
/**
 * How many of the newest matches a query of common words ranks first (about as many rows as a
 * rare word's whole match list; 3,000 cost a search at 100k memories 3-4 ms more).
 */
const RECENT_WINDOW = 1500;

/** bm25 weights per FTS column: title, content, why, tags, files, terms. */
const BM25 = "bm25(memories_fts, 10.0, 1.0, 2.0, 4.0, 3.0, 1.0)";

/** How a search ranks, beside its filter. */
export interface RankOptions {
  /**
   * Rank only the words that match at most COMMON_DF rows, with no recency window: for related
   * words, which are there to find memories that use other words (a word found in thousands of
   * memories finds nothing in particular, and ranking it costs a window of bm25 scores).
   */
  rareOnly?: boolean;
  /**
   * Whether each hit gets its snippet (default true); semantic recall reorders a larger pool
   * and cuts out the snippets of the hits it keeps (13 µs each).
   */
  snippets?: boolean;
}

/**
 * Full-text search.
 *
 * bm25 costs about a microsecond per matching row, plus a pass over each word's whole match
 * list for its IDF, so an OR over words that occur in most of a large vault would rank every
 * row. To keep a search in milliseconds at 100k memories, words matching more than COMMON_DF
 * rows only refine the score of rows found by the rarer words; when every word is that common,
 * ranking is limited to a window of the newest matches that widens until it fills; when every
 * word is in nearly half the memories or more (an unselective query, where recency is the
 * sensible order anyway), the newest matches answer without bm25 (newestFirst).
 */
export function searchMemories(
  sql: Sql,
  query: string,
  filter: MemoryFilter,
  options: RankOptions = {},
): SearchHit[] {
  const terms = searchTerms(query);
  const hits = terms.length === 0 ? [] : rankedHits(sql, terms, filter, options);
  if (options.snippets === false) return hits;
  const snippet = snippets(terms);
  return hits.map((hit) => ({ ...hit, snippet: snippet(hit.memory) }));
}

/** searchMemories' hits, without snippets. */
function rankedHits(
  sql: Sql,
  terms: string[],
  filter: MemoryFilter,
  options: RankOptions,
): SearchHit[] {
  const limit = clampLimit(filter.limit, 10);
  const { where, params } = filterSql(sql, filter, { perRow: true });
  const scope: Scope = { where, params, narrow: narrows(filter) };
  // A project with no memory (yet) answers before any bm25 is computed. Asked first only with a
  // project, whose index finds a row at once; without one, SQLite may walk most of the rows.
  if (filter.project !== undefined && filter.tag === undefined && !anyRow(sql, scope)) return [];
  const counts = wordCounts(sql);
  const { rare, common, unscored, windowHoldsUnscored, unselective } = classify(
    counts,
    terms,
    options.rareOnly === true,
  );
  if (unselective) return newestFirst(sql, common, scope, limit);
  const total = counts.total;
  const hits: SearchHit[] = [];
  if (rare.length > 0) {
    const expression = common.length === 0
      ? anyOf(rare)
      : `(${anyOf(rare)}) OR ((${anyOf(rare)}) AND (${anyOf(common)}))`;
    hits.push(...rank(sql, expression, scope, limit, undefined));
  }
  if (hits.length < limit && common.length + unscored.length > 0) {
    const found = new Set(hits.map((hit) => hit.memory.id));
    const scored = anyOf([...rare, ...common]);
    for (let size = RECENT_WINDOW;; size *= 4) {
      // A filter needs a window bounded by rowid, not by LIMIT, to run before bm25 (see rank).
      const window = size >= total
        ? undefined
        : !windowHoldsUnscored && !scope.narrow
        ? { newest: size }
        : windowFrom(
          sql,
          windowHoldsUnscored ? anyOf([...rare, ...common, ...unscored]) : scored,
          size,
        );
      const more = rank(sql, scored, scope, limit + found.size, window)
        .filter((hit) => !found.has(hit.memory.id));
      if (unscored.length > 0 && more.length < limit - hits.length) {
        // Rows holding only unscored words: after every scored one, newest first.
        const rows = rankFiltered(
          sql,
          `(${anyOf(unscored)}) NOT (${scored})`,
          scope,
          limit + found.size,
          window,
          false,
        );
        more.push(...hitsOf(rows).filter((hit) => !found.has(hit.memory.id)));
      }
      if (more.length >= limit - hits.length || window === undefined) {
        hits.push(...more.slice(0, limit - hits.length));
        break;
      }
      // A filter that selects nothing would widen the window over every match.
      if (size === RECENT_WINDOW && scope.narrow && !anyRow(sql, scope)) break;
    }
  }
  return hits;
}

/** An FTS5 expression matching any of the words. */
function anyOf(words: string[]): string {
  return words.map(ftsPhrase).join(" OR ");
}

/**
 * An unselective query's answer: every word in nearly half the memories or more, where FTS5's
 * IDF (at most 0.2, 1e-6 from half on) makes bm25 an ordering by term counts and lengths alone,
 * and computing it costs a pass over each word's whole match list (2-4 ms per word at 100k).
 * What such a bm25 prefers, without it: the newest matches holding every word, then those holding
 * a word in their title (the title's bm25 weight is ten times the content's), then the newest
 * other matches; no score.
 */
function newestFirst(sql: Sql, words: string[], scope: Scope, limit: number): SearchHit[] {
  // A filter that selects no memory would walk every match of every tier (0.1-0.3 s at 100k).
  if (scope.narrow && !anyRow(sql, scope)) return [];
  const rows: Row[] = [];
  const found = new Set<unknown>();
  const tiers = [`{title} : (${anyOf(words)})`, anyOf(words)];
  if (words.length > 1) tiers.unshift(words.map(ftsPhrase).join(" AND "));
  for (const expression of tiers) {
    // Newest first, the filter tested on each match as FTS5 yields it: the walk stops at the
    // page's last row.
    const page = sql.prepare(
      `SELECT ${M_COLUMNS}, 0 AS rank
       FROM memories_fts f CROSS JOIN memories m ON m.rowid = f.rowid
       ${whereClause(["memories_fts MATCH ?", ...scope.where])}
       ORDER BY f.rowid DESC LIMIT ?`,
    ).all(expression, ...scope.params, limit + found.size);
    for (const row of page) {
      if (rows.length === limit) break;
      if (found.has(row.id)) continue;
      found.add(row.id);
      rows.push(row);
    }
    if (rows.length === limit) break;
  }
  return hitsOf(rows);
}

/** The query's words by how they take part in a search (see classify). */
interface Classes {
  /** Words in at most COMMON_DF memories: matched and scored, no recency window. */
  rare: string[];
  /** Other words that are scored. */
  common: string[];
  /** Words that match but are not scored: their rows come after every scored row. */
  unscored: string[];
  /** Whether the unscored words' newest matches count in the recency window too. */
  windowHoldsUnscored: boolean;
  /** Every word is in nearly half the memories or more: newest first, no score (newestFirst). */
  unselective: boolean;
}

/**
 * The query's words by how many memories they match: rare (at most COMMON_DF), common, or in
 * most of the vault. FTS5 clamps the IDF of a word in half the rows or more to 1e-6, so such a
 * word carries no weight beside a word in fewer than WEIGHTED of them (IDF at least 0.4), yet
 * scoring it costs a pass over its whole match list, and as a match it fills the recency window
 * with rows that hold none of the other words: words in more than UBIQUITOUS of the memories
 * are left out when such a weighted word remains. Shares are estimated from both ends of the
 * match list (by rowid, so deleted rows only make a word look rarer, which keeps it).
 *
 * Beside a weighted word, words in NEAR_HALF of the memories or more at both ends (IDF at most
 * 0.2) still match but are not scored: "unscored". Their weight only broke near-ties, which now
 * fall to recency, and scoring them cost a pass over 45,000 or more matches each (2-3 ms). The
 * recency window is then the newest matches of the scored words; rows holding only unscored
 * words come after every scored one.
 *
 * Beside a word with a real weight that is not that weighted (in 40-45 % of the memories,
 * counted exactly), words in most of the vault still match, so the recency window holds the
 * same rows, but are not scored. When every word is in NEAR_HALF or more, the query is
 * unselective (newestFirst).
 */
function classify(counts: WordCounts, terms: string[], rareOnly: boolean): Classes {
  const rare: string[] = [];
  const common: string[] = [];
  const ubiquitous: string[] = [];
  /** Each common word's share of the memories at the end of its match list where it is rarest. */
  const least = new Map<string, number>();
  let weighted = false;
  for (const term of terms) {
    const head = counts.head(term);
    if (head.n === 0) continue;
    if (head.n <= COMMON_DF) {
      rare.push(term);
      weighted = true;
      continue;
    }
    if (rareOnly) continue;
    const tail = counts.tail(term);
    const oldest = head.n / head.edge;
    const newest = tail.n / (counts.total - tail.edge + 1);
    least.set(term, Math.min(oldest, newest));
    if (Math.min(oldest, newest) > UBIQUITOUS) ubiquitous.push(term);
    else common.push(term);
    if (Math.max(oldest, newest) < WEIGHTED) weighted = true;
  }
  const nearHalf = (term: string) => least.get(term)! >= NEAR_HALF;
  if (weighted) {
    const scored = common.filter((term) => !nearHalf(term));
    return {
      rare,
      common: scored,
      unscored: common.filter(nearHalf),
      windowHoldsUnscored: false,
      unselective: false,
    };
  }
  const every = [...common, ...ubiquitous];
  if (every.length > 0 && every.every(nearHalf)) {
    return { rare, common: every, unscored: [], windowHoldsUnscored: false, unselective: true };
  }
  // FTS5's IDF is positive only for a word in fewer than half the rows it indexes. Counting a
  // word's matches is a pass over them (2-3 ms for 60,000), asked only of a word that the
  // estimate puts under half at one end at least.
  const real = (term: string) => least.get(term)! < 0.5 && 2 * counts.matches(term) < counts.rows;
  if (ubiquitous.length > 0 && common.some(real)) {
    return { rare, common, unscored: ubiquitous, windowHoldsUnscored: true, unselective: false };
  }
  return { rare, common: every, unscored: [], windowHoldsUnscored: false, unselective: false };
}

/** How many of a word's first (or last) matches were seen, and the rowid where they ended. */
interface Span {
  n: number;
  edge: number;
}

/** The counts classify reads, each kept until the vault changes (a search's words recur). */
interface WordCounts {
  /** The highest rowid: how many memories were ever saved. */
  total: number;
  /** How many rows the full-text index holds (FTS5's row count, the N of its IDF). */
  rows: number;
  /** How many rows match the word (a pass over its whole match list). */
  matches(term: string): number;
  /** Up to COMMON_DF + 1 of the word's oldest matches, and the newest rowid among them. */
  head(term: string): Span;
  /** Up to SHARE_SAMPLE of the word's newest matches, and the oldest rowid among them. */
  tail(term: string): Span;
}

function wordCounts(sql: Sql): WordCounts {
  const kept = sql.derived();
  const span = (key: string, compute: () => Record<string, unknown> | undefined): Span => {
    let value = kept.get(key) as Span | undefined;
    if (value === undefined) {
      const row = compute();
      value = { n: Number(row?.n ?? 0), edge: Number(row?.edge ?? 0) };
      kept.set(key, value);
    }
    return value;
  };
  return {
    total: span("total", () => sql.prepare("SELECT max(rowid) AS n FROM memories").get()).n,
    // memories_fts_docsize holds one row per indexed row; counting it reads no match list.
    get rows() {
      return span("rows", () => sql.prepare("SELECT count(*) AS n FROM memories_fts_docsize").get())
        .n;
    },
    matches: (term) =>
      span(
        `matches ${term}`,
        () =>
          sql.prepare("SELECT count(*) AS n FROM memories_fts WHERE memories_fts MATCH ?")
            .get(ftsPhrase(term)),
      ).n,
    head: (term) =>
      span(`head ${term}`, () =>
        sql.prepare(
          "SELECT count(*) AS n, max(rowid) AS edge FROM (SELECT rowid FROM memories_fts WHERE memories_fts MATCH ? LIMIT ?)",
        ).get(ftsPhrase(term), COMMON_DF + 1)),
    tail: (term) =>
      span(`tail ${term}`, () =>
        sql.prepare(
          "SELECT count(*) AS n, min(rowid) AS edge FROM (SELECT rowid FROM memories_fts WHERE memories_fts MATCH ? ORDER BY rowid DESC LIMIT ?)",
        ).get(ftsPhrase(term), SHARE_SAMPLE)),
  };
}

/** A filter's WHERE clauses, and whether it selects more than the status does. */
interface Scope {
  where: string[];
  params: SQLInputValue[];
  narrow: boolean;
  any?: boolean;
}

/** Whether any memory passes the filter (asked once per search, and only when needed). */
function anyRow(sql: Sql, scope: Scope): boolean {
  scope.any ??= sql.prepare(`SELECT 1 FROM memories m ${whereClause(scope.where)} LIMIT 1`)
    .get(...scope.params) !== undefined;
  return scope.any;
}

/** Whether a filter can exclude most memories (anything beyond the status). */
function narrows(filter: MemoryFilter): boolean {
  const { status, limit: _limit, ...rest } = filter;
  return (status !== undefined && status !== "active" && status !== "all") ||
    Object.values(rest).some((value) => value !== undefined);
}

/**
 * The best `limit` matches of the expression (in the window when given) that pass the filter,
 * by bm25 then newest first. With a filter beyond the status, every match of a window bounded
 * by rowid is joined and filtered first: SQLite then computes bm25 only for the rows that pass
 * (about 1 µs each; a type filter keeps one row in nine), where scoring the window first and
 * joining its best rows scored every row.
 */
function rank(
  sql: Sql,
  expression: string,
  scope: Scope,
  limit: number,
  window: Window | undefined,
): SearchHit[] {
  const rows = scope.narrow
    ? rankFiltered(sql, expression, scope, limit, window)
    : rankBest(sql, expression, scope, limit, window) ??
      rankFiltered(sql, expression, scope, limit, window);
  return hitsOf(rows);
}

/** Search hits for ranked rows (`rank` holds the bm25 score, negative), snippets to come. */
function hitsOf(rows: Row[]): SearchHit[] {
  return rows.map((row) => ({
    memory: toMemory(row),
    score: Math.round(-Number(row.rank) * 1e6) / 1e6 || 0, // never -0
    snippet: "",
  }));
}

/**
 * Which matches a ranking considers: every one, the newest `newest`, or those from rowid `from`
 * on (the newest `size` matches of a wider expression).
 */
type Window = { newest: number } | { from: number; size: number };

/**
 * The window of the newest `size` matches of `expression`, as the rowid where it starts;
 * undefined when there are no more matches than that.
 */
function windowFrom(sql: Sql, expression: string, size: number): Window | undefined {
  const row = sql.prepare(
    "SELECT rowid FROM memories_fts WHERE memories_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
  ).get(expression, size - 1);
  return row === undefined ? undefined : { from: Number(row.rowid), size };
}

/**
 * The matches, with their bm25 as `bm` (0 when not `scored`); FTS5 walks `ORDER BY rowid DESC
 * LIMIT n` and `rowid >= n` cheaply (n an integer: a JavaScript number binds as a REAL, which
 * FTS5 does not seek to, and walks the match list from its start: 4 ms instead of 0.15).
 */
function matches(window: Window | undefined, scored = true): string {
  const bound = window === undefined
    ? ""
    : "newest" in window
    ? `ORDER BY rowid DESC LIMIT ${window.newest}`
    : "AND rowid >= CAST(? AS INTEGER)";
  return `SELECT rowid, ${
    scored ? BM25 : "0"
  } AS bm FROM memories_fts WHERE memories_fts MATCH ? ${bound}`;
}

/** The parameters of `matches`. */
function matchParams(expression: string, window: Window | undefined): SQLInputValue[] {
  return window !== undefined && "from" in window ? [expression, window.from] : [expression];
}

/**
 * Every match joined to its row and filtered, sorted by the keys alone; the page's rows are
 * read after the sort. CROSS JOIN keeps the match as the outer loop: with a project or type
 * filter the planner otherwise walks every row of that project and probes the match (0.2-2 s
 * at 100k).
 */
function rankFiltered(
  sql: Sql,
  expression: string,
  scope: Scope,
  limit: number,
  window: Window | undefined,
  scored = true,
): Row[] {
  return sql.prepare(
    `SELECT ${M_COLUMNS}, t.bm AS rank FROM (
       SELECT m.rowid AS row, r.bm AS bm, m.created_at AS created_at, m.id AS id
       FROM (${matches(window, scored)}) r CROSS JOIN memories m ON m.rowid = r.rowid
       ${whereClause(scope.where)}
       ORDER BY r.bm, m.created_at DESC, m.id DESC LIMIT ?
     ) t CROSS JOIN memories m ON m.rowid = t.row
     ORDER BY t.bm, t.created_at DESC, t.id DESC`,
  ).all(...matchParams(expression, window), ...scope.params, limit);
}

/**
 * Joining every match to its row to test the status costs about a third of a search, so the
 * best few matches by bm25 alone are joined first (a filter beyond the status goes through
 * rankFiltered, see rank). Exact when those few were every match, or when the page fills with a
 * score strictly better than the worst of them (nothing outside them can beat it); undefined
 * otherwise.
 */
function rankBest(
  sql: Sql,
  expression: string,
  scope: Scope,
  limit: number,
  window: Window | undefined,
): Row[] | undefined {
  const best = limit * 2 + 20;
  if (window !== undefined && best >= ("newest" in window ? window.newest : window.size)) {
    return undefined;
  }
  const rows = sql.prepare(
    `WITH top AS MATERIALIZED (SELECT rowid, bm FROM (${matches(window)}) ORDER BY bm LIMIT ${best})
     SELECT ${M_COLUMNS}, top.bm AS rank,
       (SELECT count(*) FROM top) AS considered, (SELECT max(bm) FROM top) AS edge
     FROM top CROSS JOIN memories m ON m.rowid = top.rowid
     ${whereClause(scope.where)}
     ORDER BY top.bm, m.created_at DESC, m.id DESC LIMIT ?`,
  ).all(...matchParams(expression, window), ...scope.params, limit);
  const first = rows[0];
  if (!first) return undefined;
  if (Number(first.considered) < best) return rows;
  const last = rows[limit - 1];
  return last && Number(last.rank) < Number(first.edge) ? rows : undefined;
}

/**
 * A short excerpt around the first query word found in the content (else the why, else the
 * title), with matched words in [brackets].
 */
export function snippetOf(
  memory: Pick<Memory, "title" | "content" | "why">,
  terms: string[],
): string {
  return snippets(terms)(memory);
}

/** snippetOf for the hits of one search: the patterns are built once. */
export function snippets(
  terms: string[],
): (memory: Pick<Memory, "title" | "content" | "why">) => string {
  const words = terms.filter((t) => t.length > 1).map((t) =>
    t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  );
  const pattern = words.length ? new RegExp(`\\b(${words.join("|")})\\w*`, "giu") : undefined;
  const found = pattern ? new RegExp(pattern.source, "iu") : undefined;
  return (memory) => {
    const source =
      [memory.content, memory.why ?? "", memory.title].find((text) =>
        found ? found.test(text) : false
      ) ?? memory.content;
    const flat = source.replace(/\s+/g, " ").trim();
    const first = found ? flat.search(found) : 0;
    const start = Math.max(0, first - 60);
    const end = Math.min(flat.length, start + 160);
    const excerpt = (start > 0 ? "…" : "") + flat.slice(start, end) +
      (end < flat.length ? "…" : "");
    return pattern ? excerpt.replace(pattern, "[$&]") : excerpt;
  };
}
