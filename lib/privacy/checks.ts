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

/**
 * Card numbers the payment networks and processors publish for testing (Stripe, Braintree,
 * Adyen, PayPal docs): in tests and documentation, never a person's card.
 */
const TEST_CARDS = new Set([
  "4111111111111111",
  "4242424242424242",
  "4012888888881881",
  "4222222222222",
  "4000056655665556",
  "4005519200000004",
  "4009348888881881",
  "4012000033330026",
  "4012000077777777",
  "4217651111111119",
  "4500600000000061",
  "4988438843884305",
  "4917610000000000",
  "4484070000000000",
  "5555555555554444",
  "5105105105105100",
  "2223003122003222",
  "5200828282828210",
  "5431111111111111",
  "2221000000000009",
  "5454545454545454",
  "378282246310005",
  "371449635398431",
  "378734493671000",
  "340000000000009",
  "370000000000002",
  "6011111111111117",
  "6011000990139424",
  "6011601160116611",
  "6445644564456445",
  "30569309025904",
  "38520000023237",
  "36227206271667",
  "3056930009020004",
  "3530111333300000",
  "3566002020360505",
  "3566111111111113",
  "6200000000000005",
  "6759649826438453",
]);

/**
 * Whether a card number is a published test number, or has the filler shape test numbers have
 * (at most three distinct digits: `4000 0000 0000 0002`, `5454 5454 5454 5454`).
 */
export function isTestCard(digits: string): boolean {
  return TEST_CARDS.has(digits) || new Set(digits).size <= 3;
}

/** A lookup of ASCII characters by UTF-16 code unit: `set[c] === 1` for each one in `chars`. */
export function asciiSet(chars: string): Uint8Array {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}

/** How many of lower, upper, digit, other a value mixes. */
export function characterClasses(value: string): number {
  // One pass over the code units: bit 1 lower, 2 upper, 4 digit, 8 anything else.
  let seen = 0;
  for (let i = 0; i < value.length && seen !== 15; i++) {
    const c = value.charCodeAt(i);
    seen |= c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 4 : 8;
  }
  return (seen & 1) + ((seen >> 1) & 1) + ((seen >> 2) & 1) + ((seen >> 3) & 1);
}

const PLACEHOLDER =
  /^(?:x+|\*+|\.+|-+|_+|#+|0+|1234(?:5678?)?|changeme|change_me|example|sample|dummy|fake|foo|bar|baz|test|todo|tbd|none|null|nil|undefined|true|false|redacted|secrets?|passwords?|passwd|pass|pwd|pw|tokens?|keys?|credentials?|string|value|empty|required|optional|hidden|masked|n\/a|mysecretpassword|minioadmin|postgres|guest|root|toor)$/i;
/**
 * `your_api_key`, `a-token`: a word follows the article (a random `A_4ERB…` is no placeholder,
 * nor is a password mixing cases and digits such as `My-Cnf-Quoted-5`).
 */
const PLACEHOLDER_ARTICLE =
  /^(?:your|my|the|an?|enter|insert|put|replace|add|example|sample|dummy|fake|placeholder)[\s_-](?=[a-z]{2,}(?:[\s_.\d-]|$))/i;
const PLACEHOLDER_PART =
  /xxxx|\*\*\*|<[^>]*>|\{\{|\$\{|%\([a-z_]+\)s|^\$[A-Za-z_{(]|^%[A-Za-z_]+%$|^@[A-Za-z_]+@$|\[REDACTED:/i;

/**
 * A reference to a secret kept elsewhere, not the secret: secret-manager URIs (`op://vault/item`,
 * `bws://…`, `doppler://…`, `vault:secret/data/db#password`, `ssm:/prod/db`), AWS ARNs, Google
 * Secret Manager names, Azure Key Vault references, Ruby and Concourse interpolations.
 */
const SECRET_REFERENCE =
  /^(?:(?:op|bws|doppler|infisical|akv|azkv|keyvault|vault|sm|gsm|gcpsm|awssm|secretsmanager|ssm|sops|conjur|keeper|lastpass|bitwarden|onepassword|gopass|kv|kms|awskms|gcpkms|azurekeyvault|secrets?)(?::\/\/|:(?=[\w/]))|ref\+\w+:\/\/|(?:arn:)?aws[\w-]*:[a-z0-9-]{2,32}:[a-z0-9-]*:(?:\d{12})?:|projects\/[^/\s]+\/secrets\/|@Microsoft\.KeyVault\(|\(\([\w./-]+\)\)$|!{1,2}(?:Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|Base64|If|Split|secret|env_var|env|ENV|vault|include|reference|python\/[\w:.]+)\b|\[(?:parameters|variables|reference)\(|@@\w+@@$|__[A-Z][A-Z0-9_]*__$)|#\{\s*ENV\b/;

/** Whether a value is an obvious placeholder, template or reference rather than a secret. */
export function isPlaceholder(value: string): boolean {
  const article = PLACEHOLDER_ARTICLE.test(value) &&
    !(/\d/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && value.length >= 10);
  return PLACEHOLDER.test(value) || article ||
    PLACEHOLDER_PART.test(value) || SECRET_REFERENCE.test(value);
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
  // The native search over the reach alone (a slice shares the text's characters).
  const reach = text.slice(Math.max(0, pos - LINE_REACH), pos);
  return reach.slice(reach.lastIndexOf("\n") + 1);
}

/** The text from `pos` to the end of the line (at most `max`, LINE_REACH by default, ahead). */
export function lineAfter(text: string, pos: number, max = LINE_REACH): string {
  const reach = text.slice(pos, pos + max);
  const end = reach.indexOf("\n");
  return end === -1 ? reach : reach.slice(0, end);
}

/** Whether an IBAN (spaces allowed) has a known length for its country and passes mod-97. */
export function passesIban(value: string): boolean {
  const iban = value.replace(/[\s-]/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length === undefined || iban.length !== length) return false;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/**
 * IBANs that banks, standards bodies and payment providers print as examples (ECBS, SWIFT's
 * registry, national banking associations): in documentation, never a person's account.
 */
const EXAMPLE_IBANS = new Set([
  "DE89370400440532013000",
  "GB82WEST12345698765432",
  "GB29NWBK60161331926819",
  "FR1420041010050500013M02606",
  "FR7630006000011234567890189",
  "NL91ABNA0417164300",
  "ES9121000418450200051332",
  "IT60X0542811101000000123456",
  "BE68539007547034",
  "BE71096123456769",
  "CH9300762011623852957",
  "AT611904300234573201",
  "PL61109010140000071219812874",
  "NO9386011117947",
  "SE4550000000058398257466",
  "DK5000400440116243",
  "FI2112345600000785",
  "PT50000201231234567890154",
  "IE29AIBK93115212345678",
  "LU280019400644750000",
]);

/** Whether an IBAN (spaces allowed) is one of the examples printed in documentation. */
export function isExampleIban(value: string): boolean {
  return EXAMPLE_IBANS.has(value.replace(/[\s-]/g, "").toUpperCase());
}

/** The remainder mod 97 of an alphanumeric string read as digits (A=10 … Z=35). */
export function mod97(value: string): number {
  let rest = 0;
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rest;
}

/** IBAN lengths of the SEPA countries and the others most often met. */
export const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  BR: 29,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SA: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TR: 26,
  AE: 23,
  IL: 23,
  QA: 29,
  UA: 29,
  MA: 28,
};

/** Whether a French NIR (13 digits + 2-digit key, Corsica 2A/2B allowed) has a valid key. */
export function passesNir(value: string): boolean {
  const nir = value.replace(/[\s.-]/g, "").toUpperCase();
  const m = /^([12]\d{4})(2A|2B|\d{2})(\d{6})(\d{2})$/.exec(nir);
  if (!m) return false;
  const dept = m[2] === "2A" ? "19" : m[2] === "2B" ? "18" : m[2]!;
  const body = BigInt(m[1]! + dept + m[3]!);
  return 97n - (body % 97n) === BigInt(m[4]!);
}

/** Whether a Dutch BSN (9 digits) passes the eleven test. */
export function passesBsn(value: string): boolean {
  const bsn = value.replace(/[\s.-]/g, "");
  if (!/^\d{9}$/.test(bsn) || /^0{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (bsn.charCodeAt(i) - 48);
  sum -= bsn.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/** The two check digits of a Turkish identity number (TC kimlik no) for its first nine. */
export function tcKimlikCheckDigits(nine: string): string {
  const d = Array.from(nine, (c) => c.charCodeAt(0) - 48);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  return `${tenth}${(d.reduce((a, b) => a + b, 0) + tenth) % 10}`;
}

/** Turkish identity number (TC kimlik no): 11 digits, the last two check digits of the others. */
export function passesTcKimlik(value: string): boolean {
  return /^[1-9]\d{10}$/.test(value) && tcKimlikCheckDigits(value.slice(0, 9)) === value.slice(9);
}

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

/** Whether a Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter) checks. */
export function passesDni(value: string): boolean {
  const v = value.replace(/[\s-]/g, "").toUpperCase();
  const m = /^([XYZ]|\d)(\d{7})([A-Z])$/.exec(v);
  if (!m) return false;
  const lead = m[1] === "X" ? "0" : m[1] === "Y" ? "1" : m[1] === "Z" ? "2" : m[1]!;
  return DNI_LETTERS[Number(lead + m[2]) % 23] === m[3];
}

/** The control letter of a Spanish DNI number. */
export function dniLetter(digits: string): string {
  return DNI_LETTERS[Number(digits) % 23]!;
}

/** Whether a Brazilian CPF (11 digits, dots and dash allowed) has valid check digits. */
export function passesCpf(value: string): boolean {
  const cpf = value.replace(/[\s.-]/g, "");
  if (!/^\d{11}$/.test(cpf) || /^(\d)\1{10}$/.test(cpf)) return false;
  return cpfDigit(cpf.slice(0, 9)) === cpf[9] && cpfDigit(cpf.slice(0, 10)) === cpf[10];
}

/** The next CPF check digit for 9 or 10 digits. */
export function cpfDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += (digits.length + 1 - i) * (digits.charCodeAt(i) - 48);
  }
  const rest = (sum * 10) % 11;
  return String(rest === 10 ? 0 : rest);
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** Whether a digit string passes the Verhoeff checksum (Indian Aadhaar numbers). */
export function passesVerhoeff(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![d]!]!;
  }
  return c === 0;
}

/** The Verhoeff check digit to append to `digits`. */
export function verhoeffDigit(digits: string): string {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    c = VERHOEFF_D[c]![VERHOEFF_P[(i + 1) % 8]![d]!]!;
  }
  return String(VERHOEFF_INV[c]);
}

/** Whether a US SSN (AAA-GG-SSSS) is in an issuable range (no 000, 666, 9xx, 00, 0000). */
export function plausibleSsn(value: string): boolean {
  const m = /^(\d{3})[- ]?(\d{2})[- ]?(\d{4})$/.exec(value);
  if (!m) return false;
  const [area, group, serial] = [m[1]!, m[2]!, m[3]!];
  if (area === "000" || area === "666" || area[0] === "9") return false;
  if (group === "00" || serial === "0000") return false;
  return !/^(?:123-?45-?6789|078-?05-?1120|219-?09-?9999)$/.test(value);
}

const PLACEHOLDER_RUN =
  /x{4,}|X{4,}|\*{3,}|\.{3}|…|•{3,}|_{4,}|#{4,}|0{8,}|<[^>]{0,40}>|\{\{|\$\{|(?:change|replace)[-_ ]?me\b|dummy|placeholder|not-?a-?real/i;
/**
 * A Windows environment variable (`%APPDATA%`, `%UserProfile%\…`): upper case inside a value, any
 * case as the whole value or before a path separator. `Otter%Quay%51` is a password.
 */
const WINDOWS_VARIABLE = /%[A-Z_][A-Z0-9_]+%|^%[A-Za-z_]\w*%|%[A-Za-z_]\w*%[\\/]/;
const PLACEHOLDER_WORD =
  /(?:^|[-_.\s/:])(?:your|example|examples|sample|dummy|fake|placeholder|redacted|changeme|insert|replace|here|todo)(?:[-_.\s/:]|$)/i;

/**
 * Whether a detected value is documentation rather than a credential: a real prefix followed by
 * filler (`sk_live_xxxx…`, `ghp_XXXX…`, `AKIAXXXX…`, `sk-...`, `xoxb-your-bot-token`,
 * `<token>`), or AWS's documentation keys (…EXAMPLE, …EXAMPLEKEY).
 */
export function isPlaceholderSecret(value: string): boolean {
  if (PLACEHOLDER.test(value) || SECRET_REFERENCE.test(value)) return true;
  if (PLACEHOLDER_RUN.test(value) || PLACEHOLDER_WORD.test(value)) return true;
  if (WINDOWS_VARIABLE.test(value)) return true;
  // Log filters' own masks: [FILTERED], [REDACTED], [MASKED].
  if (/^\[[A-Z_ ]{3,20}\]$/.test(value)) return true;
  return /EXAMPLE(?:KEY)?$/.test(value) || DOCUMENTED_VALUES.has(value) ||
    value.endsWith(JWT_IO_SIGNATURE);
}

/**
 * Tokens that vendors print in their own documentation (Stripe's and GitHub's examples), split
 * so that no scanner reading this file takes them for a leak.
 */
const DOCUMENTED_VALUES = new Set([
  "sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc",
  "pk_test_" + "TYooMQauvdEDq54NiTphI7jx",
  "ghp_" + "16C7e42F292c6912E7710c838347Ae178B4a",
]);
/** The signature of jwt.io's example token, the one every JWT tutorial shows. */
const JWT_IO_SIGNATURE = "SflKxwRJSMeKKF2QT4" + "fwpMeJf36POk6yJV_adQssw5c";

/**
 * Whether an unquoted value has the shape of a password wherever it sits (prose, command lines):
 * 8+ characters, no spaces, three of lower/upper/digit/symbol, and nothing that reads as code.
 */
export function passwordShaped(v: string): boolean {
  if (v.length < 8 || v.length > 256 || /\s/.test(v)) return false;
  if (characterClasses(v) < 3 || !/[A-Za-z]/.test(v)) return false;
  if (/[(){}[\];<>"'`\\]|^[$%@&*]|^-|=>|->|::/.test(v)) return false;
  if (/^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+[!?]?$/.test(v)) return false; // member expression
  if (/^(?:https?:|file:|\/|\.\.?\/|~\/)/.test(v) || /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v)) {
    return false;
  }
  if (/^v?\d+(?:\.\d+)+(?:[-+][\w.]+)?$/.test(v) || /^\d{4}-\d\d-\d\d/.test(v)) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return false; // an env var name
  return !isPlaceholder(v);
}

/**
 * Whether a literal found in structured syntax, a call or a command line is a credential rather
 * than a reference, a flag, a path or a placeholder (stricter in the gate mode).
 */
export function credibleLiteral(value: string, mode: "redact" | "gate"): boolean {
  if (value.length < 4 || /\s/.test(value) || isPlaceholder(value)) return false;
  // The name of a secret (`--secret=db-password`, `key: api-token`), not its value.
  if (
    /^[a-z0-9]+(?:[-_.][a-z0-9]+)*[-_.](?:credentials?|secrets?|passwords?|passwd|pwd|pass|tokens?|keys?)$/
      .test(value)
  ) {
    return false;
  }
  if (/^[-$%{<]|\$\{|\$\(|\{\{/.test(value) || /^(?:https?:|\/|\.\/)/.test(value)) return false;
  if (/^(?:true|false|null|none|yes|no|\d{1,6})$/i.test(value)) return false;
  if (mode === "gate") {
    return passwordShaped(value) || looksRandom(value, { minLength: 16, minEntropy: 3.2 });
  }
  return /[A-Za-z]/.test(value) && /[0-9\W_]/.test(value);
}

/**
 * A password no identifier looks like: letters, a digit and a symbol, and either a symbol other
 * than `-_.` or both cases (`tenant-42` and `db_host_2` are names; `Ember_lake_2031` is not).
 */
export function mixedPassword(v: string): boolean {
  if (!passwordShaped(v) || !/\d/.test(v) || !/[^A-Za-z0-9]/.test(v)) return false;
  return /[^A-Za-z0-9_.-]/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v));
}

/**
 * Whether a value has a credential's shape strongly enough for the gate mode when only prose,
 * a command line or a table names it: a password mixing letters, digits and symbols, or a
 * random token of 16+ characters with a digit.
 */
export function credibleInGate(raw: string): boolean {
  const v = raw.replace(/^["'`]|["'`]$/g, "");
  if (mixedPassword(v)) return true;
  return /^[A-Za-z0-9+/=_~.-]{16,}$/.test(v) && /\d/.test(v) && /[A-Za-z]/.test(v) &&
    looksRandom(v, { minLength: 16, minEntropy: 3.3 });
}

/** Whether a string is an IPv6 address in text form (a trailing dotted IPv4 part allowed). */
export function isIPv6(value: string): boolean {
  const halves = value.split("::");
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === "" ? [] : half.split(":"));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const all = [...head, ...tail];
  let count = all.length;
  // The dotted IPv4 part can only end the address (`::ffff:1.2.3.4`, never `1.2.3.4::`).
  const end = halves.length === 2 ? tail : head;
  const last = end[end.length - 1];
  if (last !== undefined && last.includes(".")) {
    if (
      !/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(
        last,
      )
    ) {
      return false;
    }
    all.pop();
    count++; // the IPv4 part fills two groups
  }
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/**
 * Whether a value at `at` is ciphertext meant to be committed: a Bitnami SealedSecret's
 * `encryptedData` (base64 starting `Ag`), which only the cluster's controller can open.
 */
export function sealedCiphertext(text: string, at: number, value: string): boolean {
  if (!/^Ag[A-Za-z0-9+/]{60,}/.test(value)) return false;
  return /encryptedData:|kind:\s*SealedSecret/.test(text.slice(Math.max(0, at - 4000), at));
}

/**
 * Whether a quoted value reads as a pass phrase: three to eight lowercase words and numbers
 * (`correct horse battery staple`), one of them a word of four letters or more.
 */
export function passphraseShaped(value: string): boolean {
  return value.length <= 64 && /^[a-z0-9][a-z0-9-]*(?: [a-z0-9-]+){2,7}$/.test(value) &&
    /[a-z]{4}/.test(value) && !isPlaceholder(value);
}

/** One token of a line read backwards (lastTokens): its text and where it starts in the string it was read from. */
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
