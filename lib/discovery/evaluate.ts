// Relevance metrics for discovery: recall@k and mean reciprocal rank over labelled queries.

/** One query's ranked ids and the id it should have found. */
export interface Judged {
  ranked: string[];
  expected: string;
}

/** recall@k and MRR over judged queries. */
export function relevanceMetrics(
  judged: Judged[],
  k = 5,
): { recallAtK: number; mrr: number; misses: number } {
  let hits = 0;
  let reciprocal = 0;
  for (const { ranked, expected } of judged) {
    const rank = ranked.indexOf(expected);
    if (rank !== -1 && rank < k) hits++;
    if (rank !== -1) reciprocal += 1 / (rank + 1);
  }
  const n = Math.max(1, judged.length);
  return { recallAtK: hits / n, mrr: reciprocal / n, misses: judged.length - hits };
}
