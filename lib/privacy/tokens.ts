// The last whitespace-separated tokens of a line, read backwards: a sentence's words before a
// keyword without splitting the whole line (/\S+/g over 160 characters per keyword hit).

/** One token: its text and where it starts in the string it was read from. */
export interface Token {
  text: string;
  index: number;
}

/**
 * Whether a UTF-16 code unit is whitespace as a regex's `\s` reads it (WhiteSpace and
 * LineTerminator of ECMAScript: tab, the line breaks, space, NBSP, BOM and the Zs separators).
 */
export function isRegexSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The last `n` runs of non-whitespace in `s` (what `/\S+/g` finds, the same text and offsets),
 * the last one first.
 */
export function lastTokens(s: string, n: number): Token[] {
  const out: Token[] = [];
  let i = s.length;
  while (out.length < n) {
    while (i > 0 && isRegexSpace(s.charCodeAt(i - 1))) i--;
    if (i === 0) break;
    const end = i;
    while (i > 0 && !isRegexSpace(s.charCodeAt(i - 1))) i--;
    out.push({ text: s.slice(i, end), index: i });
  }
  return out;
}
