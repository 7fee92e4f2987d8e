// The keyword prefilter: an Aho–Corasick automaton over case-folded text, so the cost of
// looking for hundreds of keywords is one pass with a table lookup per character.

/** Calls `onHit(start, keywordIndex)` for every occurrence of every keyword, case-insensitively. */
export type KeywordScanner = (
  text: string,
  onHit: (start: number, keyword: number) => void,
) => void;

const ASCII = 128;

/**
 * The automaton's tables: what a scan needs, built from the keyword list (`buildKeywordTables`)
 * or read back from the catalogue's precomputed copy (`decodeKeywordTables`, issue 19). States
 * are numbered so that every state with an output comes last: "has output" is one comparison.
 */
export interface KeywordTables {
  /** The alphabet's size: one class per ASCII keyword character, 0 = any other, shared ones. */
  classes: number;
  /** States from here on have outputs. */
  outputStart: number;
  /** Per state: its failure state. */
  fail: Int32Array;
  /** Per state: where its trie edges start in `edgeClass`/`edgeTarget` (one more entry at the end). */
  edgeStart: Int32Array;
  edgeClass: Int32Array;
  edgeTarget: Int32Array;
  /** Per output state (from `outputStart`): where its keywords start in `outList`. */
  outStart: Int32Array;
  outList: Int32Array;
  /** UTF-16 code unit → class. */
  classOf: Uint8Array;
}

/**
 * Build the automaton once. Keywords are lowercase; Latin ones are written in ASCII (text with
 * diacritics folds onto them: "losenord" finds "Lösenord"), other scripts as they are written
 * ("пароль", "密码", "비밀번호"), matched one UTF-16 code unit per keyword character.
 */
export function compileKeywords(keywords: readonly string[]): KeywordScanner {
  return scannerOver(keywords, buildKeywordTables(keywords));
}

/** The automaton's tables for a keyword list (throws on a Latin keyword with diacritics). */
export function buildKeywordTables(keywords: readonly string[]): KeywordTables {
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
  // Trie in one flat array (rows of `classes` transitions, -1 = none), its edges also kept as
  // child lists so the failure links cost one step per edge, not one per state and class.
  let maxStates = 1;
  for (const keyword of keywords) maxStates += keyword.length;
  const trie = new Int32Array(maxStates * classes).fill(-1);
  const firstChild = new Int32Array(maxStates).fill(-1);
  const nextSibling = new Int32Array(maxStates).fill(-1);
  const edgeClass = new Int32Array(maxStates);
  const outputs: number[][] = [[]];
  let states = 1;
  keywords.forEach((keyword, index) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const c = classOfChar.get(keyword.charCodeAt(i))!;
      const at = state * classes + c;
      let next = trie[at]!;
      if (next === -1) {
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
      if (next !== -1) return next;
      if (s === 0) return 0;
    }
  }
  // States renumbered so that every state with an output comes last (the root, with none, stays
  // 0); the edges and outputs laid out flat in the new order.
  const renumber = new Int32Array(states);
  let numbered = 0;
  for (let s = 0; s < states; s++) if (outputs[s]!.length === 0) renumber[s] = numbered++;
  const outputStart = numbered;
  for (let s = 0; s < states; s++) if (outputs[s]!.length > 0) renumber[s] = numbered++;
  const order = new Int32Array(states);
  for (let s = 0; s < states; s++) order[renumber[s]!] = s;
  const tables: KeywordTables = {
    classes,
    outputStart,
    fail: new Int32Array(states),
    edgeStart: new Int32Array(states + 1),
    edgeClass: new Int32Array(states - 1),
    edgeTarget: new Int32Array(states - 1),
    outStart: new Int32Array(states - outputStart + 1),
    outList: new Int32Array(outputs.reduce((n, list) => n + list.length, 0)),
    classOf: new Uint8Array(65536),
  };
  let edges = 0;
  let outs = 0;
  for (let n = 0; n < states; n++) {
    const old = order[n]!;
    tables.fail[n] = renumber[fail[old]!]!;
    tables.edgeStart[n] = edges;
    for (let child = firstChild[old]!; child !== -1; child = nextSibling[child]!) {
      tables.edgeClass[edges] = edgeClass[child]!;
      tables.edgeTarget[edges++] = renumber[child]!;
    }
    if (n >= outputStart) {
      tables.outStart[n - outputStart] = outs;
      for (const k of outputs[old]!) tables.outList[outs++] = k;
    }
  }
  tables.edgeStart[states] = edges;
  tables.outStart[states - outputStart] = outs;
  // Only ASCII and the Latin blocks fold (see foldTable); other scripts are set below.
  const fold = foldTable();
  for (let c = 0; c < FOLD_END; c++) {
    const folded = fold[c]!;
    if (folded !== 0) tables.classOf[c] = classOfChar.get(folded) ?? 0;
  }
  // Other scripts: the keyword's own character and its upper case (Пароль, ΚΩΔΙΚΟΣ).
  for (const [c, k] of classOfChar) {
    if (c < ASCII) continue;
    tables.classOf[c] = k;
    const upper = String.fromCharCode(c).toUpperCase();
    if (upper.length === 1) tables.classOf[upper.charCodeAt(0)] = k;
  }
  return tables;
}

/** The scanner over built or decoded tables for the same keyword list. */
export function scannerOver(keywords: readonly string[], tables: KeywordTables): KeywordScanner {
  const { classes, outputStart, fail, edgeStart, edgeClass, edgeTarget, outStart, outList } =
    tables;
  const classOf = tables.classOf;
  const states = fail.length;
  /**
   * Per keyword, whether its hits need checking (its other-script characters share classes):
   * 0 not known yet, 1 no, 2 yes; worked out on a keyword's first hit.
   */
  const verify = new Uint8Array(keywords.length);
  const needsCheck = (k: number): boolean => {
    if (verify[k] === 0) {
      const keyword = keywords[k]!;
      let other = false;
      for (let i = 0; i < keyword.length && !other; i++) other = keyword.charCodeAt(i) >= ASCII;
      verify[k] = other ? 2 : 1;
    }
    return verify[k] === 2;
  };
  /** The automaton's transition: the trie's edge, else the failure state's (the root stays). */
  const step = (state: number, c: number): number => {
    for (let s = state;; s = fail[s]!) {
      for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) {
        if (edgeClass[e] === c) return edgeTarget[e]!;
      }
      if (s === 0) return 0;
    }
  };
  // Rows padded to a power of two (a shift, not a multiply, per character). Transitions are
  // filled in as the scan first takes them: a short text touches a few hundred of them, and
  // completing the table up front cost more than most scans (the edit gate runs one per write).
  const shift = Math.max(1, Math.ceil(Math.log2(classes)));
  const Table = states < 65535 ? Uint16Array : Int32Array;
  const unknown = states < 65535 ? 0xffff : -1;
  const table = new Table(states << shift).fill(unknown);
  // The fold table, for checking hits of keywords in other scripts: built on the first such hit.
  let fold: Uint8Array | undefined;

  return (text, onHit) => {
    let state = 0;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const at = (state << shift) | classOf[text.charCodeAt(i)]!;
      let next = table[at]!;
      if (next === unknown) {
        next = step(state, at & ((1 << shift) - 1));
        table[at] = next;
      }
      state = next;
      if (state >= outputStart) {
        const end = outStart[state - outputStart + 1]!;
        for (let o = outStart[state - outputStart]!; o < end; o++) {
          const k = outList[o]!;
          const start = i - keywords[k]!.length + 1;
          if (!needsCheck(k) || occursAt(text, start, keywords[k]!, fold ??= foldTable())) {
            onHit(start, k);
          }
        }
      }
    }
  };
}

/**
 * The tables as text (base64 of 16-bit words), for the catalogue's precomputed copy; undefined
 * when they do not fit 16 bits.
 */
export function encodeKeywordTables(tables: KeywordTables): string | undefined {
  const states = tables.fail.length;
  const pairs: number[] = [];
  tables.classOf.forEach((k, c) => {
    if (k !== 0) pairs.push(c, k);
  });
  const words = [
    states,
    tables.classes,
    tables.outputStart,
    tables.edgeClass.length,
    tables.outList.length,
    pairs.length / 2,
    ...tables.fail,
    ...tables.edgeStart,
    ...tables.edgeClass,
    ...tables.edgeTarget,
    ...tables.outStart,
    ...tables.outList,
    ...pairs,
  ];
  if (words.some((w) => w > 0xffff)) return undefined;
  return new Uint8Array(Uint16Array.from(words).buffer).toBase64();
}

/** Tables from `encodeKeywordTables`' text. */
export function decodeKeywordTables(encoded: string): KeywordTables {
  const bytes = Uint8Array.fromBase64(encoded);
  const words = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
  const [states, classes, outputStart, edges, outs, pairs] = words;
  let at = 6;
  const take = (n: number) => new Int32Array(words.subarray(at, at += n));
  const fail = take(states!);
  const edgeStart = take(states! + 1);
  const edgeClass = take(edges!);
  const edgeTarget = take(edges!);
  const outStart = take(states! - outputStart! + 1);
  const outList = take(outs!);
  const classOf = new Uint8Array(65536);
  for (let p = 0; p < pairs!; p++, at += 2) classOf[words[at]!] = words[at + 1]!;
  return {
    classes: classes!,
    outputStart: outputStart!,
    fail,
    edgeStart,
    edgeClass,
    edgeTarget,
    outStart,
    outList,
    classOf,
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
function occursAt(text: string, start: number, keyword: string, fold: Uint8Array): boolean {
  for (let i = 0; i < keyword.length; i++) {
    const k = keyword.charCodeAt(i);
    const c = text.charCodeAt(start + i);
    if (c === k) continue;
    if (k < ASCII) {
      if ((c < FOLD_END ? fold[c] : 0) !== k) return false;
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
function foldTable(): Uint8Array {
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
}
