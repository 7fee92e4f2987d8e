// Shapes that are secrets whatever the provider: private keys, JWTs, password hashes,
// credentials in URLs and connection strings, Authorization headers, netrc, WireGuard keys.
import type { Detector } from "../detector.ts";
import {
  credibleLiteral,
  isPlaceholder,
  lineAfter,
  lineBefore,
  looksRandom,
  mixedPassword,
  shannonEntropy,
} from "../checks.ts";
import { Charset, fakeToken, inContexts } from "../fake.ts";
import { settle } from "../lazy.ts";

const pemBody = (seed: string) =>
  Array.from({ length: 6 }, (_, i) => fakeToken(`${seed}${i}`, Charset.base64, 64)).join("\n");
const pem = (kind: string, seed: string) =>
  `-----BEGIN ${kind}PRIVATE KEY-----\n${pemBody(seed)}\n-----END ${kind}PRIVATE KEY-----`;
const b64url = (value: string) =>
  btoa(value).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const jwt = (seed: string) =>
  `${b64url('{"alg":"HS256","typ":"JWT"}')}.${
    b64url(`{"sub":"${fakeToken(seed, Charset.digits, 10)}","name":"Test","iat":1700000000}`)
  }.${fakeToken(seed + "sig", Charset.base64url, 43)}`;

const pw = (seed: string) =>
  `${fakeToken(seed, Charset.alpha, 6)}#${fakeToken(seed + "d", Charset.digits, 2)}${
    fakeToken(seed + "t", Charset.lower, 3)
  }`;

/** Whether a base64 blob decodes to a PEM private-key header. */
function decodesToPrivateKey(blob: string): boolean {
  const head = blob.slice(0, 96).replace(/[^A-Za-z0-9+/]/g, "");
  try {
    return /PRIVATE KEY/.test(atob(head.slice(0, head.length - (head.length % 4))));
  } catch {
    return false;
  }
}

const CRED_CHARS = "[^\\s:/?#@\"'`<>\\\\]";

/** Structural detectors. */
export const structuralDetectors = (): Detector[] => [
  {
    id: "private-key",
    category: "private-key",
    description: "PEM / OpenSSH / PGP private key block (also with escaped \\n in JSON)",
    keywords: ["-----begin"],
    pattern:
      /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,16384}?-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\s\\:,.-]{0,16384})/,
    tier: 2,
    keep: 0,
    refine: ({ text, start, end }) => {
      // A real key has a body; documentation shows `…KEY-----\nXXXX\n-----END…`.
      const body = text.slice(start, end).replace(/-----[A-Z ]+-----/g, "").replace(/\\n|\s/g, "");
      return body.length >= 40 && !/^(?:X|\.|\*)+$/i.test(body.slice(0, 40))
        ? { start, end }
        : null;
    },
    // Built on first read (settle): three PEM bodies cost a millisecond, and an edit with a URL
    // builds this file.
    get examples() {
      return settle(this, "examples", {
        match: [
          pem("RSA ", "rsa"),
          `{"private_key": "${pem("", "json").replace(/\n/g, "\\n")}"}`,
          `key: |\n  ${pem("OPENSSH ", "ssh").replace(/\n/g, "\n  ")}\n`,
        ],
        ignore: [
          "-----BEGIN PUBLIC KEY-----\nMFkwEwYH\n-----END PUBLIC KEY-----",
          "-----BEGIN CERTIFICATE-----",
          'key="-----BEGIN PRIVATE KEY-----\\nXXXX\\nXXXX\\n-----END PRIVATE KEY-----"',
        ],
      });
    },
  },
  {
    id: "putty-private-lines",
    category: "private-key",
    description:
      "The private lines of a PuTTY key file (.ppk), also when cut before its Private-MAC line",
    keywords: ["private-lines:"],
    pattern: /Private-Lines:[ \t]*\d{1,3}\r?\n(?<secret>(?:[A-Za-z0-9+/=]{4,80}(?:\r?\n|$)){1,64})/,
    tier: 2,
    keep: 0,
    examples: {
      match: [
        `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n${
          fakeToken("ppk1", Charset.base64, 64)
        }\n`,
        `key.ppk:\n  Private-Lines: 2\n${fakeToken("ppk2", Charset.base64, 64)}\n${
          fakeToken("ppk3", Charset.base64, 24)
        }`,
        `{"ppk": "x"}\nPrivate-Lines: 1\n${fakeToken("ppk4", Charset.base64, 44)}`,
      ],
      ignore: ["Private-Lines: 14 (the count of base64 lines that follow)"],
    },
  },
  {
    id: "seed-phrase",
    category: "private-key",
    description:
      "A wallet's recovery phrase (12 to 24 lowercase words) under a mnemonic or seed phrase name",
    keywords: [
      "mnemonic",
      "seed phrase",
      "seed_phrase",
      "recovery phrase",
    ],
    pattern: /(?<![a-z])(?<secret>(?:[a-z]{3,8}[ \t]+){11,23}[a-z]{3,8})(?![a-z])/,
    window: { before: 0, after: 260 },
    tier: 2,
    refine: ({ text, start, end }) => {
      const words = text.slice(start, end).split(/[ \t]+/).length;
      return words % 3 === 0 ? { start, end } : null;
    },
    examples: {
      match: [
        `MNEMONIC="${"abandon ability able about above absent absorb abstract absurd abuse access accident"}"`,
        `wallet:\n  seed_phrase: ${"legal winner thank year wave sausage worth useful legal winner thank yellow"}`,
        `my recovery phrase is ${"letter advice cage absurd amount doctor acoustic avoid letter advice cage above"}`,
      ],
      ignore: ["mnemonic: a phrase of twelve words that restores the wallet"],
    },
  },
  {
    id: "private-key-base64",
    category: "private-key",
    description: "Base64-encoded PEM private key (LS0tLS1CRUdJTi…)",
    keywords: ["ls0tls1crudjti"],
    pattern: /LS0tLS1CRUdJTi[A-Za-z0-9+/]{20,16384}={0,2}/,
    tier: 2,
    refine: ({ text, start, end }) =>
      decodesToPrivateKey(text.slice(start, end)) ? { start, end } : null,
    get examples() {
      return settle(this, "examples", {
        match: inContexts("PRIVATE_KEY_B64", btoa(pem("RSA ", "b64"))),
        ignore: [btoa("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")],
      });
    },
  },
  {
    id: "putty-private-key",
    category: "private-key",
    description: "PuTTY private key file (.ppk)",
    keywords: ["putty-user-key-file-"],
    pattern: /PuTTY-User-Key-File-\d: [\s\S]{0,16384}?Private-MAC: [a-f0-9]{40,64}/,
    tier: 2,
    examples: {
      match: [
        `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n${
          fakeToken("ppk1", Charset.base64, 44)
        }\nPrivate-MAC: ${fakeToken("ppk2", Charset.hex, 64)}`,
        `{"ppk": "PuTTY-User-Key-File-2: ssh-rsa\\nPrivate-Lines: 1\\n${
          fakeToken("ppk3", Charset.base64, 44)
        }\\nPrivate-MAC: ${fakeToken("ppk4", Charset.hex, 40)}"}`,
        `key = """PuTTY-User-Key-File-3: ssh-rsa\nPrivate-MAC: ${
          fakeToken("ppk5", Charset.hex, 64)
        }"""`,
      ],
      ignore: ["PuTTY-User-Key-File-3 files hold a key"],
    },
  },
  {
    id: "jwt",
    category: "jwt",
    description: "JSON Web Token (three base64url parts, header starting eyJ)",
    keywords: ["eyj"],
    pattern:
      /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{16,1024}(?![A-Za-z0-9_-])|(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.?(?![A-Za-z0-9_.-])/,
    tier: 2,
    refine: ({ text, start, end, mode }) => {
      if (mode !== "gate") return { start, end };
      // The jwt.io sample token is in every tutorial and test suite; it signs nothing real.
      const payload = text.slice(start, end).split(".")[1] ?? "";
      try {
        const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
        return /"sub":"1234567890"|"name":"John Doe"/.test(json) ? null : { start, end };
      } catch {
        return { start, end };
      }
    },
    examples: {
      match: inContexts("SESSION_JWT", jwt("jwt")),
      ignore: ["eyJhbGciOi is how a JWT starts", "const header = 'eyJ' + rest;"],
    },
  },
  ...(
    [
      [
        "bcrypt-hash",
        "bcrypt password hash ($2a$/$2b$/$2y$)",
        ["$2a$", "$2b$", "$2y$", "$2x$"],
        /\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}/,
        () => `$2b$12$${fakeToken("bc", "./" + Charset.alnum, 53)}`,
      ],
      [
        "md5crypt-hash",
        "md5crypt password hash ($1$)",
        ["$1$"],
        /\$1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}(?![./A-Za-z0-9])/,
        () =>
          `$1$${fakeToken("md5s", Charset.alnum, 8)}$${fakeToken("md5", "./" + Charset.alnum, 22)}`,
      ],
      [
        "sha256crypt-hash",
        "sha256crypt password hash ($5$)",
        ["$5$"],
        /\$5\$(?:rounds=\d{1,9}\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43}(?![./A-Za-z0-9])/,
        () =>
          `$5$${fakeToken("s5s", Charset.alnum, 16)}$${fakeToken("s5", "./" + Charset.alnum, 43)}`,
      ],
      [
        "sha512crypt-hash",
        "sha512crypt password hash ($6$)",
        ["$6$"],
        /\$6\$(?:rounds=\d{1,9}\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{86}(?![./A-Za-z0-9])/,
        () =>
          `$6$${fakeToken("s6s", Charset.alnum, 16)}$${fakeToken("s6", "./" + Charset.alnum, 86)}`,
      ],
      [
        "cisco-type8-hash",
        "Cisco IOS type 8 (PBKDF2-SHA256) password hash ($8$)",
        ["$8$"],
        /\$8\$[./A-Za-z0-9]{14}\$[./A-Za-z0-9]{43}(?![./A-Za-z0-9])/,
        () =>
          `$8$${fakeToken("c8s", Charset.alnum, 14)}$${fakeToken("c8", "./" + Charset.alnum, 43)}`,
      ],
      [
        "kerberos-asrep-hash",
        "Kerberos 5 AS-REP etype 23 hash ($krb5asrep$23$)",
        ["$krb5asrep$"],
        /\$krb5asrep\$\d{2}\$(?:[^:$\s]{1,128}:)?[a-f0-9]{32}\$[a-f0-9]{64,8192}/,
        () =>
          `$krb5asrep$23$user@corp.test:${fakeToken("k1", Charset.hex, 32)}$${
            fakeToken("k2", Charset.hex, 200)
          }`,
      ],
      [
        "argon2-hash",
        "Argon2 password hash ($argon2id$)",
        ["$argon2"],
        /\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{8,}\$[A-Za-z0-9+/]{16,}/,
        () =>
          `$argon2id$v=19$m=65536,t=3,p=4$${fakeToken("a2s", Charset.base64, 22)}$${
            fakeToken("a2", Charset.base64, 43)
          }`,
      ],
    ] as const
  ).map(([id, description, keywords, pattern, sample]): Detector => ({
    id,
    category: "password-hash",
    description,
    keywords: [...keywords],
    pattern,
    tier: 3,
    examples: {
      match: [
        `admin:${sample()}:19000:0:99999:7:::`,
        `{"password_hash": "${sample()}"}`,
        `INSERT INTO users VALUES ('admin', '${sample()}');`,
      ],
      ignore: [`price: ${keywords[0]}10 and ${keywords[0]}20`],
    },
  })),
  {
    id: "url-credentials",
    category: "connection-string",
    description: "Password in a URL or connection string (scheme://user:password@host)",
    keywords: ["://"],
    pattern: new RegExp(
      // The password may itself hold "@", ":" or "#": it runs to the last "@" before the host.
      `(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}://${CRED_CHARS}{0,128}:(?<secret>[^\\s/?"'\x60<>\\\\]{1,256})@[A-Za-z0-9[_.-]`,
    ),
    window: { before: 32, after: 420 },
    tier: 2,
    refine: ({ text, start, end, mode }) => {
      const value = text.slice(start, end);
      if (/^\d{1,5}$/.test(value)) return null; // user@host:port-like, not a password
      if (/^(?:\$\{|\{\{|%\(|<)/.test(value)) return null; // a template, not a value
      // A local default where the password repeats the user (guest:guest, postgres:postgres).
      const user = /([^\s/:@]+):$/.exec(text.slice(Math.max(0, start - 80), start))?.[1];
      if (user !== undefined && user.toLowerCase() === value.toLowerCase()) return null;
      // Documentation writes `user:password@host`; redact mode still hides it, gate lets it by.
      if (mode === "gate" && (isPlaceholder(value) || /^[$%{]/.test(value))) return null;
      return { start, end };
    },
    examples: {
      match: [
        `DATABASE_URL=postgres://app:${fakeToken("pg", Charset.alnum, 16)}@db.internal:5432/app`,
        `{"mongo": "mongodb+srv://admin:${
          fakeToken("mg", Charset.alnum, 14)
        }@cluster0.example.net/db"}`,
        `redis.connect("redis://:${fakeToken("rd", Charset.alnum, 20)}@cache:6379/0")`,
      ],
      ignore: [
        "https://example.com:8443/path",
        "git@github.com:org/repo.git",
        "postgres://localhost:5432/app",
        "amqp://guest:guest@localhost:5672/",
      ],
    },
  },
  {
    id: "connection-string-password",
    category: "connection-string",
    description: "Password in an ADO.NET / ODBC / JDBC connection string (…;Password=…;)",
    keywords: ["password", "pwd"],
    pattern:
      /(?<![A-Za-z0-9_])(?:password|pwd)\s{0,3}=\s{0,3}(?<secret>[^;"'<>\s][^;"'<>\r\n]{0,127}?)\s*(?=;|"|'|$)/im,
    window: { before: 0, after: 140 },
    tier: 2,
    refine: ({ text, start, end, mode }) => {
      // Only inside a connection string: another well-known key in the same segment.
      const line = lineBefore(text, start) + text.slice(start, end) + lineAfter(text, end);
      if (
        !/(?:server|data source|host|user id|uid|database|initial catalog|provider|driver|dsn)\s*=/i
          .test(line)
      ) {
        return null;
      }
      const value = text.slice(start, end);
      // ODBC quotes a value in braces (`Pwd={…};`); `{password}`, `${X}`, `#{X}`, `%X%` are templates.
      if (/^\{[^{}$#%\s]+\}$/.test(value) && !/^\{[A-Za-z_][\w.]*\}$/.test(value)) {
        return { start: start + 1, end: end - 1 };
      }
      if (/^[#{$%]/.test(value) && /[}#%]$/.test(value)) return null; // a template
      // A keyword argument in code, `connect(host=host, password=password)`: a name, no literal.
      if (
        /^[A-Za-z_][\w.]*(?:\)*$|[[(])/.test(value) &&
        /[,(]\s*(?:password|pwd)\s*=\s*$/i.test(text.slice(Math.max(0, start - 24), start))
      ) return null;
      if (mode === "gate" && isPlaceholder(value)) return null;
      return { start, end };
    },
    examples: {
      match: [
        `Server=db;Database=app;User Id=svc;Password=${fakeToken("ado1", Charset.alnum, 14)};`,
        `<add name="Main" connectionString="Data Source=db;Initial Catalog=x;User ID=sa;Password=${
          fakeToken("ado2", Charset.alnum, 12)
        }" />`,
        `{"ConnectionStrings": {"Db": "Driver={ODBC};Server=db;Uid=app;Pwd=${
          fakeToken("ado3", Charset.alnum, 10)
        };"}}`,
      ],
      ignore: [
        "Server=db;Database=app;Integrated Security=true;",
        "password = hashPassword(input);",
      ],
    },
  },
  {
    id: "authorization-header",
    category: "auth-header",
    description: "Credentials in an Authorization header (Bearer, Basic, Token, Bot, SSWS, Digest)",
    keywords: ["authorization"],
    pattern:
      /authorization["']?(?:\s{0,4}[:=,]|\s)\s{0,4}["'`]?\s{0,2}(?:bearer|basic|token|bot|ssws|digest|apikey|api-key|splunk|key|geniekey|sso-key)\s+(?<secret>[A-Za-z0-9._~+/=-]{8,65536})/i,
    tier: 2,
    refine: ({ text, start, end }) => isPlaceholder(text.slice(start, end)) ? null : { start, end },
    examples: {
      match: [
        `curl -H "Authorization: Bearer ${
          fakeToken("bearer", Charset.base64url, 40)
        }" https://api.test`,
        `{"headers": {"Authorization": "Basic ${
          btoa("user:" + fakeToken("basic", Charset.alnum, 12))
        }"}}`,
        `GET /v1/me HTTP/1.1\nAuthorization: token ${fakeToken("tokhdr", Charset.hex, 40)}\n`,
      ],
      ignore: ["Authorization: Bearer <token>", 'headers.Authorization = "Bearer " + token'],
    },
  },
  {
    id: "bearer-token",
    category: "auth-header",
    description: "A bearer token written out in a request (Bearer <token>)",
    keywords: ["bearer"],
    pattern: /(?<![A-Za-z0-9])bearer[:\s]\s{0,4}(?<secret>[A-Za-z0-9._~+/-]{16,65536}=*)/i,
    tier: 1,
    gate: "strict",
    refine: ({ text, start, end }) =>
      looksRandom(text.slice(start, end), { minLength: 16, minEntropy: 3.0 })
        ? { start, end }
        : null,
    examples: {
      match: [
        `curl -H 'X-Auth: Bearer ${fakeToken("b1", Charset.base64url, 40)}' https://api.test`,
        `{"auth": "Bearer ${fakeToken("b2", Charset.base64url, 32)}"}`,
        `requests.get(url, headers={"Proxy": "Bearer ${fakeToken("b3", Charset.alnum, 36)}"})`,
      ],
      ignore: [
        'const header = "Bearer " + token;',
        "Bearer authentication is described in RFC 6750",
      ],
    },
  },
  {
    id: "api-key-header",
    category: "auth-header",
    description:
      "Credential in an API-key request header (X-API-Key, Private-Token, X-Auth-Token …)",
    keywords: [
      "x-api-key",
      "api-key",
      "private-token",
      "x-auth-token",
      "-token:",
      "x-access-token",
      "apikey:",
      "-crumb:",
    ],
    pattern:
      // The value after `:`/`=`, or after spaces as web servers write it (nginx
      // `proxy_set_header X-Api-Key …;`, Apache `RequestHeader set X-Api-Key "…"`).
      /(?<![A-Za-z0-9])(?:x-)?[A-Za-z-]{0,24}(?:api-?key|token|crumb)["']?(?:\s{0,4}[:=]|[ \t]{1,4}(?=["']?[A-Za-z0-9]))\s{0,4}["']?(?<secret>[A-Za-z0-9._~+/-]{16,65536}=*)/i,
    window: { before: 32, after: 600 },
    tier: 2,
    refine: ({ text, start, end }) => {
      const v = text.slice(start, end);
      // A reference in code (`apiKey: process.env.API_KEY`), not a key: dotted words, no digit.
      if (/^[A-Za-z_$]+(?:\.[A-Za-z_$]+)+$/.test(v)) return null;
      return looksRandom(v, { minLength: 16, minEntropy: 3.0 }) ? { start, end } : null;
    },
    examples: {
      match: [
        `curl -H "X-API-Key: ${fakeToken("xak", Charset.alnum, 32)}" https://api.test`,
        `{"headers": {"PRIVATE-TOKEN": "${fakeToken("prt", Charset.base64url, 26)}"}}`,
        `headers:\n  X-Auth-Token: ${fakeToken("xat", Charset.hex, 40)}\n`,
        `proxy_set_header X-Api-Key ${fakeToken("xng", Charset.hex, 32)};`,
      ],
      ignore: ['headers["X-API-Key"] = apiKey', "X-API-Key: <your key>"],
    },
  },
  {
    id: "session-cookie",
    category: "auth-header",
    description:
      "A session or auth cookie in a Cookie/Set-Cookie header or curl --cookie (session_id=…, sid=…, remember_token=…)",
    keywords: ["cookie", "--cookie"],
    pattern: /(?:cookie["']?:|--cookie[ =]|cookie\s?=)[ \t]*["']?(?<value>[^\r\n"']{1,4096})/i,
    tier: 2,
    refine: ({ text, match }) => {
      const span = match.indices?.groups?.value;
      if (!span) return null;
      const pairs = /(?:^|;\s*)(?<name>[\w.-]{1,64})=(?<value>[^;\s,]{16,4096})/g;
      const header = text.slice(span[0], span[1]);
      for (const m of header.matchAll(pairs)) {
        const name = m.groups!.name!;
        const value = m.groups!.value!;
        if (!/sess|sid|token|auth|jwt|remember|login|csrf|xsrf/i.test(name)) continue;
        if (!looksRandom(value.replace(/%[0-9A-F]{2}/gi, ""), { minLength: 16, minEntropy: 3.3 })) {
          continue;
        }
        const start = span[0] + m.index! + m[0].length - value.length;
        return { start, end: start + value.length };
      }
      return null;
    },
    examples: {
      match: [
        `Cookie: theme=dark; session_id=${fakeToken("ck1", Charset.base64url, 40)}`,
        `curl --cookie "sid=${fakeToken("ck2", Charset.alnum, 32)}" https://app.example.test`,
        `{"headers": {"Set-Cookie": "remember_token=${
          fakeToken("ck3", Charset.alnum, 48)
        }; Path=/; HttpOnly"}}`,
      ],
      ignore: [
        "Cookie: theme=dark; lang=en",
        "Set-Cookie: session_id=; Max-Age=0",
        "document.cookie = `session=${token}`",
      ],
    },
  },
  {
    id: "session-cookie-value",
    category: "auth-header",
    description:
      "The value of a well-known session cookie wherever the pair is written: curl -b, a cookie jar, a HAR entry, a log (sessionid=…, connect.sid, JSESSIONID, PHPSESSID, laravel_session, _app_session …)",
    // The name's tail: every framework's session cookie ends in one of these.
    keywords: [
      "sessionid",
      "sessid",
      "connect.sid",
      "_session",
      "session-token",
      "session=",
      "session\t",
      "sess=",
      "sid=",
      "sid\t",
      ".aspxauth",
      "remember_",
      "logged_in_",
    ],
    // Sticky at the keyword: the rest of the name, then `=`, a cookie jar's tab, a JSON key's
    // `": "`, a call's `', '` or a HAR entry's `", "value": "`.
    pattern:
      /(?:sessionid|sessid|connect\.sid|_session|session-token|session|sess|sid|\.aspxauth|remember_|logged_in_)[\w.-]{0,80}(?:=|\t|["']\s{0,4}[,:]\s{0,4}(?:["']value["']\s{0,4}:\s{0,4})?["'])["']?(?<secret>[A-Za-z0-9%._~+/:-]{16,4096}={0,2})/i,
    tier: 2,
    refine: ({ text, start, end }) => {
      const v = text.slice(start, end).replace(/%[0-9A-F]{2}/gi, "");
      // Trace and chat session ids (UUIDs, ULIDs) are identifiers, not cookies.
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return null;
      if (/^[0-9A-HJKMNP-TV-Z]{26}$/.test(v)) return null;
      if (/^(?:https?:|\/)/.test(v)) return null;
      const bare = v.replace(/[._~+/:-]/g, "");
      // Django's and Rails' ids may be lowercase letters only: random by their entropy.
      const random = looksRandom(bare, { minLength: 16, minEntropy: 3.3 }) ||
        (/^[a-z]{20,}$/i.test(bare) && !isPlaceholder(bare) && shannonEntropy(bare) >= 3.8);
      return random ? { start, end } : null;
    },
    examples: {
      match: [
        `curl -b 'sessionid=${fakeToken("sc1", Charset.lower, 32)}; theme=dark' https://x.test`,
        `.acme.test\tTRUE\t/\tTRUE\t0\tconnect.sid\ts%3A${fakeToken("sc2", Charset.base64url, 32)}`,
        `{"name": "laravel_session", "value": "${fakeToken("sc3", Charset.base64, 40)}"}`,
        `Set-Cookie: JSESSIONID=${fakeToken("sc4", Charset.upperHex, 32)}; Path=/; HttpOnly`,
        `document.cookie = "PHPSESSID=${fakeToken("sc5", Charset.lowerAlnum, 26)}"`,
      ],
      ignore: [
        "Set-Cookie: sessionid=deleted; Max-Age=0",
        `log: session_id=${"0d4f8c1e-7a2b-4c3d-9e8f-1a2b3c4d5e6f"}`,
        "const session = getSession(req)",
      ],
    },
  },
  {
    id: "protocol-auth-command",
    category: "password-assignment",
    description:
      "Credentials in a protocol transcript or command: SMTP AUTH PLAIN <base64>, NickServ IDENTIFY <password>, Redis AUTH [user] <password>",
    keywords: ["auth plain", "identify ", "auth "],
    pattern:
      /(?<![\w-])(?:AUTH\s+PLAIN\s+(?<plain>[A-Za-z0-9+/]{8,1024}={0,2})|NickServ\s+IDENTIFY\s+(?:[^\s]{1,32}\s+)?(?<nick>[^\s]{4,256})|(?:redis-cli[^\n]{0,200}?\s)?AUTH\s+(?:[\w.@-]{1,64}\s+)?(?<redis>[^\s]{6,256})(?=\s*$))/im,
    window: { before: 220, after: 1100 },
    tier: 2,
    refine: ({ match, text, mode }) => {
      const g = match.indices?.groups;
      const span = g?.plain ?? g?.nick ?? g?.redis;
      if (!span) return null;
      const value = text.slice(span[0], span[1]);
      if (!g?.plain && !credibleLiteral(value, mode)) return null;
      // `AUTH` alone on a line is Redis's command only when it is a command line, not prose.
      if (
        g?.redis &&
        !/^\s*(?:[\w.-]+(?::\d+)?>\s*|redis-cli\b|\$\s*)?AUTH\s/im.test(
          lineBefore(text, span[0]) + " ",
        )
      ) {
        return null;
      }
      return { start: span[0], end: span[1] };
    },
    examples: {
      match: [
        `C: AUTH PLAIN ${
          fakeToken("pa1", Charset.base64, 32)
        }\nS: 235 2.7.0 Authentication successful`,
        `/msg NickServ IDENTIFY ${pw("pa2")}`,
        `127.0.0.1:6379> AUTH default ${pw("pa3")}`,
      ],
      ignore: [
        "S: 250-AUTH PLAIN LOGIN",
        "AUTH PLAIN is enabled",
        "the AUTH command takes a password",
      ],
    },
  },
  {
    id: "openvpn-inline-credentials",
    category: "password-assignment",
    description: "The password line of an OpenVPN <auth-user-pass> block inlined in a profile",
    keywords: ["<auth-user-pass>"],
    pattern:
      /<auth-user-pass>[ \t]*\r?\n[ \t]*[^\s<]{1,128}[ \t]*\r?\n[ \t]*(?<secret>[^\r\n<]{1,256}?)[ \t]*\r?\n[ \t]*<\/auth-user-pass>/,
    tier: 2,
    refine: ({ text, start, end, mode }) =>
      credibleLiteral(text.slice(start, end), mode) ? { start, end } : null,
    examples: {
      match: [
        `client\n<auth-user-pass>\nvpnuser\n${pw("ovpn1")}\n</auth-user-pass>`,
        `  <auth-user-pass>\r\n  ops\r\n  ${
          fakeToken("ovpn2", Charset.alnum, 20)
        }\r\n  </auth-user-pass>`,
        `{"profile": "<auth-user-pass>\nbot\n${pw("ovpn3")}\n</auth-user-pass>"}`,
      ],
      ignore: ["<auth-user-pass>\nuser\n${VPN_PASSWORD}\n</auth-user-pass>"],
    },
  },
  {
    id: "netrc-password",
    category: "password-assignment",
    description: "Password in a .netrc / _netrc entry (machine … login … password …)",
    keywords: ["machine"],
    pattern: /machine\s+\S{1,256}\s+login\s+\S{1,256}\s+password\s+(?<secret>\S{1,256})/,
    tier: 2,
    examples: {
      match: [
        `machine api.example.test login bot password ${fakeToken("netrc1", Charset.alnum, 20)}`,
        `machine git.example.test\n  login ci\n  password ${
          fakeToken("netrc2", Charset.hex, 40)
        }\n`,
        `printf 'machine h login u password ${fakeToken("netrc3", Charset.alnum, 16)}' > ~/.netrc`,
      ],
      ignore: ["machine learning: log in, then reset the password from the login page"],
    },
  },
  {
    id: "cli-user-password",
    category: "password-assignment",
    description:
      "user:password passed to curl/wget/http with -u or --user, or to HTTPie/xh with -a or --auth",
    keywords: [" -u ", " --user ", " --user=", " -a ", " --auth ", " --auth="],
    pattern:
      /\s(?<flag>-u|--user|-a|--auth)[\s=]{1,4}["']?[^\s:"'$]{1,128}:(?<secret>[^\s"'@]{1,256})["']?(?=\s|$)/,
    window: { before: 2, after: 400 },
    tier: 1,
    refine: ({ text, match, start, end, mode }) => {
      const before = lineBefore(text, start);
      if (!/(?:curl|wget|http|httpie|xh)\b/i.test(before)) return null;
      // `-a` is HTTPie's and xh's auth flag only (curl's -a appends).
      if (
        /^-a$|^--auth$/.test(match.groups!.flag!) &&
        !/(?:^|[\s;&|(`"'])(?:https?|httpie|xhs?)\s/.test(before)
      ) return null;
      const value = text.slice(start, end);
      if (/^\$|^%\w+%$|^\{\{/.test(value)) return null;
      if (
        mode === "gate" && !looksRandom(value, { minLength: 12, minEntropy: 3 }) &&
        !mixedPassword(value)
      ) return null;
      return { start, end };
    },
    examples: {
      match: [
        `curl -u admin:${fakeToken("cu1", Charset.alnum, 16)} https://ci.example.test/api`,
        `run: curl --user "svc:${
          fakeToken("cu2", Charset.alnum, 20)
        }" -X POST https://api.example.test`,
        `wget --user=ci:${fakeToken("cu3", Charset.alnum, 18)} https://files.example.test/a.tgz`,
        `http -a ops:${pw("cu4")} GET https://grafana.example.test/api/health`,
        `xh --auth=bot:${fakeToken("cu5", Charset.alnum, 20)} post https://api.example.test`,
      ],
      ignore: [
        "curl -u $USER:$TOKEN https://ci.example.test",
        "tar -u file:part",
        "curl -a -T part2.log ftp://files.example.test/logs/x:y",
      ],
    },
  },
  {
    id: "wireguard-key",
    category: "private-key",
    description: "WireGuard PrivateKey / PresharedKey in a config",
    keywords: ["privatekey", "presharedkey"],
    pattern:
      /(?:Private|Preshared)Key["']?\s{0,4}[:=]\s{0,4}["']?(?<secret>[A-Za-z0-9+/]{42}[A-Za-z0-9+/=]=)/i,
    tier: 3,
    examples: {
      match: [
        `[Interface]\nPrivateKey = ${fakeToken("wg1", Charset.base64, 43)}=\nAddress = 10.0.0.2/32`,
        `[Peer]\nPresharedKey = ${fakeToken("wg2", Charset.base64, 43)}=\n`,
        `{"wg": {"PrivateKey": "${fakeToken("wg3", Charset.base64, 43)}="}}`,
      ],
      ignore: ["PrivateKey = <base64 key>"],
    },
  },
  {
    id: "cli-password-flag",
    category: "password-assignment",
    description:
      "Password passed on a command line (psexec -p, Connect-VIServer -Password, --password)",
    keywords: [" -p ", " -password ", " --password", " -pw ", "-p:"],
    pattern:
      /\s(?:-p|-password|--password|-pw|\/p:|-p:)(?:\s+|=)(?<secret>"[^"\r\n]{1,128}"|'[^'\r\n]{1,128}'|[^\s"'|;&]{1,128})/i,
    window: { before: 2, after: 160 },
    tier: 1,
    gate: "strict",
    refine: ({ text, start, end }) => {
      // Only where a command that takes credentials is on the same line.
      const line = lineBefore(text, start);
      if (
        !/(?:psexec|connect-viserver|mysql|mysqladmin|pg_dump|sqlcmd|net use|runas|smbclient|curl|wget|docker login|htpasswd|sshpass|ldapsearch|freerdp|rdesktop|cmdkey|mongo|cqlsh|influx|ipmitool|bcp|isql|-u\s|\/u:)/i
          .test(line)
      ) return null;
      const value = text.slice(start, end).replace(/^["']|["']$/g, "");
      if (/^\$[A-Za-z_{(]|^%\w+%$|^\{\{/.test(value) || value.length < 3) return null;
      // mysql's `-p` takes its value attached (`-pSECRET`); `-p app` prompts and names the database.
      if (
        /(?:^|[\s/])(?:mysql|mysqldump|mysqladmin|mariadb|mysqlsh)\b/.test(line) &&
        /-p$/.test(text.slice(Math.max(0, start - 3), start).trim())
      ) {
        return null;
      }
      return { start, end };
    },
    examples: {
      match: [
        `psexec \\\\host -u admin -p ${fakeToken("pse", Charset.alnum, 12)} cmd`,
        `Connect-VIServer -Server vc.local -User root -Password "${
          fakeToken("vis", Charset.alnum, 10)
        }"`,
        `mysql -h db -u root --password=${fakeToken("mys", Charset.alnum, 14)} app`,
      ],
      ignore: [
        "psexec \\\\host -u admin -p $Password cmd",
        "ls -p /tmp",
        "mysql -h db -u root -p app",
      ],
    },
  },
];
