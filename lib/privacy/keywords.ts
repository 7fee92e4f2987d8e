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
  // The automaton's alphabet: one class per distinct ASCII keyword character (class 0 = any
  // other), and a few shared classes for the characters of other scripts, so the table stays
  // 64 columns wide however many scripts there are; hits of such keywords are checked against
  // the text before they are reported.
  const classOfChar = new Map<number, number>();
  const other = new Set<number>();
  for (const keyword of keywords) {
    for (let i = 0; i < keyword.length; i++) {
      const c = keyword.charCodeAt(i);
      if (isLatinWithDiacritic(c)) throw notAscii(keyword);
      if (c >= ASCII) other.add(c);
      else if (!classOfChar.has(c)) classOfChar.set(c, classOfChar.size + 1);
    }
  }
  const asciiClasses = classOfChar.size + 1;
  const shared = other.size === 0
    ? 0
    : Math.min(other.size, Math.max(4, 2 ** Math.ceil(Math.log2(asciiClasses + 4)) - asciiClasses));
  for (const c of other) classOfChar.set(c, asciiClasses + (c % shared));
  const classes = asciiClasses + shared;
  // The same as a flat array: a Map lookup per keyword character was a good part of start-up.
  const charClass = new Uint8Array(65536);
  for (const [c, k] of classOfChar) charClass[c] = k;
  /** Keywords whose hits need checking (their other-script characters share classes). */
  const verify = keywords.map((k) => {
    for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) >= ASCII) return true;
    return false;
  });
  // Trie in one flat array (rows of `classes` transitions, 0 = none: the root is never a child,
  // so the zero-filled allocation needs no fill), its edges also kept as child lists so the
  // failure links cost one step per edge, not one per state and class.
  let maxStates = 1;
  for (const keyword of keywords) maxStates += keyword.length;
  const trie = new Int32Array(maxStates * classes);
  const firstChild = new Int32Array(maxStates).fill(-1);
  const nextSibling = new Int32Array(maxStates).fill(-1);
  const edgeClass = new Int32Array(maxStates);
  const outputs: number[][] = [[]];
  let states = 1;
  keywords.forEach((keyword, index) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const c = charClass[keyword.charCodeAt(i)]!;
      const at = state * classes + c;
      let next = trie[at]!;
      if (next === 0) {
        next = states++;
        outputs.push([]);
        trie[at] = next;
        edgeClass[next] = c;
        nextSibling[next] = firstChild[state]!;
        firstChild[state] = next;
      }
      state = next;
    }
    outputs[state]!.push(index);
  });
  // Failure links by breadth-first search over the edges.
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let child = firstChild[0]!; child !== -1; child = nextSibling[child]!) queue[tail++] = child;
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const f = fail[state]!;
    if (outputs[f]!.length > 0) outputs[state]!.push(...outputs[f]!);
    for (let child = firstChild[state]!; child !== -1; child = nextSibling[child]!) {
      fail[child] = step(f, edgeClass[child]!);
      queue[tail++] = child;
    }
  }
  /** The automaton's transition: the trie's edge, else the failure state's (the root stays). */
  function step(state: number, c: number): number {
    for (let s = state;; s = fail[s]!) {
      const next = trie[s * classes + c]!;
      if (next !== 0) return next;
      if (s === 0) return 0;
    }
  }
  // Rows padded to a power of two (a shift, not a multiply, per character), and states renumbered
  // so that every state with an output comes last: "has output" is one comparison. Transitions
  // are filled in as the scan first takes them: a short text touches a few hundred of them, and
  // completing the table up front cost more than most scans (the edit gate runs one per write).
  const shift = Math.max(1, Math.ceil(Math.log2(classes)));
  // A stable partition (states without an output, then those with one), in one linear pass each.
  const order: number[] = [];
  for (let st = 0; st < states; st++) if (outputs[st]!.length === 0) order.push(st);
  for (let st = 0; st < states; st++) if (outputs[st]!.length > 0) order.push(st);
  // Numbered from 1: 0 in the zero-filled table means "not yet known", so it needs no fill.
  const renumber = new Int32Array(states);
  order.forEach((old, index) => (renumber[old] = index + 1));
  const firstOutput = order.findIndex((s) => outputs[s]!.length > 0);
  const outputStart = (firstOutput === -1 ? states : firstOutput) + 1;
  const Table = states + 1 < 65536 ? Uint16Array : Int32Array;
  const unknown = 0;
  const table = new Table((states + 1) << shift);
  const newOutputs = [[], ...order.map((old) => outputs[old]!)];
  const classOf = new Uint8Array(65536);
  // Only ASCII and the Latin blocks fold (see FOLD); other scripts are set below.
  for (let c = 0; c < FOLD_END; c++) {
    const folded = FOLD[c]!;
    if (folded !== 0) classOf[c] = charClass[folded]!;
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
      const at = (state << shift) | classOf[text.charCodeAt(i)]!;
      let next = table[at]!;
      if (next === unknown) {
        next = renumber[step(order[state - 1]!, at & ((1 << shift) - 1))]!;
        table[at] = next;
      }
      state = next;
      if (state >= outputStart) {
        for (const k of newOutputs[state]!) {
          const start = i - lengths[k]! + 1;
          if (!verify[k] || occursAt(text, start, keywords[k]!)) onHit(start, k);
        }
      }
    }
  };
}

/** Throws when a keyword cannot be compiled (a Latin letter with a diacritic). */
export function checkKeyword(keyword: string): void {
  for (let i = 0; i < keyword.length; i++) {
    if (isLatinWithDiacritic(keyword.charCodeAt(i))) throw notAscii(keyword);
  }
}

function isLatinWithDiacritic(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff);
}

function notAscii(keyword: string): Error {
  return new Error(`keyword "${keyword}" is not ASCII: write Latin letters without diacritics`);
}

/** Whether `keyword` (lowercase) occurs at `start`, folding case and Latin diacritics. */
function occursAt(text: string, start: number, keyword: string): boolean {
  for (let i = 0; i < keyword.length; i++) {
    const k = keyword.charCodeAt(i);
    const c = text.charCodeAt(start + i);
    if (c === k) continue;
    if (k < ASCII) {
      if ((c < FOLD_END ? FOLD[c] : 0) !== k) return false;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (ch.toLowerCase() !== keyword[i] && ch !== keyword[i]!.toUpperCase()) return false;
  }
  return true;
}

/**
 * UTF-16 code unit → ASCII-lowercased code: Latin letters with diacritics fold to their base
 * letter (ö → o, ñ → n, ł → l, ậ → a), so keywords in other languages can be written in ASCII
 * ("losenord", "contrasena", "schlussel"); anything else outside ASCII folds to 0.
 */
const FOLD_END = 0x1f00;
const FOLD = (() => {
  const fold = new Uint8Array(FOLD_END);
  for (let c = 0; c < ASCII; c++) fold[c] = c >= 65 && c <= 90 ? c + 32 : c;
  for (let c = 0xc0; c < FOLD_END; c++) {
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
