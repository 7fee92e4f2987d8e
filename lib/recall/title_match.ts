// How much of a query a memory's title answers: the title names what a record is about, and in a
// long memory bm25's title weight drowns under the body's many other words.
import { termKey } from "./terms.ts";

/** One query word: its weight (rare words weigh more) and the words that may stand for it. */
export interface TitleWant {
  weight: number;
  /** The word itself (credit 1) and its stand-ins (abbreviations, synonyms, neighbours). */
  words: Map<string, number>;
}

/** Credit for a title word that only shares the query word's first five letters (a stem). */
export const STEM_CREDIT = 0.8;
const STEM = 5;

/** The weighted share of the query's words that the title holds (0 … 1). */
export function titleMatch(wants: TitleWant[], title: string): number {
  // A plain split, not textTerms: titles are short and this runs for every candidate.
  const terms = new Set(title.toLowerCase().split(/[^\p{L}\p{N}]+/u).map(termKey));
  const stems = new Set<string>();
  for (const term of terms) if (term.length >= STEM) stems.add(term.slice(0, STEM));
  let got = 0, total = 0;
  for (const want of wants) {
    total += want.weight;
    let best = 0;
    for (const [word, credit] of want.words) {
      if (credit > best && terms.has(word)) best = credit;
      if (
        best < STEM_CREDIT && credit === 1 && word.length >= STEM && stems.has(word.slice(0, STEM))
      ) best = STEM_CREDIT;
    }
    got += want.weight * best;
  }
  return total > 0 ? got / total : 0;
}
