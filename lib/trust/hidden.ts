// Invisible and direction-changing characters: find them, and make them visible in text that
// korva prints to a model. Characters that real writing needs (an emoji's zero-width joiner, the
// Persian zero-width non-joiner, a subdivision flag's tag characters) are left alone.

/** One hidden character: its position (in UTF-16 units) and code point. */
export interface HiddenChar {
  index: number;
  codePoint: number;
  kind: "bidi" | "zero-width" | "tag" | "control" | "variation";
}

const BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Emoji_Component}/u;
const JOINING_SCRIPT = /\p{L}|\p{M}/u;
const LATIN_OR_COMMON = /\p{Script=Latin}|\p{Script=Common}/u;
const MAYBE_HIDDEN =
  // deno-lint-ignore no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb\u{e0000}-\u{e01ef}]/u;
const RTL_LETTER = /\p{Script=Arabic}|\p{Script=Hebrew}|\p{Script=Syriac}|\p{Script=Thaana}/u;

/** Every hidden character of `text` that real writing does not need, in order. */
export function findHidden(text: string): HiddenChar[] {
  // Fast path: nearly every memory is free of the code points below.
  if (!MAYBE_HIDDEN.test(text)) return [];
  const points = [...text];
  const found: HiddenChar[] = [];
  let index = 0;
  let inFlag = false;
  points.forEach((char, i) => {
    const code = char.codePointAt(0)!;
    const before = points[i - 1] ?? "";
    const after = points[i + 1] ?? "";
    const kind = classify(code, before, after, i, inFlag);
    if (code === BLACK_FLAG) inFlag = true;
    else if (!(code >= 0xe0000 && code <= 0xe007f)) inFlag = false;
    else if (code === CANCEL_TAG) inFlag = false;
    if (kind) found.push({ index, codePoint: code, kind });
    index += char.length;
  });
  return found;
}

function classify(
  code: number,
  before: string,
  after: string,
  position: number,
  inFlag: boolean,
): HiddenChar["kind"] | undefined {
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return "bidi";
  if (code === 0x200e || code === 0x200f || code === 0x061c) {
    return RTL_LETTER.test(before) || RTL_LETTER.test(after) ? undefined : "bidi";
  }
  if (code >= 0xe0000 && code <= 0xe007f) return inFlag ? undefined : "tag";
  if (code >= 0xe0100 && code <= 0xe01ef) return "variation";
  if (code >= 0xfe00 && code <= 0xfe0f) {
    // One selector after a visible character picks its glyph; a run of them carries data.
    return before === "" || (before.codePointAt(0)! >= 0xfe00 && before.codePointAt(0)! <= 0xfe0f)
      ? "variation"
      : undefined;
  }
  if (code === 0x200d) {
    return (PICTOGRAPHIC.test(before) && PICTOGRAPHIC.test(after)) ||
        (nonLatinLetter(before) && nonLatinLetter(after))
      ? undefined
      : "zero-width";
  }
  if (code === 0x200c) {
    return nonLatinLetter(before) || nonLatinLetter(after) ? undefined : "zero-width";
  }
  if (code === 0xfeff) return position === 0 ? undefined : "zero-width";
  if (
    code === 0x200b || (code >= 0x2060 && code <= 0x206f) || code === 0x180e ||
    code === 0x00ad || code === 0x034f || code === 0x115f || code === 0x1160 ||
    code === 0x3164 || (code >= 0xfff9 && code <= 0xfffb)
  ) return "zero-width";
  if (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f)
  ) {
    return "control";
  }
  return undefined;
}

function nonLatinLetter(char: string): boolean {
  return char !== "" && JOINING_SCRIPT.test(char) && !LATIN_OR_COMMON.test(char);
}

/** `text` with each hidden character replaced by a visible `⟨U+202E⟩` marker. */
export function revealHidden(text: string): string {
  const hidden = findHidden(text);
  if (hidden.length === 0) return text;
  let out = "";
  let from = 0;
  for (const { index, codePoint } of hidden) {
    out += text.slice(from, index) + `⟨U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}⟩`;
    from = index + String.fromCodePoint(codePoint).length;
  }
  return out + text.slice(from);
}

/** `text` without its hidden characters (what the screen's phrase rules read). */
export function removeHidden(text: string): string {
  const hidden = findHidden(text);
  if (hidden.length === 0) return text;
  let out = "";
  let from = 0;
  for (const { index, codePoint } of hidden) {
    out += text.slice(from, index);
    from = index + String.fromCodePoint(codePoint).length;
  }
  return out + text.slice(from);
}
