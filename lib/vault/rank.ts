// Full-text ranking over memories_fts: any word may match, bm25 with title above body, then
// newest first, in bounded time at 100k memories.
import { clampLimit, M_COLUMNS, toMemory } from "./rows.ts";
import { filterSql } from "./filter.ts";
import { ftsPhrase, searchTerms } from "./search.ts";
import type { Sql } from "./sql.ts";
import type { Memory, MemoryFilter, SearchHit } from "./types.ts";

/** A word matching more rows than this only refines scores. */
const COMMON_DF = 2000;
/** How many of the newest rows an unselective query ranks first. */
const RECENT_WINDOW = 3000;

/** bm25 weights per FTS column: title, content, why, tags, files, terms. */
const BM25 = "bm25(memories_fts, 10.0, 1.0, 2.0, 4.0, 3.0, 1.0)";

/**
 * Full-text search.
 *
 * bm25 costs about half a microsecond per matching row, so an OR over words that occur in most
 * of a large vault would rank every row. To keep a search in milliseconds at 100k memories,
 * words matching more than COMMON_DF rows only refine the score of rows found by the rarer
 * words; when every word is that common (an unselective query, where recency is the sensible
 * order anyway), ranking is limited to a window of the newest rows that widens until it fills.
 */
export function searchMemories(sql: Sql, query: string, filter: MemoryFilter): SearchHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const limit = clampLimit(filter.limit, 10);
  const rare: string[] = [];
  const common: string[] = [];
  for (const term of terms) {
    const seen = Number(
      sql.prepare(
        "SELECT count(*) AS n FROM (SELECT rowid FROM memories_fts WHERE memories_fts MATCH ? LIMIT ?)",
      ).get(ftsPhrase(term), COMMON_DF + 1)?.n ?? 0,
    );
    if (seen > COMMON_DF) common.push(term);
    else if (seen > 0) rare.push(term);
  }
  const anyOf = (words: string[]) => words.map(ftsPhrase).join(" OR ");
  const hits: SearchHit[] = [];
  if (rare.length > 0) {
    const expression = common.length === 0
      ? anyOf(rare)
      : `(${anyOf(rare)}) OR ((${anyOf(rare)}) AND (${anyOf(common)}))`;
    hits.push(...rank(sql, expression, terms, filter, limit, undefined));
  }
  if (hits.length < limit && common.length > 0) {
    const found = new Set(hits.map((hit) => hit.memory.id));
    const total = Number(sql.prepare("SELECT max(rowid) AS n FROM memories").get()?.n ?? 0);
    for (let window = RECENT_WINDOW;; window *= 4) {
      const all = window >= total;
      const more = rank(
        sql,
        anyOf([...rare, ...common]),
        terms,
        filter,
        limit + found.size,
        all ? undefined : window,
      ).filter((hit) => !found.has(hit.memory.id));
      if (more.length >= limit - hits.length || all) {
        hits.push(...more.slice(0, limit - hits.length));
        break;
      }
    }
  }
  return hits;
}

function rank(
  sql: Sql,
  expression: string,
  terms: string[],
  filter: MemoryFilter,
  limit: number,
  newest: number | undefined,
): SearchHit[] {
  const { where, params } = filterSql(sql, filter);
  // FTS5 walks `ORDER BY rowid DESC LIMIT n` cheaply, so the window is the n newest matches.
  const window = newest === undefined ? "" : `ORDER BY rowid DESC LIMIT ${newest}`;
  const rows = sql.prepare(
    `SELECT ${M_COLUMNS}, r.rank AS rank FROM (
         SELECT rowid, ${BM25} AS rank FROM memories_fts WHERE memories_fts MATCH ? ${window}
       ) r JOIN memories m ON m.rowid = r.rowid
       ${where.length ? "WHERE " + where.join(" AND ") : ""}
       ORDER BY r.rank, m.created_at DESC, m.id DESC LIMIT ?`,
  ).all(expression, ...params, limit);
  return rows.map((row) => {
    const memory = toMemory(row);
    return {
      memory,
      score: Math.round(-Number(row.rank) * 1e6) / 1e6,
      snippet: snippetOf(memory, terms),
    };
  });
}

/**
 * A short excerpt around the first query word found in the content (else the why, else the
 * title), with matched words in [brackets].
 */
export function snippetOf(
  memory: Pick<Memory, "title" | "content" | "why">,
  terms: string[],
): string {
  const words = terms.filter((t) => t.length > 1).map((t) =>
    t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  );
  const pattern = words.length ? new RegExp(`\\b(${words.join("|")})\\w*`, "giu") : undefined;
  const source =
    [memory.content, memory.why ?? "", memory.title].find((text) =>
      pattern ? new RegExp(pattern.source, "iu").test(text) : false
    ) ?? memory.content;
  const flat = source.replace(/\s+/g, " ").trim();
  const first = pattern ? flat.search(new RegExp(pattern.source, "iu")) : 0;
  const start = Math.max(0, first - 60);
  const end = Math.min(flat.length, start + 160);
  const excerpt = (start > 0 ? "…" : "") + flat.slice(start, end) + (end < flat.length ? "…" : "");
  return pattern ? excerpt.replace(pattern, "[$&]") : excerpt;
}
