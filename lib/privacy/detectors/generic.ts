// Context detectors: secrets assigned to secret-looking names in env files, YAML, JSON and code,
// passed to credential constructors or sent as URL parameters, plus the high-entropy fallback.
import type { Detector, MatchContext } from "../detector.ts";
import {
  asciiSet,
  characterClasses,
  credibleInGate,
  isPlaceholder,
  lineAfter,
  lineBefore,
  looksRandom,
  mixedPassword,
  passphraseShaped,
  passwordShaped,
  sealedCiphertext,
  shannonEntropy,
} from "../checks.ts";
import { Charset, fakeToken } from "../fake.ts";

// Where the value may start: after `=`, `:`, `=>`, `:=`, `||=`, a comparison, a Go or Bicep type
// (`var password string = …`, `param adminPassword string = …`), whitespace before a
// quote, or whitespace before the line's last token (`password Xyz#123` in msmtprc, Apache,
// OpenStack configs).
const ASSIGNMENT = new RegExp(
  String
    .raw`(?<key>(?:pass|pwd|pw|psk|secret|token|key|cred|auth|sig|salt|private|session|cookie|login|license|access|_pat(?![a-z]))[A-Za-z0-9_.-]{0,40})` +
    // A closing quote or bracket, also escaped (`\"password\": \"…\"` inside a JSON string).
    // `,` only before a quoted value, for a pair in a tuple or list: a bare atom after `{`
    // (`{password, <<"…">>}`), a quoted name after any bracket (`("password", "…")`); a call's
    // arguments (`f(key, "…")`) are no pair.
    String
      .raw`(?<close>(?:\\?["'\]]){0,2})[ \t]{0,32}(?<op>=>|:=|\|\|=|\?\?=|===?|!==?|[:=]|(?:string|securestring)[ \t]{1,4}=|[ \t](?=["'])|[ \t](?=[^\s"'=:(){}\[\],;]{1,256}[ \t]*(?:\r?\n|$))|,(?=[ \t]{0,4}(?:<<|@)?["'])(?<=(?:\{[ \t]{0,4}:?[\w.$-]{1,60}|[{(\[][ \t]{0,4}["'][\w.$-]{1,60}["'])[ \t]{0,32},))[ \t]{0,32}` +
    // A YAML type tag before the value (`password: !!str …`).
    String.raw`(?:!!(?:str|binary)[ \t]{1,8})?` +
    // A quoted value may sit on the next line (pretty-printed JSON).
    String.raw`(?:\r?\n[ \t]{0,32}(?=["']))?` +
    // No length cap that a long secret could outgrow: the whole value is redacted.
    // A string prefix before the quote: Objective-C and C# `@"…"`, Python `r"…"`/`b"…"`/`u"…"`,
    // an Erlang binary `<<"…">>`.
    String
      .raw`(?<value>"[^"\r\n]*"|'[^'\r\n]*'|(?:@|<<|[rbu]{1,2})(?:"[^"\r\n]*"|'[^'\r\n]*')(?:>>)?|\x60[^\x60\r\n]*\x60|\\"[^"\\\r\n]*\\"|[^\s"'\x60,;)(\[\]}{]+)`,
  "i",
);

// A declaration with a type between the name and `=`: `password: string = "…"` (TypeScript,
// Kotlin, Swift, Python), `PASSWORD: &'static str = "…"` (Rust), `Password { get; set; } = "…"`
// (C#). Same groups as ASSIGNMENT, so the same refine reads it.
const TYPED = new RegExp(
  String.raw`(?<key>(?:pass|pwd|pw|secret|token|key|cred|auth)[A-Za-z0-9_]{0,40})(?<close>)` +
    String.raw`\s{0,4}(?::\s{0,4}&?(?:'static\s{1,4})?[A-Za-z_][\w.]{0,30}` +
    // Generic or subscripted types: `Option<String>`, `Final[str]`, `string[]`.
    String.raw`(?:<[^<>=\r\n]{0,40}>|\[[^\[\]=\r\n]{0,40}\])?\??|\{\s{0,4}get;[^{}\r\n]{0,40}\})` +
    String.raw`\s{0,4}(?<op>=)\s{0,4}(?<value>"[^"\r\n]*"|'[^'\r\n]*')`,
  "i",
);

const PASSWORD_WORDS = new Set([
  "password",
  "passwd",
  "pwd",
  "pass",
  "passphrase",
  "passwort",
  "pw",
  "secret",
  "secrets",
  "token",
  "credential",
  "credentials",
  "creds",
  "apikey",
  "secretkey",
  "accesskey",
  "privatekey",
  "authtoken",
  "accesstoken",
  "refreshtoken",
  "clientsecret",
  "jwtsecret",
  "appsecret",
  "apisecret",
  "apitoken",
  "authkey",
  "masterkey",
  "signingkey",
  "sessionsecret",
  "psk",
  // A personal access token (GITHUB_PAT, ADO_PAT).
  "pat",
  // Other languages' words for a password, as the last word of a key (`Kennwort=`, `senha:`).
  "kennwort",
  "wachtwoord",
  "contrasena",
  "senha",
  "haslo",
  "losenord",
  "salasana",
  "heslo",
  "sifre",
  "jelszo",
  "parool",
  // SSSD's and PAM's name for the bind password (`ldap_default_authtok = …`).
  "authtok",
]);
const KEY_QUALIFIERS = new Set([
  "api",
  "secret",
  "access",
  "private",
  "auth",
  "app",
  "master",
  "signing",
  "encryption",
  "client",
  "consumer",
  "shared",
  "service",
  "admin",
  "license",
  "licence",
  "account",
  "session",
  "webhook",
  "hmac",
  "aes",
  "subscription",
  "write",
  "ingest",
  "integration",
  "deploy",
  "server",
  "personal",
  "root",
  "crypto",
  "cipher",
  "storage",
  "sas",
  "rest",
]);
const CODE_TYPES =
  /^(?:string|number|boolean|bool|any|unknown|object|int|str|bytes|buffer|void|never|array|list|dict|map|optional|none|nil|null|undefined|true|false|yes|no|on|off|required|nullable|read|write|include|omit|same-origin|use-credentials|bearer|basic|function|symbol|bigint)$/i;

/**
 * Split an identifier into lowercase words (snake, kebab, dotted and camel case). Remembered per
 * identifier: the refines ask for the same key's words several times per hit, and the same key
 * names come back all over a text. The array is shared (frozen): never change it.
 */
function words(identifier: string): readonly string[] {
  let w = wordsOf.get(identifier);
  if (w === undefined) {
    if (wordsOf.size >= 1024) wordsOf.clear();
    w = Object.freeze(
      identifier
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .split(/[\s_.$-]+/)
        .filter(Boolean)
        .map((x) => x.toLowerCase()),
    );
    wordsOf.set(identifier, w);
  }
  return w;
}
const wordsOf = new Map<string, readonly string[]>();

/** Whether a key's words end in French "mot de passe" (no slice and join per key). */
function isMotDePasse(w: readonly string[]): boolean {
  const n = w.length;
  return n >= 3 && w[n - 1] === "passe" && w[n - 2] === "de" && w[n - 3] === "mot";
}

/** Whether a key name says its value is a password, secret, token or API key. */
export function isSecretKey(key: string): boolean {
  const w = words(key);
  const last = w[w.length - 1];
  if (!last) return false;
  if (PASSWORD_WORDS.has(last)) return true;
  if (isMotDePasse(w)) return true;
  if (last === "key" || last === "keys") return KEY_QUALIFIERS.has(w[w.length - 2] ?? "");
  // Joined words: jwtsecret, dbpassword, AUTHTOKEN
  return /(?:password|passwd|secret|token|apikey|secretkey|accesskey|privatekey)$/.test(last) &&
    !/(?:tokens?ize[rd]?|secretary)$/.test(last);
}

/**
 * Whether a value under a key is a secret by the two together: a secret key, or a key that
 * merely may hold one (`REDIS_AUTH`, `mailgun_key`, `FIREBASE_KEY`) with a random token or a
 * mixed password as its value.
 */
export function secretUnderKey(key: string, value: string): boolean {
  if (isSecretKey(key)) return true;
  const w = words(key);
  if (!w.some((x) => ENTROPY_KEY_WORDS.has(x) || SECRET_SUFFIX.test(x))) return false;
  if (/(?:_?id|name|type|url|uri|path|file|hash|checksum|digest|version)$/i.test(key)) return false;
  // Cache, lock and idempotency keys, and keys published on purpose, are not secrets.
  if (w.some((x) => IDENTIFIER_KEY_WORDS.has(x)) || /pub(?:lic|lishable)?/i.test(key)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return false;
  // A token has a digit somewhere; header names and identifiers (`Access-Control-Allow-Origin`,
  // `network.authRequired`) are as varied but have none.
  if (
    /^[A-Za-z0-9+/=_~.-]+$/.test(value) && /\d/.test(value) && !WORDS_ONLY.test(value) &&
    looksRandom(value, { minLength: 16, minEntropy: 3.5 })
  ) {
    return true;
  }
  // A typed password under such a key mixes cases too (`value%23still-query` is a URL part).
  return (w[w.length - 1] === "key" || w[w.length - 1] === "auth") && mixedPassword(value) &&
    /[a-z]/.test(value) && /[A-Z]/.test(value);
}

/** Qualifiers of "key" that make it a secret whatever its value looks like. */
const SECRET_KEY_QUALIFIERS = new Set([
  "secret",
  "private",
  "encryption",
  "signing",
  "master",
  "api",
  "access",
  "app",
  "hmac",
  "aes",
  "crypto",
  "cipher",
  "auth",
  "shared",
  "webhook",
  "admin",
  "root",
  "jwt",
]);
/** Words (with a short version) joined by separators: `user_session_v2`, `theme-mode`, `MIT`. */
const WORDS_ONLY =
  /^(?:[A-Z]+|[A-Za-z][a-z]*\d{0,2})(?:[-_.:/ ](?:[A-Z]+|[A-Za-z][a-z]*\d{0,2}|v\d{1,3}))*$/;

/**
 * Whether a `*_key` of a kind that often names things (session, storage, license, label …) holds
 * a name rather than a secret: `sessionKey: "user_session_v2"`, `license_key: "MIT"`.
 */
function namesSomething(key: string, value: string): boolean {
  const w = words(key);
  const last = w[w.length - 1];
  if (last !== "key" && last !== "keys") return false;
  if (SECRET_KEY_QUALIFIERS.has(w[w.length - 2] ?? "")) return false;
  return WORDS_ONLY.test(value);
}

/** Whether a key names a password, secret or token outright (not merely a key of some kind). */
function strongSecretKey(key: string): boolean {
  const w = words(key);
  const last = w[w.length - 1] ?? "";
  // `ROOT_PW`, `pw` (not `p0Pw` in random text); other languages' words (`Passwort`, `senha`).
  if (last === "pw") return /(?:^|[_.-])pw$/i.test(key);
  if (PASSWORD_WORDS.has(last) && !/key$/.test(last)) return true;
  if (isMotDePasse(w)) return true;
  // `secret_key`, `private_key`, `api_key`: a key of a kind that is always a secret.
  if (last === "key" && SECRET_KEY_QUALIFIERS.has(w[w.length - 2] ?? "")) return true;
  return /(?:password|passwd|pwd|pass|passphrase|secret|token|apikey)$/.test(last);
}

interface Assignment {
  key: string;
  keyStart: number;
  value: string;
  start: number;
  end: number;
  quoted: boolean;
  op: string;
}

/** A key name's characters, [A-Za-z0-9_.$-], by UTF-16 code unit (no regex per character). */
const KEY_CHAR = asciiSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.$-");
const PUBLIC_KEY_DER =
  /^(?:MFkwEwYHKoZIzj0CAQ|MHYwEAYHKoZIzj0CAQ|MCowBQYDK2V|MIIBIjANBgkqhkiG9w0BAQEFAAOC|MIICIjANBgkqhkiG9w0BAQEFAAOC|MIGfMA0GCSqGSIb3DQEBAQUAA4GN)/;
const ENTROPY_KEY_WORDS = new Set([
  "key",
  "keys",
  "token",
  "tokens",
  "secret",
  "secrets",
  "auth",
  "cred",
  "creds",
  "credential",
  "credentials",
  "pass",
  "password",
  "passwd",
  "pwd",
  "sig",
  "signature",
  "salt",
  "private",
  "session",
  "cookie",
  "login",
  "license",
  "licence",
  "access",
  "apikey",
  "pat",
  "bearer",
]);
const SECRET_SUFFIX = /(?:key|token|secret|password|passwd)$/;

/**
 * Read the key (scanning back past the keyword) and value of an assignment match; read once per
 * match, which password-assignment and generic-high-entropy share at a keyword.
 */
function readAssignment({ text, match }: MatchContext): Assignment | undefined {
  const read = readings.get(match);
  if (read?.text === text) return read.assignment;
  const assignment = readAssignmentOnce(text, match);
  readings.set(match, { text, assignment });
  return assignment;
}
const readings = new WeakMap<
  RegExpExecArray,
  { text: string; assignment: Assignment | undefined }
>();

function readAssignmentOnce(text: string, match: RegExpExecArray): Assignment | undefined {
  const keySpan = match.indices?.groups?.key;
  const valueSpan = match.indices?.groups?.value;
  if (!keySpan || !valueSpan) return undefined;
  let keyStart = keySpan[0];
  const floor = Math.max(0, keyStart - 60);
  while (keyStart > floor && KEY_CHAR[text.charCodeAt(keyStart - 1)] === 1) keyStart--;
  const key = text.slice(keyStart, keySpan[1]).replace(/^[$.-]+/, "");
  let start = valueSpan[0];
  let end = valueSpan[1];
  const raw = text.slice(start, end);
  let quoted = false;
  const block = /^[|>][+-]?[0-9]?$/.test(raw) ? blockScalar(text, end) : undefined;
  if (block) {
    // A YAML block scalar: the value is the indented line below.
    start = block.start;
    end = block.end;
    quoted = true;
  } else if (/^\\"/.test(raw)) {
    start += 2;
    end -= 2;
    quoted = true;
  } else if (/^["'\x60]/.test(raw)) {
    start += 1;
    end -= 1;
    quoted = true;
  } else {
    const prefix = /^[@<rbuRBU]/.test(raw) ? /^(?:@|<<|[rbu]{1,2})(?=["'])/i.exec(raw) : null;
    if (prefix) {
      start += prefix[0].length + 1;
      end -= prefix[0] === "<<" && raw.endsWith(">>") ? 3 : 1;
      quoted = true;
    }
  }
  return {
    key,
    keyStart,
    value: text.slice(start, end),
    start,
    end,
    quoted,
    op: match.groups?.op ?? "",
  };
}

/** The first line of a YAML block scalar starting after `pos` (the `|` or `>` indicator). */
function blockScalar(text: string, pos: number): { start: number; end: number } | undefined {
  if (!lineAfter(text, pos).match(/^\s*(?:#.*)?$/)) return undefined;
  const next = text.indexOf("\n", pos);
  if (next === -1) return undefined;
  const m = /^([ \t]+)(\S[^\r\n]{0,65535})/.exec(text.slice(next + 1, next + 1 + 66000));
  if (!m) return undefined;
  const start = next + 1 + m[1]!.length;
  return { start, end: start + m[2]!.trimEnd().length };
}

/**
 * A web server directive that sets a header or a parameter by name (nginx `proxy_set_header
 * X-Api-Key "…"`, `fastcgi_param DB_PASSWORD …`, Apache `RequestHeader set X-Token "…"`): the
 * name and value after it read like a `key value` line.
 */
const HEADER_DIRECTIVE =
  /^\s*(?:(?:proxy|grpc)_set_header|add_header|more_set_(?:input_)?headers|(?:fastcgi|uwsgi|scgi)_param|(?:Request)?Header[ \t]+(?:always[ \t]+)?(?:set|add|append)|SetEnv|PassEnv)[ \t]+["']?$/i;

/** A PowerShell cmdlet name: an approved verb, a hyphen and a PascalCase noun. */
const POWERSHELL_CMDLET =
  /^(?:Get|Read|ConvertTo|ConvertFrom|New|Import|Export|Invoke|Select|Set|Out|Format|Join|Test|Resolve|Find|Request|Protect|Unprotect)-[A-Z][a-z]+(?:[A-Z][a-z]+)*$/;

/** Whether an unquoted value reads as code (a reference or expression) rather than a literal. */
function unquotedIsCode(text: string, a: Assignment): boolean {
  const v = a.value;
  // Called, indexed or dereferenced right after: `password = hash(…)`, `token = parts[1]`.
  if (/^[(.[]/.test(text[a.end] ?? "")) return true;
  // A PowerShell cmdlet call (`$pw = Read-Host -AsSecureString`, `Get-Credential`), not a value.
  if (POWERSHELL_CMDLET.test(v)) return true;
  // A password-shaped value under a password name is a literal anywhere on the line.
  if (strongSecretKey(a.key) && passwordShaped(v)) return false;
  // A token with a dot (`pat<id>.<64 hex>`), not a member expression: a long hex part.
  if (/\.[0-9a-f]{32,}$/.test(v) && /\d/.test(v.slice(0, v.indexOf(".")))) return false;
  if (/^[A-Za-z_$#][\w$#]*(?:\??\.[A-Za-z_$#][\w$#]*)+[!?]?$/.test(v)) return true; // member expression
  if (/^[A-Z][a-z]+(?:[A-Z][a-z0-9]+)*$/.test(v)) return true; // a type or class name
  if (/^[a-z]+(?:[A-Z][a-z]+)+\d{0,2}$/.test(v)) return true; // a camelCase variable
  // A number in hex, not a 256-bit key written as one (`PRIVATE_KEY=0x<64 hex>`).
  if (CODE_TYPES.test(v) || /^(?:0x[0-9a-f]{1,16}|\d{1,6})$/i.test(v)) return true;
  if (/^(?:function|async|await|new|this|self|require|import|return)$/.test(v)) return true;
  const lastKeyPart = a.key.split(".").pop() ?? a.key;
  if (v.replace(/[-_]/g, "").toLowerCase() === lastKeyPart.replace(/[-_]/g, "").toLowerCase()) {
    return true;
  }
  // A long random value is a literal wherever it sits (command lines, CI files).
  if (/^[A-Za-z0-9+/=_~-]{20,}$/.test(v) && looksRandom(v, { minLength: 20, minEntropy: 3.3 })) {
    return false;
  }
  // Otherwise only env/ini/YAML-style lines: nothing but `export`, `set`, `-` or `#` before
  // the key …
  const lead = lineBefore(text, a.keyStart);
  if (!/^\s*(?:export\s+|set\s+|-\s+|#\s*|\/\/\s*|ENV\s+|ARG\s+|setenv\s+)?$/.test(lead)) {
    return true;
  }
  // … and nothing but a comment after the value.
  const rest = lineAfter(text, a.end).trim();
  return !(rest === "" || rest.startsWith("#") || rest.startsWith("//"));
}

/** A quoted literal continued by `+` or `.` and another literal, possibly on the next line. */
const CONCATENATED =
  /^(["'`])[ \t]*(?:\+|\.)[ \t]*(?:\\?\r?\n[ \t]*)?(["'`])[^"'`\r\n]{1,512}(?=\2)/;

/**
 * Where a secret split into concatenated literals ends (`"abc" +\n  "def"`): the whole run of
 * literals is the secret, not only its first part.
 */
function concatenationEnd(text: string, end: number): number {
  let at = end;
  for (let part = 0; part < 8; part++) {
    const m = CONCATENATED.exec(text.slice(at, at + 600));
    if (!m) break;
    at += m[0].length;
  }
  return at;
}

/** The plausibility rules shared by both operating points. */
function plausibleValue(text: string, a: Assignment): boolean {
  const v = a.value;
  if (v.length < 3) return false;
  if (isPlaceholder(v) || CODE_TYPES.test(v)) return false;
  if (/^(?:https?:|file:|\/|\.\.?\/|~\/)/.test(v)) return false; // a URL or path, not a secret
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return false; // the NAME of an env var
  if (/^%[sdif]$|^\{\d*\}$|^\$\d$/.test(v)) return false;
  // A regular expression (`longopt_pat = r'[a-zA-Z](?:…)*'`), not a secret.
  if (/^\^|\[(?:\^|[a-z]-[a-z]|[A-Z]-[A-Z]|0-9)|\(\?[:=!<]|\\[dswbDSWB][*+?{]?/.test(v)) {
    return false;
  }
  // The name of a secret object, not its value: `existingSecret: db-credentials`.
  if (/^existing/i.test(a.key.split(".").pop() ?? "")) return false;
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*-(?:credentials?|secrets?|passwords?|tokens?|keys?)$/.test(v)) {
    return false;
  }
  // A dependency version (`"pbkdf2-password": "^1.2.1"`), not a password.
  if (
    /^(?:[\^~]|[<>]=?|=)?v?\d+(?:\.(?:\d+|x|\*))*(?:-[\w.]+)?(?:\s*(?:\|\||-)\s*.*)?$|^(?:latest|next|workspace:.*|npm:.*|file:.*|link:.*|git\+.*)$/
      .test(v)
  ) {
    return false;
  }
  // A pair in a tuple or list: the name opens it (`{password, …}`, `("password", …)`, `[:pw, …]`)
  // and the value has a credential's shape (`("password", "Passwort")` is a translation).
  if (a.op === ",") {
    if (!/[{(\[][ \t]{0,4}["':]?$/.test(text.slice(Math.max(0, a.keyStart - 8), a.keyStart))) {
      return false;
    }
    if (!a.quoted || !credibleInGate(v)) return false;
  }
  if (!a.quoted) {
    if (a.op === "==" || a.op === "===" || a.op === "!=" || a.op === "!==") return false;
    if (unquotedIsCode(text, a)) return false;
  }
  if (!/[A-Za-z0-9]/.test(v)) return false;
  // psql's variable interpolation (`WITH PASSWORD :'new_password'`), not a YAML or JSON value.
  if (a.quoted && a.op === ":" && /\s:["']$/.test(text.slice(a.start - 3, a.start))) return false;
  // `XToken = "x-token"`: an enum naming itself.
  const lastKeyPart = a.key.split(".").pop() ?? a.key;
  if (v.replace(/[-_ ]/g, "").toLowerCase() === lastKeyPart.replace(/[-_]/g, "").toLowerCase()) {
    return false;
  }
  // `key 'value'` (Gradle, Groovy) only at the start of a line, never in prose.
  if (/^[ \t]$/.test(a.op)) {
    // At the start of a line, or after fish's `set -x` / csh's `setenv`.
    // A C preprocessor constant (`#define SIGNING_SECRET "…"`) reads the same way.
    if (
      !/^\s*(?:set\s+-[gxlU]{1,4}\s+|setenv\s+|#[ \t]*define[ \t]+)?$/.test(
        lineBefore(text, a.keyStart),
      ) &&
      !HEADER_DIRECTIVE.test(
        lineBefore(text, a.keyStart),
      )
    ) {
      return false;
    }
    // A directive's bare value: a password's or a token's shape, nothing else on the line.
    if (!a.quoted && !passwordShaped(v) && !looksRandom(v, { minLength: 16, minEntropy: 3.3 })) {
      return false;
    }
  }
  if (/\s/.test(v)) {
    // Quoted prose is a message, not a secret, unless a short phrase sits under a password key.
    const w = words(a.key);
    if (
      !["password", "passwd", "pass", "passphrase", "pwd", "secret"].includes(w[w.length - 1] ?? "")
    ) {
      return false;
    }
    // A pass phrase of a few lowercase words and digits (`restic horse staple 9`) under an env
    // name or a passphrase key; a message reads as a sentence (capitals, punctuation).
    const phrase = (/^[A-Z0-9_]+$/.test(a.key) || /passphrase/i.test(a.key)) &&
      passphraseShaped(v);
    if (!phrase && (v.length > 32 || v.split(/\s+/).length > 3)) return false;
    // A label or a question about the password (`"Passwort vergessen?"`), not a password.
    if (/[?!:.…]$/.test(v) || v.split(/\s+/).some((x) => PASSWORD_WORDS.has(x.toLowerCase()))) {
      return false;
    }
  }
  // The word for "password" itself, as an i18n file's translation holds it.
  if (PASSWORD_TRANSLATIONS.has(v.toLowerCase())) return false;
  return true;
}

/** The word "password" in the languages an i18n file translates it into. */
const PASSWORD_TRANSLATIONS = new Set([
  ...PASSWORD_WORDS,
  "mot de passe",
  "contraseña",
  "hasło",
  "lösenord",
  "şifre",
  "jelszó",
  "adgangskode",
  "passord",
  "пароль",
  "パスワード",
  "密码",
  "密碼",
  "비밀번호",
  "wachtwoord",
  "parola",
  "palavra-passe",
]);

/** Words in a key name that make a hash or UUID value an identifier, not a credential. */
const IDENTIFIER_KEY_WORDS = new Set([
  "cache",
  "idempotency",
  "lock",
  "etag",
  "request",
  "correlation",
  "trace",
  "dedup",
  "dedupe",
  "partition",
  "sort",
  "primary",
  "foreign",
  "object",
  "signature",
  "hub",
  "hit",
]);

/** A hex digest of one of the usual lengths (MD5, SHA-1, SHA-256, SHA-512). */
function hexDigest(value: string): boolean {
  return /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i.test(value);
}

/**
 * Whether an assignment is a digest or an identifier that merely sits under a key-like name:
 * webhook signature headers (`X-Hub-Signature-256: sha256=…`), cache, lock and idempotency keys
 * whose value is a hex digest or a UUID.
 */
function digestOrCacheKey(text: string, a: Assignment): boolean {
  const v = a.value;
  if (/^(?:sha(?:1|256|384|512)|md5|v\d)[=:][0-9a-f]{32,128}$/i.test(v)) return true;
  // Possibly namespaced or under a folder: `lock:<uuid>`, `session:<hex>`, `render-v3/<sha1>`.
  const id = v.replace(/^(?:[a-z][\w.-]*[:/])+/i, "");
  // Words and versions joined before a digest (`v1-deps-<sha256>`, `Linux-node-<sha256>`) are
  // how CI caches and build ids are named; no credential format reads that way.
  const composed = /^(?:(?:v\d+|[A-Za-z]{2,16}\d{0,3})[-.]){1,4}(?=[0-9a-f]{32,128}$)/i.exec(id);
  if (
    composed && /[a-z]{2}/i.test(composed[0]) &&
    !/key|token|secret|pass|auth|api/i.test(composed[0]) &&
    hexDigest(id.slice(composed[0].length))
  ) {
    return true;
  }
  const hashLike = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i.test(id) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  if (!hashLike) return false;
  if (words(a.key).some((w) => IDENTIFIER_KEY_WORDS.has(w))) return true;
  // `cache:\n  key: …` or `cache hit key=…`: the owner of the key is named just before it.
  return /cache|idempot|lock|dedup|object|blob|bucket|etag|shard|partition|storage|digest|checksum|fingerprint/i
    .test(text.slice(Math.max(0, a.keyStart - 40), a.keyStart));
}

const passwordExamples = () => ({
  match: [
    `DB_PASSWORD=${fakeToken("pw1", Charset.alnum, 14)}`,
    `{"clientSecret": "${fakeToken("pw2", Charset.base64url, 32)}"}`,
    `database:\n  password: "${fakeToken("pw3", Charset.alnum, 12)}"\n`,
    `login(user, password='${fakeToken("pw4", Charset.alnum, 10)}')`,
    `ARG GITHUB_PAT=${fakeToken("pw7", Charset.alnum, 24)}`,
    `account ops\nhost smtp.acme.test\npassword ${fakeToken("pw9", Charset.alnum, 12)}#1\n`,
    `ENV['API_TOKEN'] ||= '${fakeToken("pw8", Charset.alnum, 20)}'`,
    `set -gx DB_PASSWORD ${fakeToken("pw10", Charset.alnum, 10)}#4`,
    `const apiToken = "${fakeToken("pw5", Charset.alnum, 16)}" +\n  "${
      fakeToken("pw6", Charset.alnum, 16)
    }";`,
  ],
  ignore: [
    "password = getpass()",
    "DATA_PATH=/srv/data",
    "password reset\ntoken expired",
    "const token = req.headers.token;",
    'password: "${DB_PASSWORD}"',
    "token_type: bearer",
    "passwordField: string;",
    'placeholder: "Enter your password"',
    "DB_PASSWORD=[REDACTED:password-assignment]",
  ],
});

/** Words in a key that make its value a test fixture or a documentation example. */
const FIXTURE_WORDS = new Set([
  "test",
  "mock",
  "fake",
  "dummy",
  "example",
  "sample",
  "fixture",
  "stub",
]);

/** The password-assignment refine: the key names a secret and the value is a plausible one. */
function secretAssignment(ctx: MatchContext): { start: number; end: number } | null {
  const a = readAssignment(ctx);
  if (!a || !secretUnderKey(a.key, a.value) || !plausibleValue(ctx.text, a)) return null;
  // A fixture's value (`test_password = "test123"`, `mockApiKey`) unless it reads as a real token.
  if (
    words(a.key).some((w) => FIXTURE_WORDS.has(w)) &&
    !looksRandom(a.value, { minLength: 20, minEntropy: 3.5 })
  ) {
    return null;
  }
  if (namesSomething(a.key, a.value)) return null;
  if (!isSecretKey(a.key) && digestOrCacheKey(ctx.text, a)) return null;
  if (sealedCiphertext(ctx.text, a.keyStart, a.value)) return null;
  if (ctx.mode === "gate") {
    const v = a.value;
    // Entropy says little about 8-14 characters: a mixed password passes on its shape.
    if (
      !mixedPassword(v) &&
      (v.length < 8 || /\s/.test(v) || shannonEntropy(v) < 3 || characterClasses(v) < 2)
    ) {
      return null;
    }
    // Words only (lowercase, UPPERCASE or Capitalised): a name, not a secret.
    if (/^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)(?:[-_](?:[a-z]+|[A-Z]+|[A-Z][a-z]+))*$/.test(v)) {
      return null;
    }
  }
  return { start: a.start, end: a.quoted ? concatenationEnd(ctx.text, a.end) : a.end };
}

/** A call reading or naming a secret (`getSecret("db")`, `keyring.get_password(…)`), not setting one. */
const LOOKUP_CALL =
  /(?:^|[^a-z])(?:get|read|fetch|load|lookup|has|delete|remove|find|describe|resolve|ref|name|env|exists|list)|(?:name|id|ref|path|file|env|arn)s?$/i;

/** The words that make a directive's name a secret's (`auth-pass`, `radius-secret`). */
const DIRECTIVE_WORDS = new Set(["pass", "password", "passwd", "pwd", "secret"]);

/** Whether a literal given to a credential-named call has a credential's own shape. */
function credentialArgument(v: string): { lead: number } | null {
  if (isPlaceholder(v)) return null;
  // An app password as shown (four groups of four).
  if (/^(?=.*[a-z])[a-z0-9]{4}(?: [a-z0-9]{4}){3}$/.test(v)) return { lead: 0 };
  // `user:password`, the shape libcurl's USERPWD and basic-auth helpers take.
  const colon = /^[\w.@-]{1,64}:(?=.{8})/.exec(v);
  if (colon && mixedPassword(v.slice(colon[0].length))) return { lead: colon[0].length };
  if (mixedPassword(v)) return { lead: 0 };
  if (/^[A-Za-z0-9+/=_~.-]+$/.test(v) && looksRandom(v, { minLength: 16, minEntropy: 3.5 })) {
    return { lead: 0 };
  }
  // Random letters without a digit: many case changes, unlike any identifier.
  if (/^[A-Za-z]{20,}$/.test(v) && shannonEntropy(v) >= 3.8) {
    const changes = v.match(/[a-z][A-Z]|[A-Z][a-z]/g)?.length ?? 0;
    if (changes >= v.length / 3) return { lead: 0 };
  }
  return null;
}

/** Context detectors. */
export const genericDetectors = (): Detector[] => [
  {
    id: "app-password",
    category: "password-assignment",
    description:
      "An app password as the provider shows it, four groups of four (Google, Apple), under a password name",
    // Its own sticky pattern on the password keyword the other detectors share: the assignment
    // pattern, which runs at every key name, stays as cheap as it was.
    keywords: ["password"],
    pattern:
      /password["']?[ \t]*(?:[:=][ \t]*|[ \t])["']?(?<secret>[a-z0-9]{4}(?:[ \t][a-z0-9]{4}){3})(?=["']?[ \t]*(?:\r?\n|$))/i,
    tier: 2,
    // Only as a key at the start of its line (`password …`, `SMTP_PASSWORD=…`), not in prose.
    refine: ({ text, match, start, end }) =>
      /^\s*(?:export\s+|set\s+)?["']?[\w.-]*$/.test(lineBefore(text, match.index))
        ? { start, end }
        : null,
    examples: {
      match: [
        `account work\nhost smtp.gmail.com\npassword ${
          fakeToken("ap1", Charset.lower, 16).replace(/(.{4})(?!$)/g, "$1 ")
        }`,
        `SMTP_PASSWORD=${fakeToken("ap2", Charset.lower, 16).replace(/(.{4})(?!$)/g, "$1 ")}`,
        `app_password: "${fakeToken("ap3", Charset.lower, 16).replace(/(.{4})(?!$)/g, "$1 ")}"`,
      ],
      ignore: ["the password does this make sure", "password must be long enough"],
    },
  },
  {
    id: "password-assignment",
    category: "password-assignment",
    description: "A value assigned to a password/secret/token/API-key name (env, YAML, JSON, code)",
    keywords: ["pass", "pwd", "secret", "token", "key", "cred", "auth", "pw", "psk", "_pat"],
    pattern: ASSIGNMENT,
    tier: 1,
    refine: secretAssignment,
    examples: passwordExamples(),
  },
  {
    id: "typed-secret-declaration",
    category: "password-assignment",
    description:
      "A literal given to a secret-named declaration with a type (password: string = …, PASSWORD: &str = …, Password { get; set; } = …)",
    // Keyed on the type, which is rarer than the name: the name is looked for just before it.
    keywords: [
      ":string",
      ": str",
      ": &str",
      ": &'static",
      ": final",
      "{ get;",
      "{get;",
    ],
    pattern: TYPED,
    window: { before: 64, after: 600 },
    tier: 1,
    refine: secretAssignment,
    examples: {
      match: [
        `const password: string = "${fakeToken("td1", Charset.alnum, 14)}";`,
        `static API_TOKEN: &'static str = "${fakeToken("td2", Charset.alnum, 32)}";`,
        `snippet:\n  public string Password { get; set; } = "${
          fakeToken("td3", Charset.alnum, 12)
        }";`,
      ],
      ignore: [
        'const password: string = "";',
        "password: Optional[str] = None",
        'tokenType: TokenType = "bearer"',
      ],
    },
  },
  {
    id: "generic-high-entropy",
    category: "generic-high-entropy",
    description: "A long random string assigned to a name mentioning a key, token, secret or login",
    keywords: [
      "key",
      "token",
      "secret",
      "auth",
      "cred",
      "pass",
      "pwd",
      "sig",
      "salt",
      "private",
      "session",
      "cookie",
      "login",
      "license",
      "access",
    ],
    pattern: ASSIGNMENT,
    tier: 1,
    gate: false,
    refine: (ctx) => {
      const a = readAssignment(ctx);
      if (!a) return null;
      if (!words(a.key).some((w) => ENTROPY_KEY_WORDS.has(w) || SECRET_SUFFIX.test(w))) return null;
      if (
        /(?:_?id|name|type|url|uri|path|file|hash|checksum|integrity|digest|sha\d*|md5|etag|version|commit|endpoint|host|server|issuer|audience)$/i
          .test(a.key)
      ) return null;
      if (!a.quoted && unquotedIsCode(ctx.text, a)) return null;
      // `key value` only as a directive at the start of a line (not `gpg --recv-keys <id>`).
      if (
        /^[ \t]$/.test(a.op) &&
        ((!/^\s*$/.test(lineBefore(ctx.text, a.keyStart)) &&
          !HEADER_DIRECTIVE.test(lineBefore(ctx.text, a.keyStart))) ||
          /^(?:\/|\.\.?\/|~\/)/.test(a.value))
      ) return null;
      if (digestOrCacheKey(ctx.text, a) || sealedCiphertext(ctx.text, a.keyStart, a.value)) {
        return null;
      }
      // A token: one run of token characters with a digit in it (20 random base62 characters
      // without a digit happen 3% of the time; identifiers and header names always lack one).
      if (!/^[A-Za-z0-9+/=_~.:-]+$/.test(a.value) || !/[0-9]/.test(a.value)) return null;
      if (!looksRandom(a.value, { minLength: 20, minEntropy: 3.4 })) return null;
      // Public keys (DER SubjectPublicKeyInfo in base64) are published on purpose.
      if (/pub(?:lic)?/i.test(a.key) || PUBLIC_KEY_DER.test(a.value)) return null;
      if (
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(a.value) &&
        !/(?:key|token|secret)/i.test(a.key)
      ) return null;
      return { start: a.start, end: a.end };
    },
    examples: {
      match: [
        `SONAR_LOGIN=${fakeToken("he1", Charset.hex, 40)}`,
        `{"sessionCookie": "${fakeToken("he2", Charset.base64url, 48)}"}`,
        `signing:\n  private_value: "${fakeToken("he3", Charset.alnum, 32)}"\n`,
      ],
      ignore: [
        `"integrity": "sha512-${fakeToken("he4", Charset.base64, 86)}=="`,
        `cache_key = "${"ab".repeat(16)}"`,
        `session_id: ${fakeToken("he5", Charset.hex, 32)}`,
      ],
    },
  },
  {
    id: "xml-setting-password",
    category: "password-assignment",
    description: "A .NET appSettings entry whose key names a password or secret",
    keywords: ["<add key="],
    pattern: /<add key="(?<key>[^"]{1,80})"\s+value="(?<secret>[^"]{1,256})"/i,
    tier: 1,
    refine: ({ match, start, end, text }) =>
      isSecretKey(match.groups?.key ?? "") && !isPlaceholder(text.slice(start, end))
        ? { start, end }
        : null,
    examples: {
      match: [
        `<add key="SmtpPassword" value="${fakeToken("xml1", Charset.alnum, 12)}"/>`,
        `<appSettings>\n  <add key="ApiKey" value="${
          fakeToken("xml2", Charset.alnum, 24)
        }" />\n</appSettings>`,
        `sed -i 's|<add key="ClientSecret" value="${
          fakeToken("xml3", Charset.alnum, 20)
        }"/>||' web.config`,
      ],
      ignore: [`<add key="SmtpHost" value="smtp.example.test"/>`],
    },
  },
  {
    id: "credential-constructor",
    category: "password-assignment",
    description:
      "A password literal passed to NetworkCredential / DirectoryEntry / PasswordAuthentication",
    keywords: [
      "networkcredential(",
      "directoryentry(",
      "passwordauthentication(",
      "usernamepasswordcredentials(",
    ],
    pattern:
      /(?:NetworkCredential|DirectoryEntry|PasswordAuthentication|UsernamePasswordCredentials)\(\s{0,32}(?:"[^"\r\n]{0,128}"\s{0,32},\s{0,32}){1,2}"(?<secret>[^"\r\n]{1,128})"/i,
    tier: 1,
    examples: {
      match: [
        `client.Credentials = new NetworkCredential("svc", "${
          fakeToken("nc1", Charset.alnum, 12)
        }");`,
        `var entry = new DirectoryEntry("LDAP://dc.corp.test", "corp\\\\svc", "${
          fakeToken("nc2", Charset.alnum, 10)
        }");`,
        `smtp:\n  auth: PasswordAuthentication("mailer", "${
          fakeToken("nc3", Charset.alnum, 14)
        }")\n`,
      ],
      ignore: ["new NetworkCredential(user, password)"],
    },
  },
  {
    id: "credential-call-argument",
    category: "password-assignment",
    description:
      "A literal with a credential's shape passed to a call whose name mentions a password, secret, token or auth (login(), red:auth(), fromPassword(), CURLOPT_USERPWD, …)",
    // `token` and `auth` only before a parenthesis: code is full of them (tokenizer, author).
    keywords: [
      "pass",
      "pwd",
      "secret",
      "cred",
      "token(",
      "auth(",
      "authenticate(",
      ".login(",
      "connect(",
    ],
    // Simple arguments (literals, names) up to the last literal, so a nested call further on
    // (`fromPassword('admin', SecretValue.unsafePlainText('…'))`) gets its own run.
    pattern:
      /(?<callee>[\w$]{0,40}(?:(?:\.|->|::?)[\w$]{1,40}){0,3})(?:\(|[ \t]*,)(?<args>(?:[ \t]*(?:"[^"\r\n]{0,200}"|'[^'\r\n]{0,200}'|[\w$.@:-]{1,100})[ \t]*,){0,6}[ \t]*(?:"[^"\r\n]{0,200}"|'[^'\r\n]{0,200}'))/i,
    tier: 1,
    refine: ({ text, match }) => {
      const callee = match.groups?.callee ?? "";
      // The whole name, also where the keyword sits inside it (`getToken`, `CURLOPT_USERPWD`).
      const name = (lineBefore(text, match.index).match(/[\w$]*$/)?.[0] ?? "") + callee;
      if (LOOKUP_CALL.test(name.replace(/^.*(?:\.|->|:)/, ""))) return null;
      // `NAME, "…"` without a call only after an option constant (CURLOPT_USERPWD), not after
      // any argument (`t.equal(authority, "user:pass@host")`).
      const called = match[0][callee.length] === "(";
      if (!called && !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(name)) return null;
      const at = match.indices?.groups?.args?.[0];
      if (at === undefined) return null;
      const args = match.groups?.args ?? "";
      // A keyword inside a string literal is prose, not a call.
      if (/["'][^"',]*$/.test(lineBefore(text, match.index))) return null;
      const spans: Array<{ start: number; end: number }> = [];
      // connect(host, user, password): the third argument on, where a password sits.
      const connect = /connect$/i.test(callee);
      let index = 0;
      for (const lit of args.matchAll(/"([^"]*)"|'([^']*)'|,/g)) {
        if (lit[0] === ",") {
          index++;
          continue;
        }
        const v = lit[1] ?? lit[2] ?? "";
        if (connect && index < 2) continue;
        const ok = credentialArgument(v) ??
          (connect && passwordShaped(v) && /\d/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v)
            ? { lead: 0 }
            : null);
        if (!ok) continue;
        const start = at + lit.index! + 1 + ok.lead;
        spans.push({ start, end: at + lit.index! + 1 + v.length });
      }
      return spans.length ? spans : null;
    },
    examples: {
      match: [
        `server.login("alerts@example.test", "${
          fakeToken("ca1", Charset.lower, 16).replace(/(.{4})(?!$)/g, "$1 ")
        }")`,
        `curl_easy_setopt(curl, CURLOPT_USERPWD, "sync:${fakeToken("ca2", Charset.alpha, 7)}&${
          fakeToken("ca2b", "0123456789", 2)
        }");`,
        `snippet:\n  local ok, err = red:auth("${fakeToken("ca3", Charset.alnum, 24)}")`,
      ],
      ignore: [
        'const pw = await getSecret("db-password");',
        'keyring.get_password("smtp", "alerts")',
        "login(user, password)",
      ],
    },
  },
  {
    id: "directive-secret-argument",
    category: "password-assignment",
    description:
      "A config directive naming a secret whose value is its last argument, after a name or two (sentinel auth-pass <master> <password>, masterauth, radius secret <client> <secret>)",
    // Keywords the assignment detector already has; not `token` or `auth`, which code is full of
    // (`auth-pass` and `auth_pass` hold `pass`).
    keywords: ["pass", "pwd", "secret"],
    pattern:
      /[\w-]{0,30}(?:[ \t]{1,8}[\w.@:\/-]{1,64}){1,2}[ \t]{1,8}(?<secret>[^\s"'\x60]{8,256})[ \t]*(?=\r?\n|$)/i,
    tier: 1,
    gate: "strict",
    refine: ({ text, match, start, end }) => {
      // A directive: the line starts with at most two words before the secret's name.
      const before = lineBefore(text, match.index);
      if (!/^[ \t]*(?:[A-Za-z][\w-]{0,30}[ \t]+){0,2}[\w-]*$/.test(before)) return null;
      // The name says secret in a word of its own (`auth-pass`, not `AuthorizedKeysFile`).
      const name = (before.match(/[\w-]*$/)?.[0] ?? "") + /^[\w-]*/.exec(match[0])![0];
      if (!words(name).some((w) => DIRECTIVE_WORDS.has(w))) return null;
      const v = text.slice(start, end);
      if (isPlaceholder(v) || /^[$%{<]|\$\{|\//.test(v)) return null;
      // Names joined by `-_.` (`Authorized-Keys-2`) are not a password without a symbol of
      // their own.
      if (/^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)+$/.test(v) && !/\d.*\d.*\d/.test(v)) return null;
      const random = /^[A-Za-z0-9+/=_~.-]+$/.test(v) && /\d/.test(v) && /[a-z]/.test(v) &&
        /[A-Z]/.test(v) && looksRandom(v, { minLength: 20, minEntropy: 3.8 });
      return random || mixedPassword(v) ? { start, end } : null;
    },
    examples: {
      match: [
        `sentinel monitor main 10.0.0.5 6379 2\nsentinel auth-pass main ${
          fakeToken("da1", Charset.alnum, 32)
        }`,
        `client:\n  radius-secret nas01 ${fakeToken("da2", Charset.alpha, 6)}#${
          fakeToken("da3", "0123456789", 3)
        }`,
        `# vrrp\nauth_pass vrrp1 ${fakeToken("da4", Charset.alnum, 28)}`,
      ],
      ignore: [
        "sentinel auth-pass mymaster ${REDIS_PASSWORD}",
        "token expired for user alice after-3-retries",
      ],
    },
  },
  {
    id: "password-in-prose",
    category: "password-assignment",
    description:
      "A password quoted in a sentence (the password is \"…\", password for user 'x' is '…')",
    keywords: ["password", "passphrase"],
    pattern:
      /(?:password|passphrase)\s{1,4}(?:for\s{1,4}(?:the\s{1,4})?(?:user\s{1,4})?["']?[\w.@-]{1,64}["']?\s{1,4})?(?:is|was|will be|should be)\s{1,4}(?:set to\s{1,4})?["'\x60](?<secret>[^"'\x60\s]{3,64})["'\x60]/i,
    tier: 1,
    gate: "strict",
    refine: ({ text, start, end }) =>
      CODE_TYPES.test(text.slice(start, end)) ? null : { start, end },
    examples: {
      match: [
        `The default password is '${fakeToken("pp1", Charset.alnum, 9)}'.`,
        `# the password for user 'deploy' is "${fakeToken("pp2", Charset.alnum, 10)}"`,
        `echo "The admin password was \x60${fakeToken("pp3", Charset.alnum, 8)}\x60"`,
      ],
      ignore: ["The password is stored in the keychain.", 'error: "password is required"'],
    },
  },
  {
    id: "truenas-api-key",
    category: "infra-token",
    description: "TrueNAS API key (id-64 characters) passed to auth.login_with_api_key",
    keywords: ["login_with_api_key"],
    pattern: /(?<![A-Za-z0-9-])\d{1,6}-[A-Za-z0-9]{64}(?![A-Za-z0-9])/,
    window: { before: 0, after: 240 },
    tier: 3,
    examples: {
      match: [
        `{"msg": "method", "method": "auth.login_with_api_key", "params": ["3-${
          fakeToken("tn1", Charset.alnum, 64)
        }"]}`,
        `ws.call("auth.login_with_api_key", ["12-${fakeToken("tn2", Charset.alnum, 64)}"])`,
        `method: auth.login_with_api_key\nparams:\n  - 7-${fakeToken("tn3", Charset.alnum, 64)}\n`,
      ],
      ignore: [`{"method": "auth.login_with_api_key", "params": ["<key>"]}`],
    },
  },
  {
    id: "url-secret-param",
    category: "password-assignment",
    description: "A token, key, secret or password sent as a URL or form parameter",
    keywords: ["token=", "key=", "secret=", "password=", "sig=", "pwd=", "auth="],
    pattern:
      /(?:&amp;|[?&]|\s-d\s{1,4}|--data\s{1,4})[A-Za-z_-]{0,32}(?:token|key|secret|password|passwd|pwd|sig|signature|auth)=(?<secret>[^&\s"'#<>]{8,512})/i,
    window: { before: 40, after: 520 },
    tier: 1,
    refine: ({ text, start, end, mode }) => {
      const v = text.slice(start, end);
      if (isPlaceholder(v) || /^[{$%<]/.test(v)) return null;
      if (mode === "gate" && !looksRandom(v, { minLength: 16, minEntropy: 3.2 })) return null;
      if (!/[0-9]/.test(v) && characterClasses(v) < 2) return null;
      // Words joined by separators, also URL-encoded (`value%23still-query`), are not a token.
      if (/^[a-z]+(?:(?:[-_.+#]|%[0-9a-f]{2})[a-z]+)*$/i.test(v) && !/[A-Z].*[a-z][A-Z]/.test(v)) {
        return null;
      }
      return { start, end };
    },
    examples: {
      match: [
        `curl "https://api.example.test/v1/items?access_token=${
          fakeToken("up1", Charset.hex, 40)
        }"`,
        `{"url": "https://maps.example.test/geo?q=x&key=${
          fakeToken("up2", Charset.base64url, 39)
        }"}`,
        `curl https://api.example.test/v1/devices -d access_token=${
          fakeToken("up3", Charset.hex, 40)
        }`,
        // A URL inside XML escapes its `&` (IntelliJ data sources, Hibernate, Maven settings).
        `<jdbc-url>jdbc:mysql://db:3306/app?user=app&amp;password=${
          fakeToken("up4", Charset.alnum, 20)
        }4Q</jdbc-url>`,
        // Hyphenated parameter names (presigned S3 and GCS links).
        `https://b.s3.example.test/a.pdf?X-Amz-Date=20260101&X-Amz-Security-Token=${
          fakeToken("up5", Charset.base64url, 80)
        }`,
      ],
      ignore: [
        "https://example.test/login?token={token}",
        "https://example.test/?key=value",
        "x:/resource?key=value%23still-query#first",
        "https://example.test/cb?x-api-key=not-a-real-value",
      ],
    },
  },
];
