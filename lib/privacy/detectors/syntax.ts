// Secrets in structured syntax the assignment detector cannot read: name/value pairs (k8s env,
// ECS), XML elements and keyed entries, PHP define(), Terraform variable defaults, defaults of
// environment lookups, SQL passwords, and Markdown/CSV tables with a password column.
import type { Detector, MatchContext, Span } from "../detector.ts";
import {
  asciiSet,
  credibleInGate,
  credibleLiteral,
  isPlaceholder,
  lineAfter,
  lineBefore,
  looksRandom,
  passwordShaped,
} from "../checks.ts";
import { Charset, fakeToken, fakeUuid } from "../fake.ts";
import { isSecretKey, secretUnderKey } from "./generic.ts";

/** The inside of a quoted group (or the bare group), as offsets into the text. */
function valueSpan(
  { text, match }: MatchContext,
  group: string,
): { start: number; end: number; value: string } | undefined {
  const span = match.indices?.groups?.[group];
  if (!span) return undefined;
  let [start, end] = span;
  if (/^["'`]/.test(text[start]!) && end - start >= 2) {
    start++;
    end--;
  }
  return { start, end, value: text.slice(start, end) };
}

const credibleValue = credibleLiteral;

/** A refine for patterns with a `key` and a `value` group: the key must name a secret. */
function keyedValue(ctx: MatchContext): { start: number; end: number } | null {
  const key = (ctx.match.groups?.key ?? "").replace(/^.*:/, "");
  const v = valueSpan(ctx, "value");
  if (!v || !credibleValue(v.value, ctx.mode)) return null;
  // A key of some vendor (`STRIPE_KEY`, `mapsKey`) holds a secret when its value is random.
  const secret = secretUnderKey(key, v.value) ||
    (/key$/i.test(key) && looksRandom(v.value, { minLength: 20, minEntropy: 3.5 }));
  return secret ? { start: v.start, end: v.end } : null;
}

const pw = (seed: string) =>
  `${fakeToken(seed, Charset.alpha, 6)}#${fakeToken(seed, "0123456789", 3)}x`;

/** Which cell of a delimited row starts at which offset. */
function cells(line: string, delimiter: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let at = 0;
  for (const part of line.split(delimiter)) {
    const lead = part.length - part.trimStart().length;
    out.push({ start: at + lead, text: part.trim() });
    at += part.length + delimiter.length;
  }
  return out;
}

const SECRET_COLUMN =
  /^(?:\*\*)?(?:[A-Za-z][\w-]{0,30}[ _-])?(?:password|passwd|pwd|pass|secret|token|api[ _-]?key|apikey|(?:api|access|auth|bearer)[ _-]?token|client[ _-]?secret)(?:\*\*)?$/i;

const IDENTIFIER_TABLE =
  /cache|hash|checksum|digest|etag|object|bucket|lock|idempot|sha\d*|commit|primary|foreign|index/i;
const KEY_COLUMN = /^(?:\*\*)?(?:[A-Za-z][\w-]{0,30}[ _-])?keys?(?:\*\*)?$/i;

/** The characters of a short cell name, /[\w* -]/, by code unit. */
const CELL_CHAR = asciiSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_* -");

/** A table (Markdown pipes, CSV, semicolons, tabs) with a password column or a password row. */
function tableCell({ text, start, end, mode }: MatchContext): Span | Span[] | null {
  // A cell holds a short name (one to three words): a delimiter or the line's edge on both sides
  // of it. O(1) for the usual hit in code.
  let after = end;
  while (after < text.length && CELL_CHAR[text.charCodeAt(after)] === 1 && after - end < 24) {
    after++;
  }
  if (!/^[|,;\t\r\n]?$/.test(text[after] ?? "")) return null;
  let left = start;
  while (left > 0 && CELL_CHAR[text.charCodeAt(left - 1)] === 1 && start - left < 24) left--;
  if (!/^[|,;\t\n]?$/.test(text[left - 1] ?? "")) return null;
  const before = lineBefore(text, start);
  const lineStart = start - before.length;
  const line = before + lineAfter(text, start);
  if (/[(){}=]/.test(line)) return null; // code, not a table
  // Two columns only for a bare CSV/TSV line (`username,password`), never for prose.
  const minimum = /\s/.test(line.replaceAll("\t", "")) ? 3 : 2;
  // Prose has no tabs: a TSV line of two columns is a table whatever its cells hold.
  const delimiter = ["|", "\t", ";", ","].find((d) =>
    line.split(d).length >= (d === "\t" ? 2 : minimum)
  );
  if (!delimiter) return null;
  const row = cells(line, delimiter);
  const column = row.findIndex((c) =>
    c.start <= before.length && before.length < c.start + c.text.length + 1
  );
  if (column === -1) return null;
  const header = row[column]!.text;
  // A `Key` column (`| Service | Key |`, `Access Key`) holds a secret only when its value is a
  // random token and not a cache or primary key.
  const keyColumn = !SECRET_COLUMN.test(header);
  if (keyColumn && !KEY_COLUMN.test(header)) return null;
  // The keys of a cache, an object store or a hash table are identifiers.
  if (keyColumn && IDENTIFIER_TABLE.test(line)) return null;
  const pick = (cell: { start: number; text: string } | undefined, offset: number) => {
    const value = cell?.text.replace(/^`|`$/g, "") ?? "";
    if (!cell || !credibleValue(value, mode) || SECRET_COLUMN.test(value)) return null;
    // A note in brackets (`(hidden)`, `[in vault]`), not a value.
    if (/^[(\[].*[)\]]$/.test(value)) return null;
    if (keyColumn && !secretUnderKey(header.replace(/\*/g, ""), value)) return null;
    const s = offset + cell.start + (cell.text.startsWith("`") ? 1 : 0);
    return { start: s, end: s + value.length };
  };
  // A key/value row: | API token | value |
  const keyValue = pick(row[column + 1], lineStart);
  if (keyValue && (column === 0 || (delimiter === "|" && column === 1))) return keyValue;
  // A header row: the values sit in the same column of the data rows below it.
  const found: Span[] = [];
  let next = text.indexOf("\n", start);
  for (let rows = 0; next !== -1 && rows < MAX_TABLE_ROWS; rows++) {
    const rowText = lineAfter(text, next + 1);
    if (!/^[\s|:-]+$/.test(rowText) || rows > 0) {
      const data = cells(rowText, delimiter);
      if (data.length !== row.length) break;
      const value = pick(data[column], next + 1);
      if (value) found.push(value);
    }
    next = text.indexOf("\n", next + 1);
  }
  return found.length > 0 ? found : null;
}

/** How many rows under a header are read (a longer table is data, not a note). */
const MAX_TABLE_ROWS = 200;

/** The line that opens a block of secrets in YAML (`secrets:`, `- credentials:`). */
const SECRET_BLOCK =
  /^[ \t]*(?:-[ \t]+)?["']?(?:secrets|credentials|api_keys|apikeys|passwords|tokens)["']?[ \t]*:[ \t]*(?:#.*)?$/i;

/** Structured-syntax detectors. */
export const syntaxDetectors = (): Detector[] => [
  {
    id: "ci-debug-evaluated-secret",
    category: "password-assignment",
    description:
      "A CI debug log printing the value of a secret-named expression (GitHub Actions and Azure Pipelines: Evaluating: secrets.X / Result: '…')",
    keywords: ["evaluating:"],
    pattern:
      /Evaluating:[ \t]*(?<expr>[^\r\n]{1,200})\r?\n[^\r\n]{0,60}?Result:[ \t]*'(?<secret>[^'\r\n]{4,1024})'/i,
    window: { before: 0, after: 1400 },
    tier: 2,
    refine: ({ match, start, end, mode, text }) =>
      /secret|passw|pwd|token|key|credential/i.test(match.groups?.expr ?? "") &&
        credibleLiteral(text.slice(start, end), mode)
        ? { start, end }
        : null,
    examples: {
      match: [
        `##[debug]Evaluating: secrets.DEPLOY_KEY\n##[debug]Result: '${
          fakeToken("ce1", Charset.base64, 44)
        }'`,
        `log: |\n  ##[debug]Evaluating: variables['DB_PASSWORD']\n  ##[debug]Result: '${
          pw("ce2")
        }'`,
        `2026-01-01T00:00:00Z ##[debug]Evaluating: secrets.NPM_TOKEN\n2026-01-01T00:00:00Z ##[debug]Result: '${
          fakeToken("ce3", Charset.alnum, 36)
        }'`,
      ],
      ignore: [
        "##[debug]Evaluating: github.ref\n##[debug]Result: 'refs/heads/main'",
        "##[debug]Evaluating: secrets.DEPLOY_KEY\n##[debug]Result: '***'",
      ],
    },
  },
  {
    id: "name-value-secret",
    category: "password-assignment",
    description: "A name/value pair whose name is a secret (k8s env, ECS task definitions, JSON)",
    // Postman and some SDKs call the name field "key".
    // CloudFormation parameters say ParameterKey/ParameterValue; Envoy's header lists and other
    // YAML write an unquoted `key:` over `value:`.
    keywords: [
      "- name:",
      '"name":',
      "'name':",
      '"name" :',
      '"key":',
      '"key" :',
      "{name:",
      " key:",
      "parameterkey",
    ],
    pattern:
      /(?:-[ \t]+|["']|\{|[ \t])?(?:[Nn]ame|[Kk]ey|ParameterKey)["']?\s{0,4}[:=]\s{0,4}["']?(?<key>[A-Za-z][\w.-]{1,80})["']?[ \t]{0,4},?\s{0,64}["']?(?:[Vv]alue|ParameterValue)["']?\s{0,4}[:=]\s{0,4}(?<value>"[^"\r\n]+"|'[^'\r\n]+'|[^\s"',}]+)/,
    tier: 2,
    refine: keyedValue,
    examples: {
      match: [
        `env:\n  - name: DB_PASSWORD\n    value: "${pw("nv1")}"\n`,
        `{"name": "STRIPE_API_KEY", "value": "${fakeToken("nv2", Charset.alnum, 32)}"}`,
        `- name: DATABASE_PASSWORD\n  value: ${pw("nv3")}`,
        `{"key": "x-api-key", "value": "${fakeToken("nv4", Charset.alnum, 40)}", "type": "text"}`,
        `[{"ParameterKey": "DbAdminPassword", "ParameterValue": "${pw("nv5")}"}]`,
        `Parameters:\n  - ParameterKey: AdminPassword\n    ParameterValue: ${pw("nv7")}`,
        `headers:\n- header:\n    key: x-auth-token\n    value: ${
          fakeToken("nv6", Charset.alnum, 32)
        }`,
      ],
      ignore: [
        "- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db",
        '{"name": "LOG_LEVEL", "value": "debug"}',
        '[{"ParameterKey": "InstanceType", "ParameterValue": "t3.micro"}]',
        "- header:\n    key: x-request-id\n    value: 5f2b7c9e",
      ],
    },
  },
  {
    id: "xml-nested-secret-value",
    category: "password-assignment",
    description:
      "A secret-named XML element holding its value in a child <Value> (Windows unattend.xml <AdministratorPassword><Value>…)",
    keywords: ["<value>"],
    pattern: /<(?<key>[A-Za-z][\w.:-]{0,60})>\s{0,200}<Value>(?<value>[^<\r\n]{1,512})<\/Value>/i,
    window: { before: 280, after: 560 },
    tier: 2,
    refine: keyedValue,
    examples: {
      match: [
        `<AdministratorPassword>\n  <Value>${pw("xv1")}</Value>\n</AdministratorPassword>`,
        `<UserAccounts><Password><Value>${pw("xv2")}</Value></Password></UserAccounts>`,
        `unattend: <AutoLogon><Password>\n<Value>${
          fakeToken("xv3", Charset.alnum, 14)
        }</Value></Password></AutoLogon>`,
      ],
      ignore: ["<Timeout>\n  <Value>30</Value>\n</Timeout>"],
    },
  },
  {
    id: "sql-insert-secret-column",
    category: "password-assignment",
    description:
      "A literal inserted into a password/secret/token column (INSERT INTO users (name, password) VALUES ('x', '…'))",
    keywords: ["insert into"],
    pattern:
      /insert\s+into\s+[\w."`\[\]]{1,128}\s*\((?<cols>[^()]{1,600})\)\s*values\s*\((?<vals>(?:[^()'"]|'[^'\r\n]*'|"[^"\r\n]*"|\([^()'"\r\n]{0,200}\)){1,2000})\)/i,
    tier: 2,
    refine: ({ text, match, mode }) => {
      const cols = (match.groups?.cols ?? "").split(",").map((c) =>
        c.trim().replace(/^["`\[]|["`\]]$/g, "")
      );
      const column = cols.findIndex((c) => isSecretKey(c) && !/hash|digest|salt_?len/i.test(c));
      const span = match.indices?.groups?.vals;
      if (column === -1 || !span) return null;
      // The values, split at top-level commas outside quotes and calls (`now()`, `md5('a', 'b')`).
      const values = [
        ...text.slice(span[0], span[1]).matchAll(
          /\s*('[^'\r\n]*'|"[^"\r\n]*"|(?:[^,'"()]|\([^()]*\))+)\s*(?:,|$)/g,
        ),
      ];
      const value = values[column];
      if (!value || !/^['"]/.test(value[1]!)) return null;
      const literal = value[1]!.slice(1, -1);
      if (!credibleValue(literal, mode)) return null;
      const start = span[0] + value.index! + value[0].indexOf(value[1]!) + 1;
      return { start, end: start + literal.length };
    },
    examples: {
      match: [
        `INSERT INTO users (name, password) VALUES ('admin', '${pw("si1")}');`,
        `db.exec("insert into api_clients (id, client_secret, scope) values (7, '${
          fakeToken("si2", Charset.alnum, 32)
        }', 'read')")`,
        `seed:\n  sql: INSERT INTO accounts (login, pwd) VALUES ('ops', '${pw("si3")}')\n`,
      ],
      ignore: [
        "INSERT INTO users (name, password) VALUES ($1, $2)",
        "INSERT INTO users (name, password_hash) VALUES ('a', 'x')",
      ],
    },
  },
  {
    id: "xml-secret-element",
    category: "password-assignment",
    description: "An XML element named like a secret (<password>…</password>, <apiKey>…)",
    keywords: [
      "password>",
      "passwd>",
      "pass>",
      "secret>",
      "token>",
      "pwd>",
      "apikey>",
      "api_key>",
      "key>",
    ],
    // Attributes allowed (`<password encrypted="false">…`).
    pattern:
      /<(?<key>[A-Za-z][\w.:-]{0,60})(?:\s+[\w:-]{1,40}="[^"<>\r\n]{0,80}"){0,4}>(?<value>[^<\r\n]+)<\/\k<key>>/,
    window: { before: 64, after: 256 },
    tier: 2,
    refine: keyedValue,
    examples: {
      match: [
        `<datasource>\n  <username>app</username>\n  <password>${
          pw("xe1")
        }</password>\n</datasource>`,
        `<server><id>nexus</id><password>${
          fakeToken("xe2", Charset.alnum, 24)
        }</password></server>`,
        `settings.xml: <apiKey>${fakeToken("xe3", Charset.alnum, 32)}</apiKey>`,
      ],
      ignore: ["<password>${env.DB_PASSWORD}</password>", "<key>CFBundleName</key>"],
    },
  },
  {
    id: "secret-block-value",
    category: "password-assignment",
    description:
      'A value with a credential\'s shape inside a block named for secrets (secrets:, credentials:, api_keys: in YAML; "secrets": { … } in JSON), whatever its own key',
    keywords: [
      "secrets:",
      "credentials:",
      "api_keys:",
      "passwords:",
      "tokens:",
      '"secrets":',
      '"credentials":',
      // HCL blocks (Consul's `acl { tokens { … } }`, Nomad, Terraform locals).
      "tokens {",
      "secrets {",
      "credentials {",
    ],
    // A child entry: an indented YAML `key: value` line, a JSON `"key": "value"` member or an
    // HCL `key = "value"` attribute.
    pattern:
      /(?:^[ \t]+[\w.-]{1,40}:[ \t]+(?<value>"[^"\r\n]+"|'[^'\r\n]+'|[^\s#"'{[]\S*)(?:[ \t]+#.*)?[ \t]*$|"[\w.-]{1,40}"\s{0,4}:\s{0,4}(?<json>"[^"\r\n]+")|^[ \t]+[\w.-]{1,40}[ \t]*=[ \t]*(?<hcl>"[^"\r\n]+")[ \t]*$)/m,
    window: { before: 0, after: 400 },
    tier: 1,
    gate: "strict",
    refine: (ctx) => {
      const v = valueSpan(ctx, "value") ?? valueSpan(ctx, "json") ?? valueSpan(ctx, "hcl");
      if (!v || isPlaceholder(v.value)) return null;
      const span = { start: v.start, end: v.end };
      const before = ctx.text.slice(Math.max(0, v.start - 400), v.start);
      if (ctx.match.groups?.hcl !== undefined) {
        // HCL: the block's name and its `{`, no brace between; a token there may be a UUID
        // (Consul's ACL tokens are).
        const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(
          v.value,
        );
        return (uuid || credibleInGate(v.value)) &&
            /(?:^|\n)[ \t]*(?:secrets|credentials|tokens)[ \t]*\{[^{}]*$/i.test(before)
          ? span
          : null;
      }
      if (!credibleInGate(v.value)) return null;
      if (ctx.match.groups?.json !== undefined) {
        // JSON: the block's name and its `{`, and no brace between it and the value.
        return /"(?:secrets|credentials|api_keys|apikeys|passwords|tokens)"\s*:\s*\{[^{}]*$/i
            .test(before)
          ? span
          : null;
      }
      // YAML: the first line above indented less than the value's is the block's name.
      const lines = before.split("\n");
      const indent = (line: string) => /^[ \t]*/.exec(line)![0].length;
      const own = indent(lines.pop()!);
      for (let i = lines.length - 1; i >= 0; i--) {
        const line = lines[i]!;
        if (/^\s*(?:#.*)?$/.test(line) || indent(line) >= own) continue;
        return SECRET_BLOCK.test(line) ? span : null;
      }
      return null;
    },
    examples: {
      match: [
        `api_keys:\n  primary: ${fakeToken("sb1", Charset.alnum, 40)}\n`,
        `credentials:\n  admin: "${pw("sb2")}"\n  reader: ro`,
        `{"secrets": {"jwt": "${fakeToken("sb3", Charset.base64url, 43)}"}}`,
        `acl {\n  enabled = true\n  tokens {\n    initial_management = "${
          fakeUuid("sb5")
        }"\n  }\n}`,
      ],
      ignore: [
        "secrets:\n  enabled: true\n  path: /run/secrets",
        `secrets:\n  name: db\nimage: app:${fakeToken("sb4", Charset.alnum, 20)}`,
        'acl {\n  tokens {\n    default_policy = "deny"\n  }\n}',
      ],
    },
  },
  {
    id: "plist-secret-value",
    category: "password-assignment",
    description:
      "A property-list <string> under a secret-named <key> (Info.plist, launchd, .mobileconfig)",
    keywords: ["</key>"],
    pattern:
      /<key>(?<key>[^<\r\n]{1,80})<\/key>\s{0,200}<string>(?<value>[^<\r\n]{1,512})<\/string>/,
    window: { before: 90, after: 760 },
    tier: 2,
    refine: keyedValue,
    examples: {
      match: [
        `<key>APIToken</key>\n<string>${fakeToken("pl1", Charset.alnum, 28)}</string>`,
        `<dict><key>Password</key><string>${pw("pl2")}</string></dict>`,
        `plutil -p app.plist: <key>ClientSecret</key>\n  <string>${
          fakeToken("pl3", Charset.base64url, 32)
        }</string>`,
      ],
      ignore: ["<key>CFBundleName</key>\n<string>Acme</string>"],
    },
  },
  {
    id: "xml-keyed-secret",
    category: "password-assignment",
    description: 'An XML entry keyed by a secret name (<entry key="password">…, <property name=…>)',
    keywords: ['key="', 'name="'],
    pattern:
      /(?:key|name)="(?<key>[^"]{1,60})"(?:\s+(?:[\w-]{1,20}:)?value="(?<value>[^"]+)"|\s*>\s{0,40}(?:<value>)?(?<text>[^<\r\n]+)<)/,
    tier: 2,
    refine: (ctx) => {
      const v = valueSpan(ctx, "value") ?? valueSpan(ctx, "text");
      if (!v || !secretUnderKey(ctx.match.groups?.key ?? "", v.value)) return null;
      return credibleValue(v.value, ctx.mode) ? { start: v.start, end: v.end } : null;
    },
    examples: {
      match: [
        `<entry key="password">${pw("xk1")}</entry>`,
        `<property name="db.password" value="${pw("xk2")}"/>`,
        `props:\n  <param name="apiToken" value="${fakeToken("xk3", Charset.alnum, 30)}" />`,
        `<meta-data\n    android:name="com.acme.sdk.secret"\n    android:value="${
          fakeToken("xk4", Charset.alnum, 40)
        }" />`,
      ],
      ignore: [
        '<meta name="viewport" content="width=device-width">',
        '<entry key="user">app</entry>',
      ],
    },
  },
  {
    id: "php-define-secret",
    category: "password-assignment",
    description: "A PHP constant defined with a secret name (define('DB_PASSWORD', '…'))",
    keywords: ["define("],
    pattern:
      /define\(\s{0,4}["'](?<key>\w{1,80})["']\s{0,32},\s{0,32}(?<value>"[^"\r\n]+"|'[^'\r\n]+')/i,
    tier: 2,
    refine: (ctx) => {
      // WordPress's salts and keys (AUTH_KEY, NONCE_SALT …) are aligned and full of symbols.
      const v = valueSpan(ctx, "value");
      if (
        v && /^(?:(?:SECURE_)?AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)$/.test(ctx.match.groups!.key!) &&
        v.value.length >= 32 && !isPlaceholder(v.value) && !/\s/.test(v.value)
      ) {
        return { start: v.start, end: v.end };
      }
      return keyedValue(ctx);
    },
    examples: {
      match: [
        `define('DB_PASSWORD', '${pw("php1")}');`,
        `define( 'AUTH_KEY', '${fakeToken("php2", Charset.base64, 64)}' );`,
        `snippet: define("SECURE_AUTH_KEY", "${fakeToken("php3", Charset.base64, 64)}");`,
        `define('NONCE_SALT',       'x|Q4]m;Zp+1@${
          fakeToken("php4", Charset.alnum, 12)
        }!eR{2~kT7%b');`,
      ],
      ignore: [
        "define('DB_PASSWORD', getenv('DB_PASSWORD'));",
        "define('DB_NAME', 'wordpress');",
        "define('AUTH_KEY',         'put your unique phrase here');",
      ],
    },
  },
  {
    id: "terraform-variable-default",
    category: "password-assignment",
    description: "The default of a Terraform variable named like a secret",
    keywords: ["default =", "default="],
    pattern: /default\s{0,8}=\s{0,8}(?<value>"[^"\r\n]+")/,
    tier: 2,
    refine: (ctx) => {
      const head = ctx.text.slice(Math.max(0, ctx.start - 400), ctx.start);
      const block = /variable\s+"([\w-]{1,80})"\s*\{[^}]*$/.exec(head);
      if (!block || !isSecretKey(block[1]!)) return null;
      const v = valueSpan(ctx, "value");
      return v && credibleValue(v.value, ctx.mode) ? { start: v.start, end: v.end } : null;
    },
    examples: {
      match: [
        `variable "db_password" {\n  type    = string\n  default = "${pw("tf1")}"\n}`,
        `variable "api_token" { default = "${fakeToken("tf2", Charset.alnum, 32)}" }`,
        `snippet: variable "admin_password" { default = "${pw("tf3")}" }`,
      ],
      ignore: ['variable "region" {\n  default = "eu-west-1"\n}'],
    },
  },
  {
    id: "env-lookup-default",
    category: "password-assignment",
    description:
      "A secret hard-coded as the default of an environment lookup (ENV.fetch, getenv, environ.get, process.env.X || …)",
    keywords: [
      "fetch('",
      'fetch("',
      "getenv(",
      ".get('",
      '.get("',
      "env('",
      'env("',
      "process.env.",
      "getordefault(",
      "environmentvariable(",
    ],
    // Sticky at the keyword: each alternative starts where one of the keywords does (also
    // Java's getenv().getOrDefault, .NET's GetEnvironmentVariable("X") ?? "…" and
    // SetEnvironmentVariable, the shell's ${X:-…}).
    pattern:
      /(?:(?:fetch|getenv|\.get|env|getOrDefault|EnvironmentVariable)\(\s{0,4}["'](?<key>[A-Za-z_][\w.]{0,80})["']\s{0,4}(?:,|\)\s{0,4}(?:\?\?|\{))|process\.env\.(?<envkey>\w{1,80})\s{0,4}(?:\|\||\?\?))\s{0,4}(?<value>"[^"\r\n]+"|'[^'\r\n]+')/i,
    tier: 2,
    refine: (ctx) => {
      const key = ctx.match.groups?.key ?? ctx.match.groups?.envkey ?? "";
      const v = valueSpan(ctx, "value");
      if (!v || !credibleValue(v.value, ctx.mode)) return null;
      // The variable's name, else the name the lookup is assigned to (`password: process.env.X
      // || '…'`).
      const owner = /([A-Za-z_][\w.-]{0,60})["']?\s{0,4}[:=]\s{0,4}$/.exec(
        lineBefore(ctx.text, ctx.match.index),
      )?.[1] ?? "";
      if (!isSecretKey(key) && !isSecretKey(owner.split(".").pop()!)) return null;
      return { start: v.start, end: v.end };
    },
    examples: {
      match: [
        `password = ENV.fetch('DB_PASSWORD', '${pw("ev1")}')`,
        `token = os.getenv("API_TOKEN", "${fakeToken("ev2", Charset.alnum, 32)}")`,
        `const secret = process.env.JWT_SECRET || '${pw("ev3")}';`,
        `String pw = System.getenv().getOrDefault("DB_PASSWORD", "${pw("ev4")}");`,
        `var pw = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? "${pw("ev5")}";`,
        `config.password = ENV.fetch('SMTP_PASSWORD') { '${pw("ev6")}' }`,
        `mysql.createPool({ host: 'db', password: process.env.X || '${pw("ev7")}' })`,
      ],
      ignore: ["os.getenv('DB_PASSWORD', '')", "process.env.PORT || '3000'"],
    },
  },
  {
    id: "shell-default-secret",
    category: "password-assignment",
    description:
      "A secret hard-coded as the shell default of a secret-named variable (${DB_PASSWORD:-…})",
    // Found from its `:-` or `:=` (a `${` keyword would hit every template literal).
    keywords: [":-", ":="],
    pattern: /\$\{(?<key>[A-Za-z_]\w{0,80}):?[-=](?<value>[^\s}$]{1,256})\}/,
    window: { before: 84, after: 260 },
    tier: 2,
    refine: (ctx) => {
      const v = valueSpan(ctx, "value");
      if (!v || !isSecretKey(ctx.match.groups?.key ?? "") || !credibleValue(v.value, ctx.mode)) {
        return null;
      }
      return { start: v.start, end: v.end };
    },
    examples: {
      match: [
        `psql -W "\${PGPASSWORD:-${pw("sd1")}}"`,
        `PGPASSWORD="\${PGPASSWORD:-${pw("sd2")}}" psql -h db -U app`,
        `environment:\n  DB_PASSWORD: \${DB_PASSWORD:-${pw("sd3")}}`,
      ],
      ignore: ["echo ${DB_PASSWORD:-}", "${DB_PASSWORD:-$DEFAULT_PASSWORD}", "${PORT:-8080}"],
    },
  },
  {
    id: "sql-password",
    category: "password-assignment",
    description: "A password in SQL (IDENTIFIED BY '…', WITH PASSWORD '…')",
    keywords: [
      "identified by",
      "identified with",
      "password '",
      'password "',
      "password('",
      'password("',
      "password=n'",
      "password = n'",
    ],
    // Also MySQL's PASSWORD('…') function (SET PASSWORD … = PASSWORD('…')) and SQL Server's
    // Unicode literal (CREATE LOGIN … WITH PASSWORD = N'…').
    pattern:
      /(?:identified\s+(?:with\s+["'`]?\w{1,64}["'`]?\s+)?by(?:\s+password)?|password)(?:\s+|\(\s{0,4}|\s{0,2}=\s{0,2}(?=N'))N?(?<value>'[^'\r\n]+'|"[^"\r\n]+"|[^\s'";:?$&@(][^\s'";,)]{2,127})/i,
    tier: 2,
    refine: (ctx) => {
      // The function form is SQL's upper-case PASSWORD('…') after `=`, never a method call
      // (`read.password('Password:')`).
      if (
        /\($/.test(
          ctx.match[0].slice(0, ctx.match.indices!.groups!.value![0] - ctx.match.index).trim(),
        ) &&
        !/=\s*PASSWORD\(\s*$/.test(
          ctx.text.slice(Math.max(0, ctx.match.index - 8), ctx.match.indices!.groups!.value![0]),
        )
      ) return null;
      const v = valueSpan(ctx, "value");
      if (!v || !credibleValue(v.value, ctx.mode)) return null;
      // Oracle takes the password unquoted (`ALTER USER scott IDENTIFIED BY Tiger2Orca`): only
      // there, and only with a password's shape, not a bind variable or a PL/SQL name.
      if (!/^["']/.test(ctx.text[ctx.match.indices!.groups!.value![0]]!)) {
        if (!/^identified/i.test(ctx.match[0]) || !passwordShaped(v.value)) return null;
        if (/pass|pwd|^p_|^v_|^l_/i.test(v.value)) return null;
      }
      return { start: v.start, end: v.end };
    },
    examples: {
      match: [
        `SQL> ALTER USER scott IDENTIFIED BY ${pw("sql5")} ACCOUNT UNLOCK;`,
        `CREATE USER 'x'@'%' IDENTIFIED WITH mysql_native_password BY '${pw("sql6")}';`,
        `CREATE USER 'report'@'%' IDENTIFIED BY '${pw("sql1")}';`,
        `ALTER USER app WITH PASSWORD '${pw("sql2")}';`,
        `psql -c "CREATE ROLE ci LOGIN PASSWORD '${pw("sql3")}'"`,
        `SET PASSWORD FOR 'app'@'%' = PASSWORD('${pw("sql4")}');`,
      ],
      ignore: [
        "const password = await read.password('Password:', creds.password)",
        "CREATE USER report IDENTIFIED BY :password;",
        "EXECUTE IMMEDIATE 'ALTER USER ' || u || ' IDENTIFIED BY ' || p_new_password;",
        "CREATE USER app IDENTIFIED BY VALUES 'S:8F2D';",
        "ALTER USER app WITH PASSWORD ''",
      ],
    },
  },
  {
    id: "table-secret-cell",
    category: "password-assignment",
    description: "A value in the password/secret/token column of a Markdown or CSV table",
    keywords: [
      "password",
      "passwd",
      "pwd",
      "pass",
      "secret",
      "token",
      "api key",
      "apikey",
      "api_key",
      "key |",
      "key|",
    ],
    pattern: /(?:password|passwd|pwd|pass|secret|token|api[ _]?key|key(?=[ \t]{0,8}\|))/i,
    tier: 1,
    gate: "strict",
    refine: tableCell,
    examples: {
      match: [
        `| service | user | password |\n|---|---|---|\n| grafana | admin | ${pw("tb1")} |`,
        `| Key | Value |\n| --- | --- |\n| API token | ${fakeToken("tb2", Charset.alnum, 36)} |`,
        `echo "id,password,role\n7,${pw("tb3")},admin" >> users.csv`,
        `| Service | Key | Owner |\n| --- | --- | --- |\n| Geocoder | \`${
          fakeToken("tb4", Charset.hex, 40)
        }\` | maps |`,
      ],
      ignore: [
        "| Key | Action |\n|---|---|\n| Ctrl+S | Save |",
        "| user | password |\n|---|---|\n| ops | (hidden) |",
        `| Table | Cache key |\n|---|---|\n| users | ${fakeToken("tb5", Charset.hex, 40)} |`,
        "| user | password |\n|---|---|\n| alice | (see vault) |",
        "name,type\npassword,string",
      ],
    },
  },
  {
    id: "dockerfile-env-secret",
    category: "password-assignment",
    description:
      "A secret set with a space instead of `=`: Dockerfile ENV/ARG NAME value, Apache SetEnv, csh setenv, Windows setx",
    keywords: ["env ", "arg ", "env\t", "arg\t", "setenv ", "setx "],
    // Case-sensitive: Dockerfile instructions are written in capitals, the others as shown.
    pattern:
      /(?:ENV|ARG|SetEnv|setenv|setx)[ \t]+(?<key>[A-Za-z_][\w.-]{0,80})[ \t]+(?<value>"[^"\r\n]+"|'[^'\r\n]+'|[^\s"'=]\S*)(?:[ \t]+\/[Mm])?[ \t]*(?=\r?\n|$)/,
    tier: 2,
    refine: (ctx) => /^\s*$/.test(lineBefore(ctx.text, ctx.match.index)) ? keyedValue(ctx) : null,
    examples: {
      match: [
        `FROM node:20\nENV REDIS_PASSWORD ${pw("de1")}\n`,
        `docker build -f- . <<EOF\nFROM alpine\nENV API_TOKEN ${
          fakeToken("de2", Charset.alnum, 32)
        }\nEOF`,
        `ARG NPM_TOKEN "${fakeToken("de3", Charset.alnum, 36)}"`,
        `<VirtualHost *:80>\n  SetEnv API_KEY ${
          fakeToken("de4", Charset.alnum, 32)
        }\n</VirtualHost>`,
        `setx API_TOKEN "${fakeToken("de5", Charset.alnum, 40)}" /M`,
      ],
      ignore: [
        "ENV NODE_ENV production",
        "ENV PASSWORD_FILE /run/secrets/db",
        "set env API_TOKEN x",
      ],
    },
  },
  {
    id: "decoded-secret-literal",
    category: "password-assignment",
    description:
      "A secret-named variable set from a decoded literal (base64.b64decode(\"…\"), atob('…'), Buffer.from('…'))",
    keywords: ["decode(", "decodestring(", "atob(", "buffer.from(", "fromhex(", "unhexlify("],
    pattern:
      /(?<key>[A-Za-z_$][\w$.-]{0,80})["']?[ \t]{0,4}(?:=|:|=>|:=)[ \t]{0,4}(?:[\w$.]+\.)?(?:\w*decode\w*|atob|from|fromhex|unhexlify)\([ \t]{0,4}(?<value>"[^"\s]{8,}"|'[^'\s]{8,}'|`[^`\s]{8,}`)/i,
    window: { before: 100, after: 300 },
    tier: 2,
    refine: keyedValue,
    examples: {
      match: [
        `password = base64.b64decode("${fakeToken("dc1", Charset.base64, 24)}").decode()`,
        `const apiToken = atob('${fakeToken("dc2", Charset.base64, 32)}');`,
        `secret := hex.DecodeString("${fakeToken("dc3", Charset.hex, 40)}")`,
      ],
      ignore: ["password = base64.b64decode(os.environ['PW'])", 'name = atob("aGVsbG8gd29ybGQ=")'],
    },
  },
  {
    id: "shell-decoded-secret",
    category: "password-assignment",
    description:
      "A secret-named variable set from base64 in a shell (TOKEN=$(echo '…' | base64 -d))",
    keywords: ["base64 -d", "base64 --decode"],
    pattern:
      /(?<key>[A-Za-z_][\w]{0,80})=\$\([ \t]*(?:echo|printf)[ \t]+(?:-n[ \t]+)?(?<value>"[^"\s]{8,}"|'[^'\s]{8,}'|[A-Za-z0-9+/=]{8,})[ \t]*\|[ \t]*base64[ \t]+(?:-d|--decode|-D)/,
    window: { before: 200, after: 40 },
    tier: 2,
    refine: keyedValue,
    examples: {
      match: [
        `export TOKEN=$(echo '${fakeToken("sd1", Charset.base64, 48)}' | base64 -d)`,
        `DB_PASSWORD=$(printf "${fakeToken("sd2", Charset.base64, 24)}" | base64 --decode)`,
        `env:\n  run: API_KEY=$(echo ${fakeToken("sd3", Charset.base64, 40)} | base64 -d) ./deploy`,
      ],
      ignore: ["GREETING=$(echo aGVsbG8gd29ybGQ= | base64 -d)", "TOKEN=$(echo $RAW | base64 -d)"],
    },
  },
];
