// The keyword prefilter: an Aho–Corasick automaton over case-folded text, so the cost of
// looking for hundreds of keywords is one pass with a table lookup per character.

/** Calls `onHit(start, keywordIndex)` for every occurrence of every keyword, case-insensitively. */
export type KeywordScanner = (
  text: string,
  onHit: (start: number, keyword: number) => void,
) => void;

const ASCII = 128;

/**
 * Build the automaton once. Keywords are lowercase; Latin ones are written in ASCII (text with
 * diacritics folds onto them: "losenord" finds "Lösenord"), other scripts as they are written
 * ("пароль", "密码", "비밀번호"), matched one UTF-16 code unit per keyword character.
 */
export function compileKeywords(keywords: readonly string[]): KeywordScanner {
  // The automaton's alphabet: one class per distinct keyword character (class 0 = any other).
  const classOfChar = new Map<number, number>();
  for (const keyword of keywords) {
    for (let i = 0; i < keyword.length; i++) {
      const c = keyword.charCodeAt(i);
      if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) {
        throw new Error(
          `keyword "${keyword}" is not ASCII: write Latin letters without diacritics`,
        );
      }
      if (!classOfChar.has(c)) classOfChar.set(c, classOfChar.size + 1);
    }
  }
  const classes = classOfChar.size + 1;
  // Trie
  const goto: number[][] = [new Array<number>(classes).fill(-1)];
  const outputs: number[][] = [[]];
  keywords.forEach((keyword, index) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const c = classOfChar.get(keyword.charCodeAt(i))!;
      let next = goto[state]![c]!;
      if (next === -1) {
        next = goto.length;
        goto.push(new Array<number>(classes).fill(-1));
        outputs.push([]);
        goto[state]![c] = next;
      }
      state = next;
    }
    outputs[state]!.push(index);
  });
  // Failure links by breadth-first search, folded into a full transition table (a DFA).
  const states = goto.length;
  const fail = new Int32Array(states);
  const full = new Int32Array(states * classes);
  const queue: number[] = [];
  for (let c = 0; c < classes; c++) {
    const next = goto[0]![c]!;
    full[c] = next === -1 ? 0 : next;
    if (next > 0) queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    outputs[state]!.push(...outputs[fail[state]!]!);
    for (let c = 0; c < classes; c++) {
      const next = goto[state]![c]!;
      if (next === -1) {
        full[state * classes + c] = full[fail[state]! * classes + c]!;
      } else {
        fail[next] = full[fail[state]! * classes + c]!;
        full[state * classes + c] = next;
        queue.push(next);
      }
    }
  }
  // Rows padded to a power of two (a shift, not a multiply, per character), and states renumbered
  // so that every state with an output comes last: "has output" is one comparison.
  const shift = Math.max(1, Math.ceil(Math.log2(classes)));
  const order = Array.from({ length: states }, (_, s) => s);
  order.sort((a, b) => Number(outputs[a]!.length > 0) - Number(outputs[b]!.length > 0) || a - b);
  const renumber = new Int32Array(states);
  order.forEach((old, index) => (renumber[old] = index));
  const firstOutput = order.findIndex((s) => outputs[s]!.length > 0);
  const outputStart = firstOutput === -1 ? states : firstOutput;
  const Table = states < 65536 ? Uint16Array : Int32Array;
  const table = new Table(states << shift);
  for (let s = 0; s < states; s++) {
    for (let k = 0; k < classes; k++) {
      table[(renumber[s]! << shift) | k] = renumber[full[s * classes + k]!]!;
    }
  }
  const newOutputs = order.map((old) => outputs[old]!);
  const classOf = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    const folded = FOLD[c]!;
    if (folded !== 0) classOf[c] = classOfChar.get(folded) ?? 0;
  }
  // Other scripts: the keyword's own character and its upper case (Пароль, ΚΩΔΙΚΟΣ).
  for (const [c, k] of classOfChar) {
    if (c < ASCII) continue;
    classOf[c] = k;
    const upper = String.fromCharCode(c).toUpperCase();
    if (upper.length === 1) classOf[upper.charCodeAt(0)] = k;
  }
  const lengths = keywords.map((k) => k.length);

  return (text, onHit) => {
    let state = renumber[0]!;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      state = table[(state << shift) | classOf[text.charCodeAt(i)]!]!;
      if (state >= outputStart) {
        for (const k of newOutputs[state]!) onHit(i - lengths[k]! + 1, k);
      }
    }
  };
}

/**
 * UTF-16 code unit → ASCII-lowercased code: Latin letters with diacritics fold to their base
 * letter (ö → o, ñ → n, ł → l, ậ → a), so keywords in other languages can be written in ASCII
 * ("losenord", "contrasena", "schlussel"); anything else outside ASCII folds to 0.
 */
const FOLD = (() => {
  const fold = new Uint8Array(65536);
  for (let c = 0; c < ASCII; c++) fold[c] = c >= 65 && c <= 90 ? c + 32 : c;
  for (let c = 0xc0; c <= 0x1eff; c++) {
    if (c === 0x250) c = 0x1e00; // Latin-1, Extended-A/B, then Extended Additional (Vietnamese)
    const base = String.fromCharCode(c).normalize("NFD").charCodeAt(0);
    if (base < ASCII && /[A-Za-z]/.test(String.fromCharCode(base))) fold[c] = base | 0x20;
  }
  for (
    const [from, to] of [["łŁ", "l"], ["øØ", "o"], ["ß", "s"], ["đĐ", "d"], ["ı", "i"]] as const
  ) {
    for (const ch of from) fold[ch.charCodeAt(0)] = to.charCodeAt(0);
  }
  return fold;
})();
