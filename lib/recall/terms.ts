// The words semantic recall works on: the same split for the build-time corpus, memories and queries.
import { splitIdentifier } from "../vault/search.ts";

const WORD = /[\p{L}\p{N}][\p{L}\p{N}']*/gu;
const PLAIN = /^(?:\p{Ll}+|\p{Lu}\p{Ll}*|\p{Lu}+)$/u;

/** Words that carry no topic: never looked up, never expanded. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ("a about above after again all also am an and any are as at be because been before being " +
    "between both but by can could did do does doing down during each either etc few for from " +
    "further had has have having he her here hers how however i if in into is it its itself just " +
    "let like may me might more most much must my no nor not now of off on once one only or other " +
    "our ours out over own same shall she should so some such than that the their theirs them " +
    "then there these they this those through thus to too under until up upon us use used uses " +
    "using very via was we were what when where whether which while who whom why will with " +
    "within without would yet you your e g eg ie cannot can't don't doesn't isn't won't")
    .split(" "),
);

/**
 * The key a word is looked up under: lower case, a plural `s` dropped (`databases` →
 * `database`, `policies` → `policy`), so the table needs one row per noun.
 */
export function termKey(word: string): string {
  const w = word.toLowerCase().replace(/'s$/, "");
  if (w.length > 4 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (w.length > 4 && w.endsWith("sses")) return w.slice(0, -2);
  if (
    w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") &&
    !w.endsWith("is")
  ) return w.slice(0, -1);
  return w;
}

/**
 * The term keys of a text in order: identifiers split, stopwords and one-letter words dropped;
 * the first `limit` only (the words after them are not processed).
 */
export function textTerms(text: string, limit = Infinity): string[] {
  const terms: string[] = [];
  for (const raw of text.normalize("NFKC").match(WORD) ?? []) {
    if (terms.length >= limit) break;
    // Only mixed-case or letter-digit words need the (slower) identifier split.
    const parts = PLAIN.test(raw) ? [raw.toLowerCase()] : splitIdentifier(raw.replace(/'/g, ""));
    for (const part of parts) {
      if (part.length < 2 || /^\d+$/.test(part) || STOPWORDS.has(part)) continue;
      terms.push(termKey(part));
    }
  }
  return terms.length > limit ? terms.slice(0, limit) : terms;
}
