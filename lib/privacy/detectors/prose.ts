// Secrets written in sentences, with no operator or after other text: "the db password is X",
// "use token X to …", "admin / X", "set it to X", in English and about thirty other languages
// (Latin keywords in ASCII, the rest in their own script: the keyword pass folds case for both).
import type { Detector, MatchContext, Span } from "../detector.ts";
import {
  isPlaceholder,
  lastTokens,
  lineAfter,
  lineBefore,
  looksRandom,
  mixedPassword,
  passphraseShaped,
  passwordShaped,
  sealedCiphertext,
} from "../checks.ts";
import { Charset, fakeToken } from "../fake.ts";

/** Words that link a secret's name to its value ("is", "lautet", "est", ":" …). */
const COPULAS = new Set([
  "is",
  "was",
  "are",
  "be",
  "becomes",
  "lautet",
  "ist",
  "war",
  "est",
  "était",
  "es",
  "era",
  "é",
  "è",
  "är",
  "var",
  "to",
  "je",
  "wynosi",
  "=",
  ":",
  "-",
  "–",
  "—",
  "->",
  "=>",
  "→",
  "⇒",
  "/",
  "with",
  "currently",
  "c'est",
  "it's",
  "it’s",
  "sind",
  "son",
  "são",
  "sono",
  "zijn",
  "jest",
  "este",
  "er",
  "on",
  "adalah",
  "ialah",
  "là",
  "είναι",
  "είναι:",
  "это",
  "—",
  "是",
  "為",
  "为",
  "：",
  "है",
  "हे",
  "هي",
  "هو",
  "היא",
  "הוא",
  "คือ",
]);
/** Links that may also start a qualifier ("login to the admin panel", "password on db-3 is"). */
const WEAK_COPULAS = new Set(["to", "with", "on"]);
/** Words allowed between the copula and the value ("is now X", "is still X"). */
const AFTER_COPULA = new Set([
  "now",
  "still",
  "set",
  "to",
  "just",
  "simply",
  "temporarily",
  "currently",
  "maintenant",
  "jetzt",
  "ahora",
  "agora",
  "ora",
  "nu",
  "teraz",
  "nog",
]);

// A call (`f(`), braces or a statement keyword make a line code; a parenthesis after a space
// is prose ("temp pw X (change on first login)").
const CODE_LINE = /;\s*$|[{}]|[\w$\]]\(|=>|\b(?:const|let|var|function|return|import|def|class)\b/;

const OPENERS = new Set([..."\"'`“‘*_("]);
const CLOSERS = new Set([..."\"'`”’*_).,;:!?"]);

/** Strip quotes, Markdown emphasis and trailing sentence punctuation from a token. */
function bare(token: string): { value: string; lead: number } {
  let lead = 0;
  while (lead < token.length && OPENERS.has(token[lead]!)) lead++;
  let end = token.length;
  while (end > lead && CLOSERS.has(token[end - 1]!)) end--;
  return { value: token.slice(lead, end), lead };
}

/**
 * Like `bare`, but a final `!` or `?` stays when it makes the token a mixed password
 * ('admin / Tortilla77!', `ubuntu:Egret77Cove!`): redacting a full stop too costs nothing.
 */
function barePassword(token: string): { value: string; lead: number } {
  const found = bare(token);
  const kept = token.slice(found.lead).replace(/["'`”’)*_]+$/, "");
  return /[!?]$/.test(kept) && mixedPassword(kept) ? { value: kept, lead: found.lead } : found;
}

/** Words joined with a version (`svc-Deploy-v2`, `Auth_Service.v10`): the name of a thing. */
const VERSIONED_NAME = /^[A-Za-z]+(?:[-_.][A-Za-z]+)*[-_.]v\d{1,3}$/;
function isVersionedName(value: string): boolean {
  const last = value.charCodeAt(value.length - 1);
  return last >= 48 && last <= 57 && value.includes("v") && VERSIONED_NAME.test(value);
}
/** A word that names the value after it as an identifier ("request id X", "commit X"). */
const ID_WORD =
  /^(?:ids?|identifier|uuid|guid|commit|sha|hash|digest|checksum|trace|request|correlation|ref|reference|nonce|etag|build|run|job)$/i;

/** Whether a bare token reads as a secret value in a sentence. */
function secretLike(value: string, codeLine: boolean): boolean {
  if (value.length < 6 || value.length > 256) return false;
  // A protocol and its version (`POST /login HTTP/1.1`), not a password.
  if (/^(?:HTTP|HTTPS|SSH|TLS|SSL|SMTP|IMAP|SPDY)\/[\d.]+$/i.test(value)) return false;
  // An algorithm and its size (`RSA-4096`, `AES_256`, `HS512`), not a password.
  if (/^(?:RSA|DSA|ECDSA|EC|Ed|AES|SHA|HMAC|HS|RS|ES|PS|P|TLS|SSL)[-_]?\d{2,5}$/i.test(value)) {
    return false;
  }
  if (
    value.length >= 16 && /^[A-Za-z0-9+/=_~.-]+$/.test(value) && /\d/.test(value) &&
    looksRandom(value, { minLength: 16, minEntropy: 3.2 })
  ) return true;
  if (isVersionedName(value)) return false;
  // An identifier in a line of code (`token: TokenType2`) is code, not a password.
  if (codeLine && /^[A-Za-z_$][\w$]*$/.test(value)) return false;
  return passwordShaped(value);
}

/** A value no sentence would hold unless it is a credential: a mixed password or a random token. */
function strongValue(value: string): boolean {
  // A log's `key=value` field or a path is not the value of the sentence.
  if (/^[A-Za-z_][\w.-]*[=:]|\//.test(value)) return false;
  if (isVersionedName(value)) return false;
  if (mixedPassword(value)) return true;
  // A random token: mixed case and two digits or more (identifiers have at most a version).
  return value.length >= 16 && /^[A-Za-z0-9+/=_~.-]+$/.test(value) && /\d.*\d/.test(value) &&
    /[a-z]/.test(value) && /[A-Z]/.test(value) &&
    looksRandom(value, { minLength: 16, minEntropy: 3.5 });
}

/** A letter or a combining mark of any script. */
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/** The first `n` runs of non-blank characters, with their offsets (matchAll's, cut short). */
function firstTokens(text: string, n: number): RegExpExecArray[] {
  const tokens: RegExpExecArray[] = [];
  const run = /\S+/g;
  for (let m = run.exec(text); m && tokens.length < n; m = run.exec(text)) tokens.push(m);
  return tokens;
}

/** English secret names, which the assignment detectors read when they are followed by `=`. */
const ENGLISH_NAME =
  /^(?:password|passwd|passphrase|passcode|pass|pwd|pw|secret|token|api[ -]?key|credentials|creds|login|psk|p|key)$/i;

/** A long random token: mixed case and digits, 20+ characters. */
function randomToken(value: string): boolean {
  return value.length >= 20 && /^[A-Za-z0-9+/=_~.-]+$/.test(value) && /\d/.test(value) &&
    /[a-z]/.test(value) && /[A-Z]/.test(value) &&
    looksRandom(value, { minLength: 20, minEntropy: 3.8 });
}

/** Words between a value and the name after it ("use X as the password", "X is our token"). */
const BEFORE_NAME = new Set([
  "the",
  "our",
  "my",
  "your",
  "his",
  "her",
  "their",
  "a",
  "an",
  "new",
  "temporary",
  "temp",
  "default",
  "current",
  "admin",
  "root",
  "shared",
  "db",
  "api",
]);
const LINKS_BEFORE = new Set(["as", "is", "was", "=", ":", "-", "–", "—", "->", "→"]);

/** The value before a secret's name ("use X as the password", "X is the password for …"). */
function valueBefore(text: string, keywordStart: number): { start: number; end: number } | null {
  const before = lineBefore(text, keywordStart).slice(-160);
  // The line's last five tokens, last first: at most three qualifiers, the link, the value.
  const tokens = lastTokens(before, 5);
  let k = 0;
  while (k < tokens.length && BEFORE_NAME.has(tokens[k]!.text.toLowerCase()) && k < 3) k++;
  if (k + 1 >= tokens.length || !LINKS_BEFORE.has(tokens[k]!.text.toLowerCase())) return null;
  const token = tokens[k + 1]!;
  const { value, lead } = bare(token.text);
  if (!strongValue(value)) return null;
  const start = keywordStart - before.length + token.index + lead;
  return { start, end: start + value.length };
}

/** Phrases that give a value without naming a secret: only a credential's shape follows them. */
const WEAK_NAME =
  /^(?:(?:set|changed|reset|rotated|updated) (?:it )?to|(?:new|old) one|now it'?s|(?:door|wifi|wi-fi|access|entry|gate|alarm|recovery|backup) codes?)$/i;

/** A code people type on a keypad or keep for account recovery: its value may be digits only. */
const CODE_NAME = /^(?:door|access|entry|gate|alarm|recovery|backup) codes?$/i;

/**
 * The digits after a code's name and its copula ("the alarm code for the back door is 4 8 1 7 0
 * 2", "Your recovery code is 276207-799396"): four to sixteen digits, grouped or spaced.
 */
function digitCode({ text, end }: MatchContext): { start: number; end: number } | null {
  const m = /^[^.\r\n]{0,48}?(?:\bis|\bare|\bwas|:)[ \t]{1,3}(\d(?:[ -]?\d){3,15})(?![\w-])/i.exec(
    lineAfter(text, end, 120),
  );
  if (!m) return null;
  const start = end + m[0].length - m[1]!.length;
  return { start, end: start + m[1]!.length };
}

/** The value a sentence gives a secret's name: after it, else before it. */
function valueNear(ctx: MatchContext): { start: number; end: number } | null {
  const found = valueNearAny(ctx);
  if (found && sealedCiphertext(ctx.text, found.start, ctx.text.slice(found.start, found.end))) {
    return null;
  }
  return found;
}

function valueNearAny(ctx: MatchContext): { start: number; end: number } | null {
  if (WEAK_NAME.test(ctx.match[0])) {
    if (CODE_NAME.test(ctx.match[0])) {
      const digits = digitCode(ctx);
      if (digits) return digits;
    }
    const found = valueAfter(ctx);
    return found && strongValue(ctx.text.slice(found.start, found.end)) ? found : null;
  }
  return valueAfter(ctx) ?? valueOnNextLine(ctx) ?? valueBefore(ctx.text, ctx.match.index) ??
    valueOnLine(ctx);
}

/** Words of a password rule or an example: the value shows a shape, it is no one's password. */
const EXAMPLE_OR_RULE =
  /e\.g\.|\beg\b|for example|for instance|such as|z\. ?b\.|\bpolicy|\bmust\b|at least|characters|\brules?\b/i;

/**
 * Words joined by `-_.` ending in a number: a generated password (`Heron-Quarry-5512`), not a
 * title with a year (`Total-Cost-2026`).
 */
const WORDS_AND_NUMBER =
  /^[A-Z][a-z]{2,}(?:[-_.][A-Z][a-z]{2,}){1,3}[-_.](?!(?:19|20)\d\d$)\d{2,6}$/;

/**
 * The one value of a sentence's line that can only be a password, wherever it sits ("can you
 * try with X? that's the new root password"): both cases, a digit and a symbol other than
 * `-_.`, at most twelve words from a password's name, in a line that is not code.
 */
function valueOnLine({ text, match, end }: MatchContext): { start: number; end: number } | null {
  // Only a password's name: a token or key is named by code and logs far more often.
  if (!/pass|pw|mdp|senha|kennwort|wachtwoord|contrase|has[łl]o|l[öo]senord/i.test(match[0])) {
    return null;
  }
  const after = lineAfter(text, end, 240);
  // The password has a digit and a symbol other than `-_.`: most lines naming one have neither.
  const near = text.slice(Math.max(0, match.index - 120), match.index) + after;
  if (!/\d/.test(near) || !/[!#$%&*+?@^~=]/.test(near)) return null;
  const before = lineBefore(text, match.index);
  if (CODE_LINE.test(before + after) || before.length + after.length > 240) return null;
  // A rule or an example of one ("e.g. X is OK", "must contain at least …"), not a password.
  if (EXAMPLE_OR_RULE.test(before + after)) return null;
  const lineStart = match.index - before.length;
  const candidates = [
    ...lastTokens(before, 12).map((t) => ({ raw: t.text, at: lineStart + t.index })),
    ...firstTokens(after, 12).map((m) => ({ raw: m[0], at: end + m.index })),
  ];
  let found: { start: number; end: number } | null = null;
  for (const { raw, at } of candidates) {
    const { value, lead } = barePassword(raw);
    if (/[\/=:@]/.test(value) || isPlaceholder(value)) continue;
    // Both cases, a digit and a symbol other than `-_.`, in ASCII, and no version (`v0.3.5+`).
    const strong = /^[!-~]+$/.test(value) && mixedPassword(value) && /[a-z]/.test(value) &&
      /[A-Z]/.test(value) && /\d/.test(value) && /[^A-Za-z0-9_.-]/.test(value) &&
      !/^v?\d/.test(value);
    if (!strong) continue;
    // Two candidates: the sentence does not say which one is the password.
    if (found) return null;
    found = { start: at + lead, end: at + lead + value.length };
  }
  return found;
}

/**
 * A value alone on the line below a line that names it and ends in a colon ("The password for
 * the QA mailbox is on the next line:", "Passwort:"), as e-mails and wiki pages write it.
 */
function valueOnNextLine({ text, end }: MatchContext): { start: number; end: number } | null {
  const line = lineAfter(text, end);
  if (!/[:：][ \t]*\r?$/.test(line) || CODE_LINE.test(line) || line.includes("=")) return null;
  let next = end + line.length + 1;
  if (text.charCodeAt(next - 1) !== 10) return null;
  // One blank line may sit between the two.
  if (
    /^[ \t]*\r?$/.test(lineAfter(text, next)) &&
    text.charCodeAt(next + lineAfter(text, next).length) === 10
  ) {
    next += lineAfter(text, next).length + 1;
  }
  const m = /^[ \t]*(\S+)[ \t]*\r?$/.exec(lineAfter(text, next));
  if (!m) return null;
  const { value, lead } = bare(m[1]!);
  if (!strongValue(value) || /[:：]$/.test(m[1]!)) return null;
  const start = next + m[0].indexOf(m[1]!) + lead;
  return { start, end: start + value.length };
}

/** Find the value after a secret's name in the rest of the line, if the sentence gives one. */
function valueAfter(ctx: MatchContext): { start: number; end: number } | null {
  const { text, end } = ctx;
  let at = end;
  // Finish the word the keyword started ("Lösenordet", "passwords", "Passwort:", "şifresi",
  // "パスワードは"); after a keyword in another script only that script's letters continue it
  // ("密码是Long#Ma8842" has no space before the value).
  const latin = text.charCodeAt(end - 1) < 0x370;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    // ASCII letters without the unicode regex (nearly every character here is ASCII).
    if (c < 0x80 ? (c | 32) < 97 || (c | 32) > 122 : !LETTER_OR_MARK.test(text[at]!)) break;
    if (!latin && c < 0x370) break;
    at++;
  }
  // Prose continues with a space, a colon or Markdown emphasis; anything else is an identifier
  // (`secret-key-generator`, `token_type`), a call, an index or an assignment in code.
  // A CamelCase name (`TokenCache`, `PasswordHasher`) is an identifier, not prose.
  if (latin && at > end && /[a-z]/.test(text[end - 1]!) && /[A-Z]/.test(text.slice(end, at))) {
    return null;
  }
  // "password's X": the contraction of "is".
  if (
    (text[at] === "'" || text[at] === "’") && text[at + 1] === "s" && /\s/.test(text[at + 2] ?? "")
  ) {
    at += 2;
  }
  let next = text[at] ?? "";
  // Asked only after `_`, `-` or `=`: most hits are followed by neither.
  let englishName: boolean | undefined;
  const english = () => englishName ??= ENGLISH_NAME.test(text.slice(ctx.match.index, end));
  // `clave_api=X`, `senha_db: X`: another language's word heading a key name.
  if ((next === "_" || next === "-") && latin && !english()) {
    const suffix = /^(?:[_-][A-Za-z0-9]{1,16}){1,3}(?=[=:])/.exec(text.slice(at, at + 60));
    if (suffix) {
      at += suffix[0].length;
      next = text[at] ?? "";
    }
  }
  // `wachtwoord=X`, `senha=X`: another language's word used as a key. English names there are
  // the assignment detectors' (they know code from config).
  if (
    next === "=" && /\S/.test(text[at + 1] ?? "") && !english()
  ) {
    at++;
    next = " ";
  }
  // "the master password, it's X", "the wifi key, which is X": the copula after a comma.
  const aside = next === "," &&
    /^,[ \t]{1,2}(?:it['’]?s|it is|that['’]?s|which is|that is)[ \t]/i.exec(
      text.slice(at, at + 16),
    );
  if (aside) {
    at += aside[0].length - 1;
    next = " ";
  }
  if (next === "：") at++;
  else if (!latin && at > end && /[!-~]/.test(next)) {
    // The value right after the script's own copula or particle.
  } else {
    if (!/^[\s:*]$/.test(next)) return null;
    if (next === ":" && !/^[\s*]$/.test(text[at + 1] ?? "")) return null;
  }
  const rest = lineAfter(text, at, 200);
  const codeLine = CODE_LINE.test(lineBefore(text, end).slice(-120) + rest);
  const tokens = firstTokens(rest, 10);
  let linked = false;
  let weak = false;
  // Words skipped after the link that are neither a qualifier nor a user ("is probably X"):
  // only a credential's own shape may follow them.
  let loose = 0;
  for (let k = 0; k < tokens.length; k++) {
    // A quoted pass phrase after a copula ("the passphrase is 'violet canyon moss 14'").
    if (linked && !codeLine && /^["'`‘“]/.test(tokens[k]![0]) && /pass/i.test(ctx.match[0])) {
      const open = tokens[k]!.index!;
      const phrase = /^["'`‘“]([^"'`’”]{8,64})["'`’”]/.exec(rest.slice(open));
      if (phrase && passphraseShaped(phrase[1]!)) {
        const start = at + open + 1;
        return { start, end: start + phrase[1]!.length };
      }
    }
    // A password is written in ASCII or Latin letters: CJK text glued to it ends it
    // ("パスワードは1Passwordの共有保管庫に…" names a product, then the sentence goes on).
    const raw = tokens[k]![0].replace(/[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef].*$/s, "");
    const { value, lead } = bare(raw);
    // Glued to the sentence, only a mixed password is one ("1Passwordの" is a product).
    if (raw !== tokens[k]![0] && raw !== "" && !strongValue(value)) return null;
    const word = value.toLowerCase();
    // "on" links only right after the name (Finnish "salasana on X", "password on db-3 is X"),
    // never later in a sentence ("… depends on X").
    const copula = COPULAS.has(word) && (word !== "on" || k === 0);
    if (value === "" || copula || COPULAS.has(raw.replace(/\*+/g, ""))) {
      linked = true;
      weak = WEAK_COPULAS.has(word);
      continue;
    }
    if ((k === 0 || linked) && (loose === 0 ? secretLike(value, codeLine) : strongValue(value))) {
      const start = at + tokens[k]!.index! + lead;
      return { start, end: start + value.length };
    }
    // Languages without a copula ("пароль от сервера X", "hasło do bazy X"): a value that
    // cannot be a word, a few qualifiers after the name.
    // A random token (mixed case, digits) may sit a few more words on: "API key for the maps
    // thing X"; no word is that random.
    if (
      !linked && (k <= 3 || (k <= 9 && randomToken(value))) && !codeLine && strongValue(value) &&
      !(k > 0 && ID_WORD.test(bare(tokens[k - 1]![0]).value))
    ) {
      const start = at + tokens[k]!.index! + lead;
      return { start, end: start + value.length };
    }
    // "with admin:X": a user and its password joined by a colon.
    const pair = /^[\w.@-]{1,32}:(\S{6,})$/.exec(value);
    // Not a reference to a secret kept elsewhere (`bws://…`, `arn:aws:secretsmanager:…`).
    if (pair && !isPlaceholder(value) && secretLike(pair[1]!, codeLine)) {
      const start = at + tokens[k]!.index! + lead + value.length - pair[1]!.length;
      return { start, end: start + pair[1]!.length };
    }
    // "router: admin / X": a user name before a slash.
    if (tokens[k + 1]?.[0] === "/") continue;
    if (linked) {
      // After "to"/"with" a qualifier may follow ("login to the admin panel with admin:X").
      if (AFTER_COPULA.has(word) || weak) continue;
      // A user name, then its password ("the creds are admin X").
      const following = tokens[k + 1] ? bare(tokens[k + 1]![0]).value : "";
      if (/^[\w.@-]{1,32}$/.test(value) && strongValue(following)) continue;
      // A few more words of the same sentence ("is probably still X", "was the old X"): a
      // credential's shape after them, nothing weaker.
      if (!codeLine && loose < 3 && /^[A-Za-z'’-]{1,16}$/.test(raw)) {
        loose++;
        continue;
      }
      return null;
    }
    // Before the copula: a qualifier ("for the jenkins admin account", "on db-3"); a name
    // ending in ":" links like a copula; sentence punctuation ends the search.
    if (raw.endsWith(":")) {
      linked = true;
      continue;
    }
    // A comma continues the sentence ("reset done, new one: X"); a full stop ends it.
    if (/[.?!;]$/.test(raw)) return null;
  }
  return null;
}

/** Small words every English sentence has and no BIP-39 phrase does. */
const SENTENCE_WORDS = new Set([
  "the",
  "and",
  "for",
  "you",
  "with",
  "that",
  "this",
  "are",
  "was",
  "have",
  "not",
  "but",
  "from",
  "they",
  "will",
  "your",
  "our",
  "can",
  "when",
  "their",
  "its",
  "into",
]);

const KEYWORDS = [
  "password",
  "passwd",
  "passphrase",
  "passcode",
  "pass ",
  "pass:",
  "pwd",
  "secret",
  "token",
  "api key",
  "api-key",
  "apikey",
  "credentials",
  "creds",
  "set it to",
  "changed it to",
  "reset it to",
  "changed to",
  "reset to",
  "rotated to",
  "rotated it to",
  "updated to",
  "updated it to",
  "new one is",
  "now it's",
  "door code",
  "recovery code",
  "backup code",
  "alarm code",
  "gate code",
  "entry code",
  "wifi code",
  "access code",
  "mot de passe",
  "mdp",
  "jeton",
  "passwort",
  "kennwort",
  "schlussel",
  "schluessel",
  "api-schlussel",
  "contrasena",
  "clave",
  "senha",
  "wachtwoord",
  "haslo",
  "losenord",
  "parola d'ordine",
  "pw",
  "logging in as",
  "log in as",
  "login as",
  "sign in as",
  "login",
  "log in",
  "shared key",
  "pre-shared key",
  "psk",
  "p:",
  "key is",
  "key was",
  "account:",
  "the key ",
  "this key ",
  "that key ",
  "my key ",
  "our key ",
  "your key ",
  "new key ",
  "old key ",
  "access key ",
  "encryption key",
  "signing key",
  "master key",
  "admin key",
  "write key",
  "server key",
  "service key",
  "license key",
  "licence key",
  "secret key",
  "zugangsdaten",
  "credenciales",
  "credenziali",
  "identifiants",
  "inloggegevens",
  "credenciais",
  // Other Latin-script languages, in ASCII (the keyword pass folds diacritics).
  "sifre",
  "parola",
  "jelszo",
  "salasana",
  "heslo",
  "kata sandi",
  "kata laluan",
  "mat khau",
  "adgangskode",
  "passord",
  "tunnuss",
  "lozinka",
  "geslo",
  "slaptazodis",
  "parole",
  "parool",
  "mima",
  "zugangstoken",
  "zugriffstoken",
  "cle",
  "chave",
  "chiave",
  "sleutel",
  "klucz",
  "nyckel",
  "nogle",
  "nokkel",
  "avain",
  "kulcs",
  "anahtar",
  "cheie",
  "kljuc",
  // Other scripts.
  "пароль",
  "парола",
  "токен",
  "ключ",
  "κωδικ",
  "συνθηματικ",
  "パスワード",
  "暗証番号",
  "トークン",
  "apiキー",
  "api キー",
  "密钥",
  "密鑰",
  "api키",
  "api 키",
  "密码",
  "密碼",
  "口令",
  "令牌",
  "비밀번호",
  "비번",
  "암호",
  "패스워드",
  "토큰",
  "كلمة المرور",
  "كلمة السر",
  "סיסמה",
  "סיסמא",
  "पासवर्ड",
  "รหัสผ่าน",
  "رمز عبور",
];

/** Field names whose value is an identifier or a name, not a credential. */
const ID_FIELD =
  /^(?:ids?|uuid|guid|key|hash|sha|digest|etag|trace|span|request|commit|ref|nonce|state|code|user|name|url|host|path|kid|jti|sub|iss|aud)$/i;
/** The words that name a credential, wherever they sit (`$DEPLOY_TOKEN`, "client secret"). */
const CREDENTIAL_WORD = /token(?!i[sz])|secret(?!ar)|passw|credential|api[ _-]?key|apikey/i;
/** Words on the line that make a random value a digest, an identifier or an example instead. */
const NOT_A_CREDENTIAL =
  /public[ _-]?key|publishable|sha-?\d|md5|hash|digest|checksum|integrity|fingerprint|nonce|csrf|commit|uuid|request[ _-]?id|trace|correlation|etag|cache|example|sample|placeholder|dummy|fake|mock|encrypted|cipher/i;

/**
 * A random token by its shape alone: 20+ characters mixing cases and at least two digits, high
 * entropy, and the case or kind changing often (`ProcessTokenRefresh2Handler` is a name).
 */
function randomByShape(value: string): boolean {
  if (!/\d\D*\d/.test(value) || !/[a-z]/.test(value) || !/[A-Z]/.test(value)) return false;
  if (!looksRandom(value, { minLength: 20, minEntropy: 3.8 })) return false;
  const changes = value.match(/[a-z](?=[A-Z0-9])|[A-Z](?=[a-z0-9])|[0-9](?=[A-Za-z])/g)?.length ??
    0;
  return changes >= value.length / 4;
}

/** Where a random token ends: whitespace, quotes, brackets, separators. */
const TOKEN_SPLIT = /[^\s"'`,;()<>[\]{}|]+/g;

/**
 * A random token after a credential's name on its line, or on the line below it (one blank line
 * allowed): a CI log echoing `$DEPLOY_TOKEN`, "here is the new client secret:" then the value.
 * Not after another field's key, not in a URL, not a token-named call's output.
 */
function randomNearCredentialWord({ text, start, end }: MatchContext): Span | null {
  const line = lineAfter(text, end, 160);
  const found = randomIn(text, line, end, start);
  if (found !== undefined) return found;
  // The line below only under a label or a line ending soon after the name ("client secret:",
  // `echo "… $DEPLOY_TOKEN"`).
  if (line.length > 40) return null;
  let next = end + line.length + 1;
  if (text.charCodeAt(next - 1) !== 10) return null;
  let below = lineAfter(text, next, 160);
  if (/^[ \t]*\r?$/.test(below) && text.charCodeAt(next + below.length) === 10) {
    next += below.length + 1;
    below = lineAfter(text, next, 160);
  }
  return randomIn(text, below, next, start) ?? null;
}

/**
 * The first random token of `part` (which starts at `base`), null when one is there but belongs
 * to something else, undefined when there is none. `name` is where the credential's name is.
 */
function randomIn(text: string, part: string, base: number, name: number): Span | null | undefined {
  // Most lines hold no run of 20 token characters with both cases and digits: one pass skips them.
  if (!hasRandomRun(part)) return undefined;
  for (const m of part.matchAll(TOKEN_SPLIT)) {
    const raw = m[0];
    if (raw.length < 20 || !mixesCasesAndDigits(raw)) continue;
    const lead = /^[^A-Za-z0-9]*/.exec(raw)![0].length;
    const value = raw.slice(lead).replace(/[^A-Za-z0-9=]+$/, "");
    if (value.length < 20 || value.length > 128 || /[^A-Za-z0-9_+/=-]/.test(value)) continue;
    // `kid=…`: a field and its value, which the assignment detectors read by the field's name.
    if (/=(?!=*$)/.test(value)) continue;
    if (!randomByShape(value)) continue;
    const at = base + m.index! + lead;
    if (sealedCiphertext(text, at, value)) return null;
    const before = lineBefore(text, at);
    // A structured key or an id word names the value; a sentence's word before a colon does not.
    const field = /([\w.-]+)["']?[ \t]*([:=])[ \t]*["']?$/.exec(before);
    if (
      field && !CREDENTIAL_WORD.test(field[1]!) &&
      (field[2] === "=" || /[_.-]/.test(field[1]!) || ID_FIELD.test(field[1]!))
    ) return null;
    if (/:\/\/\S*$|[\w+/=.@#$%&?\\-]$/.test(before)) return null;
    const named = lineBefore(text, name) + lineAfter(text, name);
    if (NOT_A_CREDENTIAL.test(named) || NOT_A_CREDENTIAL.test(before + lineAfter(text, at))) {
      return null;
    }
    return { start: at, end: at + value.length };
  }
  return undefined;
}

/** Whether a string has a lowercase letter, an uppercase letter and two digits (one pass). */
function mixesCasesAndDigits(value: string): boolean {
  let lower = false;
  let upper = false;
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digits++;
  }
  return lower && upper && digits >= 2;
}

/** Whether a text has a run of 20+ token characters with both cases and two digits. */
function hasRandomRun(part: string): boolean {
  let run = 0;
  let lower = false;
  let upper = false;
  let digits = 0;
  for (let i = 0; i <= part.length; i++) {
    const c = i < part.length ? part.charCodeAt(i) : 32;
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digits++;
    else if (c !== 95 && c !== 43 && c !== 47 && c !== 61 && c !== 45) {
      if (run >= 20 && lower && upper && digits >= 2) return true;
      run = 0;
      lower = upper = false;
      digits = 0;
      continue;
    }
    run++;
  }
  return false;
}

/** Prose detectors. */
export const proseDetectors = (): Detector[] => [
  {
    id: "wallet-mnemonic",
    category: "private-key",
    description:
      "A wallet's recovery phrase (12 to 24 lowercase words, BIP-39) after a seed or wallet word",
    keywords: ["mnemonic", "seed phrase", "recovery phrase", "seed words", "wallet"],
    pattern: /(?<![A-Za-z-])[a-z]{3,8}(?:[ \t]{1,2}[a-z]{3,8}){11,23}(?![A-Za-z-])/,
    window: { before: 0, after: 280 },
    tier: 2,
    refine: ({ text, start, end }) => {
      const words = text.slice(start, end).split(/[ \t]+/);
      if (words.length % 3 !== 0) return null;
      // A sentence has its small words; a BIP-39 phrase has none of them.
      if (words.some((w) => SENTENCE_WORDS.has(w))) return null;
      return new Set(words).size >= words.length - 2 ? { start, end } : null;
    },
    examples: {
      match: [
        "seed phrase: fossil canyon mirror velvet orbit lunch ticket habit spider dune glove raven",
        "wallet backup (keep offline): " +
        "apple breeze cactus donkey eagle fabric garlic harbor island jacket kettle lemon " +
        "magnet napkin oyster",
        "MNEMONIC='quartz bamboo velvet hollow pepper tunnel walnut glimpse meadow ripple anchor " +
        "forest'",
      ],
      ignore: [
        "wallet: make sure users can export their keys from the settings page and more",
        "wallet service restarts every night when the batch window opens again later today",
        "mnemonic: the words shown once on setup, written down by hand and kept offline",
      ],
    },
  },
  {
    id: "random-token-near-secret-word",
    category: "generic-high-entropy",
    description:
      "A random token on the line of a credential's name or the line below it (a CI log echoing $DEPLOY_TOKEN, a pasted client secret)",
    // Not at a password's name: a password is rarely random, and the prose and assignment
    // detectors read it by its own shape (code names passwords far more often than tokens).
    keywords: [
      "token",
      "secret",
      "credential",
      "api_key",
      "apikey",
      "api key",
      "api-key",
    ],
    // At the name, as prose, a label or a variable writes it (space, a quote, a colon or the
    // line's end after it; a column or environment name with `_` may end a list); in code it is
    // mostly a member, a call or an argument (`token.value`, `token(`). The refine reads the rest
    // of the line and the line below.
    pattern:
      /(?:token(?!i[sz])|secret(?!ar)|credential|api[ _-]?key|apikey)[\w$]*(?:(?=[\s"'\x60:*>]|$)|(?<=_\w*)(?=[,)]))/i,
    tier: 1,
    gate: false,
    refine: randomNearCredentialWord,
    examples: {
      match: [
        `Run echo "deploying with $DEPLOY_TOKEN"\ndeploying with ${
          fakeToken("rt1", Charset.alnum, 40)
        }`,
        `new client secret for the portal, rotate it in May: ${
          fakeToken("rt2", Charset.alnum, 36)
        }`,
        `COPY api_clients (id, client_secret) FROM stdin;\n3\t${
          fakeToken("rt3", Charset.alnum, 43)
        }`,
      ],
      ignore: [
        `token request failed, request id ${fakeToken("rt4", Charset.alnum, 32)}`,
        `the token refresh handler is ProcessTokenRefreshHandlerForUser2Fa`,
        `secret rotation commit ${fakeToken("rt5", Charset.alnum, 40)}`,
      ],
    },
  },
  {
    id: "secret-in-prose",
    category: "password-assignment",
    description:
      'A password, token or key given in a sentence ("the db password is …", "use token … to"), in ten languages',
    keywords: KEYWORDS,
    pattern:
      // No `u` flag: the keyword's left edge is checked with Latin ranges, which is much cheaper.
      // Words that languages compound (Datenbankpasswort, databaslösenord, API-sleutel) and
      // keywords in other scripts (API密钥) need no left edge.
      /(?:passwort|kennwort|schl(?:[üu]|ue)ssel|wachtwoord|l[öo]senord|salasana|adgangskode|passord|zugangstoken|zugriffstoken|sleutel|nyckel|n[øo]gle|klucz|пароль|парола|токен|ключ|κωδικ|συνθηματικ|パスワード|暗証番号|トークン|api ?キー|密钥|密鑰|api ?키|密码|密碼|口令|令牌|비밀번호|비번|암호|패스워드|토큰|كلمة المرور|كلمة السر|סיסמה|סיסמא|पासवर्ड|รหัสผ่าน|رمز عبور)|(?<![A-Za-z0-9_.$\u00C0-\u024F-])(?:password|passwd|passphrase|passcode|pass|pwd|secret|token|api[ -]?key|credentials|creds|(?:set|changed|reset|rotated|updated) (?:it )?to(?= )|(?:new|old) one(?= is )|now it'?s(?= )|(?:door|wifi|wi-fi|access|entry|gate|alarm|recovery|backup) codes?|mot de passe|mdp|jeton|passwort|kennwort|api-schl[üu]ssel|schl[üu]ssel|contrase[ñn]a|clave|senha|wachtwoord|has[łl]o|l[öo]senord|parola d'ordine|pw|(?:logging|log|login|sign) in as|login|log in|pre-shared key|shared key|psk|(?<=\bu(?:ser)?:\s{0,3}\S{1,40}\s{1,3})p(?=:)|(?:encryption|signing|master|admin|write|server|service|license|licence|secret) key|key(?= (?:is|was) )|(?:the|this|that|my|our|your|new|old|access) key(?= )|(?:test |demo |admin |service |user )?account(?=:)|zugangsdaten|credenciales|credenziali|identifiants|inloggegevens|credenciais|[şs]ifre|parol[aă]|parole|parool|cl[ée](?![a-z])|chave|chiave|sleutel|klucz|nyckel|n[øo]gle|n[øo]kkel|avain|kulcs|anahtar|cheie|klju[čc]|jelsz[óo]|salasana|heslo|kata (?:sandi|laluan)|m[ậa]t kh[ẩa]u|adgangskode|passord|tunnuss[õo]na|lozinka|geslo|slapta[žz]odis|mima)/i,
    tier: 1,
    gate: "strict",
    refine: valueNear,
    examples: {
      match: [
        "// the db password is Larch7#plume (rotated monthly)",
        `use token ${fakeToken("prose1", Charset.alnum, 36)} to call the staging API`,
        "Credentials for the router: admin / Velvet42!moon",
        "Das Passwort für den Server lautet Bergsee!4711",
        "# La contraseña del panel es Girasol#2025x",
        "**Password:** Plover#31sand",
        "пароль от почты Kedr#2207x",
        "WLAN 密码是Qiao!5531",
        "비밀번호는 Bada#7788 입니다",
        "uh the admin password, it's Heron-Quarry-Mint, all one word",
        "the alarm code for the side gate is 7 3 0 9 5 1, then press enter",
        "Your Globex recovery code is 508113-296604. Keep it safe.",
      ],
      ignore: [
        "The password must contain at least 12 characters.",
        "Forgot your password? Click the link below.",
        "the token is valid for 15 minutes",
        "const token: TokenType2 = next();",
        "password is stored in the keychain",
        "Het wachtwoord is verlopen, kies een nieuw wachtwoord.",
        "пароль должен содержать не менее 8 символов",
        "请输入密码",
        "password reset for v2.0.1 users",
        "backup codes are 10 characters long and can be used once",
        "the recovery code is shown once; error 4041 means it expired",
      ],
    },
  },
  {
    id: "account-password-pair",
    category: "password-assignment",
    description:
      "A well-known account and its password written together (admin:X, root / X, sa:X) in text",
    keywords: [
      "admin:",
      "admin/",
      "admin /",
      "administrator:",
      "root:",
      "root/",
      "root /",
      "sa:",
      "postgres:",
      "elastic:",
      "ubuntu:",
      "guest:",
      "oracle:",
      "jenkins:",
      "grafana:",
      "deploy:",
    ],
    // Not inside a URL or a path (`/admin/users`, `https://root:…@`, `/root/.ssh`).
    pattern:
      /(?<![\w/.@:-])(?:admin|administrator|root|sa|postgres|elastic|ubuntu|guest|oracle|jenkins|grafana|deploy)[ \t]?[:/][ \t]?(?<secret>[^\s'"`,;)]{6,128})/i,
    tier: 1,
    gate: "strict",
    refine: ({ text, start, end }) => {
      const { value, lead } = barePassword(text.slice(start, end));
      if (!strongValue(value) || /@/.test(value)) return null;
      // `admin / Settings-v2` names a page: after a slash, names joined by `-_.` need a symbol.
      if (
        /\/[ \t]?$/.test(text.slice(Math.max(0, start - 2), start)) &&
        /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)+$/.test(value) && !WORDS_AND_NUMBER.test(value)
      ) return null;
      return { start: start + lead, end: start + lead + value.length };
    },
    examples: {
      match: [
        "admin:Harbor!9lights works for the console",
        "Default credentials are root / Teak#Wood78 until the first login",
        '{"note": "sa:Iguana#90sun on the test server"}',
      ],
      ignore: [
        "GET /admin/users 200",
        "root:x:0:0:root:/root:/bin/bash",
        "admin: true",
        "https://admin:${PASSWORD}@host",
      ],
    },
  },
  {
    id: "user-slash-password",
    category: "password-assignment",
    description:
      "A user and a mixed password joined by a slash, as notes and chats write a login (admin / Velvet42!moon, qa@corp.example / Walrus#Tundra12)",
    keywords: [" / "],
    pattern: / \/ (?<secret>[^\s/]{8,64})/,
    tier: 1,
    gate: "strict",
    refine: ({ text, match, start }) => {
      // A user name right before the slash: letters in it, no path, no number (`a / b` in code).
      const user = /(?:^|[\s:'"(“‘])([\w.+-]{2,40}(?:@[\w-]+(?:\.[\w-]+)+)?)$/.exec(
        lineBefore(text, match.index),
      );
      if (!user || !/[A-Za-z]/.test(user[1]!)) return null;
      if (CODE_LINE.test(lineBefore(text, match.index) + lineAfter(text, start))) return null;
      const { value, lead } = barePassword(text.slice(start, match.index + match[0].length));
      if (!mixedPassword(value) || isPlaceholder(value)) return null;
      // Without a credential word, names joined by `-_.` (`Settings-v2`, `Blake1-384`) are
      // too common beside a slash: a symbol of its own is needed.
      if (/^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)+$/.test(value) && !WORDS_AND_NUMBER.test(value)) {
        return null;
      }
      return { start: start + lead, end: start + lead + value.length };
    },
    examples: {
      match: [
        "Shared QA login for the console: qa@corp.example / Walrus#Tundra12",
        "OCR of the sticky note: 'router admin / Tortilla77!'",
        "logins:\n  staging: deploy / Larch+Ember-204",
      ],
      ignore: [
        "ratio = total / count",
        "cost per user: 12.50 / Month-2026 plan",
        "see docs / Getting-Started for setup",
      ],
    },
  },
];
