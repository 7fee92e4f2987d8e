// Small pure validators detectors share: entropy, Luhn, placeholders, character classes.

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Whether a digit string passes the Luhn checksum (payment card numbers). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** How many of lower, upper, digit, other a value mixes. */
export function characterClasses(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) +
    Number(/[0-9]/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
}

const PLACEHOLDER =
  /^(?:x+|\*+|\.+|-+|_+|#+|0+|1234(?:5678?)?|changeme|change_me|example|sample|dummy|fake|foo|bar|baz|test|todo|tbd|none|null|nil|undefined|true|false|redacted|secrets?|passwords?|passwd|tokens?|keys?|credentials?|string|value|empty|required|optional|hidden|masked|n\/a)$/i;
const PLACEHOLDER_PART =
  /^(?:your|my|the|an?|enter|insert|put|replace|add|example|sample|dummy|fake|placeholder)[\s_-]|xxxx|\*\*\*|<[^>]*>|\{\{|\$\{|%\([a-z_]+\)s|^\$[A-Za-z_{(]|^%[A-Za-z_]+%$|^@[A-Za-z_]+@$|\[REDACTED:/i;

/** Whether a value is an obvious placeholder, template or reference rather than a secret. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || PLACEHOLDER_PART.test(value);
}

/** Whether the value repeats one short unit (`abababab`, `aaaa`), which real secrets never do. */
export function isRepetitive(value: string): boolean {
  if (value.length < 4) return false;
  for (let unit = 1; unit <= 4; unit++) {
    let repeats = true;
    for (let i = unit; i < value.length; i++) {
      if (value[i] !== value[i - unit]) {
        repeats = false;
        break;
      }
    }
    if (repeats) return true;
  }
  return false;
}

/** Whether a value looks like a real random token: long enough, mixed and high entropy. */
export function looksRandom(
  value: string,
  options: { minLength?: number; minEntropy?: number } = {},
): boolean {
  const minLength = options.minLength ?? 16;
  const minEntropy = options.minEntropy ?? 3.2;
  if (value.length < minLength) return false;
  if (isRepetitive(value) || isPlaceholder(value)) return false;
  if (!/[0-9]/.test(value) && characterClasses(value) < 3) return false;
  return shannonEntropy(value) >= minEntropy;
}

/** How far line lookups reach: a detector never pays for more than this on a huge line. */
const LINE_REACH = 400;

/** The text from the start of the line (at most LINE_REACH back) up to `pos`. */
export function lineBefore(text: string, pos: number): string {
  const floor = Math.max(0, pos - LINE_REACH);
  let i = pos;
  while (i > floor && text.charCodeAt(i - 1) !== 10) i--;
  return text.slice(i, pos);
}

/** The text from `pos` to the end of the line (at most LINE_REACH ahead). */
export function lineAfter(text: string, pos: number): string {
  const ceiling = Math.min(text.length, pos + LINE_REACH);
  let i = pos;
  while (i < ceiling && text.charCodeAt(i) !== 10) i++;
  return text.slice(pos, i);
}
