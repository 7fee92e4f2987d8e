// Scoring for the retrieval evaluations: R@1/R@5/R@10/MRR of a ranker over questions, printed as
// one table row per question style.
// deno-lint-ignore-file no-console
import type { Question } from "./recall_data.ts";

/** A ranker: the keys of the records it answers a query with, best first (at least 10). */
export type Ranker = (query: string) => string[];

export interface Scores {
  n: number;
  r1: number;
  r5: number;
  r10: number;
  mrr: number;
}

/** R@1/R@5/R@10 and MRR (cut at 10) of `rank` over the questions. */
export function score(questions: Question[], rank: Ranker): Scores {
  const s = { n: 0, r1: 0, r5: 0, r10: 0, mrr: 0 };
  for (const q of questions) {
    const position = rank(q.query).indexOf(q.expected);
    s.n++;
    if (position === 0) s.r1++;
    if (position >= 0 && position < 5) s.r5++;
    if (position >= 0 && position < 10) {
      s.r10++;
      s.mrr += 1 / (position + 1);
    }
  }
  return {
    n: s.n,
    r1: s.r1 / s.n,
    r5: s.r5 / s.n,
    r10: s.r10 / s.n,
    mrr: s.mrr / s.n,
  };
}

/** The table's heading, for rows of `printScores`. */
export const SCORES_HEADING = "ranker                      style        n    R@1   R@5   R@10  MRR";

/** One row per style (and all) of a ranker's scores. */
export function printScores(name: string, questions: Question[], rank: Ranker): void {
  for (const style of ["keyword", "question", "paraphrase", "all"] as const) {
    const subset = questions.filter((q) => style === "all" || q.style === style);
    const s = score(subset, rank);
    console.log(
      `${name.padEnd(27)} ${style.padEnd(11)} ${String(s.n).padStart(3)}  ${
        [s.r1, s.r5, s.r10, s.mrr].map((x) => x.toFixed(2)).join("  ")
      }`,
    );
  }
}
