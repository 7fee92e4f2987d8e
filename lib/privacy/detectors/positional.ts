// Credentials passed by position to well-known calls (DriverManager.getConnection(url, user, "…"),
// pymysql.connect(host, user, "…"), jwt.sign(payload, "…"), redis.Redis(host, port, db, "…"),
// credential constructors of every SDK), and written in DSN shapes that have no key name: Go MySQL
// DSNs, Oracle easy-connect strings, .pgpass lines, redis.conf.
import type { Detector, MatchContext } from "../detector.ts";
import { asciiSet, credibleInGate, credibleLiteral, lineBefore, looksRandom } from "../checks.ts";
import { Charset, fakeToken } from "../fake.ts";
import { secretUnderKey } from "./generic.ts";

/**
 * Call name (lowercase, its last one to three dotted parts, `::` read as `.`) → where its credential
 * argument is: an index, or `"any"`: the last literal argument with a credential's shape (for
 * calls whose signature varies by library and overload: `redis.Redis(host, port, db, pw)`,
 * `ssh.connect(host, port, user, pw)`, `Transport.connect(host, user, pw)`).
 */
const CALLS: Readonly<Record<string, number | "any">> = Object.assign(Object.create(null), {
  "drivermanager.getconnection": 2,
  "pymysql.connect": 2,
  "mysqldb.connect": 2,
  "mysql.connector.connect": 2,
  "connector.connect": 2,
  "cx_oracle.connect": 1,
  "oracledb.connect": 1,
  "jwt.sign": 1,
  "jwt.encode": 1,
  "jwt.verify": 1,
  "jwt.decode": 1,
  "createhmac": 1,
  "hmac.new": 0,
  "smtp.login": 1,
  "server.login": 1,
  "ftp.login": 1,
  "ftp_login": 2,
  "setpassword": 0,
  "setapikey": 0,
  "setauthtoken": 0,
  "setclientsecret": 0,
  "httpbasicauth": 1,
  "basicauth": 1,
  "pdo": 2,
  "plainauth": 2,
  "simple_bind_s": 1,
  "simple_bind": 1,
  // ldap3's and ldapjs's bind(dn, password), python-ldap's bind(who, cred).
  "bind": "any",
  "bind_s": 1,
  "login": 1,
  "usernamepasswordauthenticationtoken": 1,
  "mysqli": 2,
  "mysqli_connect": 2,
  "mysql_connect": 2,
  "mysql_pconnect": 2,
  "pg_connect": -1,
  "sequelize": 2,
  "ftplib.ftp": 2,
  "ftplib.ftp_tls": 2,
  "ftp_tls": 2,
  "keyring.set_password": 2,
  "signwith": 1,
  "basicawscredentials": 1,
  "awsbasiccredentials.create": 1,
  "newstaticcredentials": 1,
  "newstaticcredentialsprovider": 1,
  "staticcredentials": 1,
  "ldap_bind": 2,
  "oci_connect": 1,
  "mssql_connect": 2,
  "authenticate": 1,
  "algorithm.hmac256": 0,
  "algorithm.hmac384": 0,
  "algorithm.hmac512": 0,
  "fernet": 0,
  "aes.new": 0,
  "secretkeyspec": 0,
  "hmacshakeyfor": 0,
  "signedstring": 0,
  "from_secret": 0,
  "symmetricsecuritykey": 0,
  "textencoder.encode": 0,
  "redis": "any",
  "strictredis": "any",
  "jedis": "any",
  "jedispool": "any",
  "jediscluster": "any",
  "ftp": "any",
  "ftp.open": "any",
  "ftp.new": "any",
  "smtp.start": "any",
  "imap.authenticate": "any",
  "minio": "any",
  "newstaticv4": "any",
  "gitlab": "any",
  "oauthhandler": "any",
  "oauth1": "any",
  "auth.basic": "any",
  "sign": "any",
  "connect": "any",
  "auth": "any",
  "setbasicauth": "any",
  "basic_auth": "any",
  "withpassword": "any",
  "password": "any",
  "withcredentials": "any",
  "setcredentials": "any",
  "transport.send": "any",
  "ssh2_auth_password": 2,
  "createcredential": "any",
  "setauthentication": "any",
  "ntlmpasswordauthentication": "any",
  "twilio": "any",
  "connect_s3": "any",
  "pass_": 0,
  "from_keys": "any",
  "changepassword": 0,
  "ldap3.connection": "any",
  // (url, user, password): Groovy's Sql.newInstance, Spring's DriverManagerDataSource, Flyway's
  // dataSource(…), MATLAB's database(source, user, password).
  "sql.newinstance": 2,
  // .NET's DirectoryEntry(path, user, password) binds to LDAP with it.
  "directoryentry": 2,
  "drivermanagerdatasource": 2,
  "datasource": "any",
  "database": 2,
  // A wallet's private key: ethers/web3.js/eth-account.
  "wallet": 0,
  "wallet.fromprivatekey": 0,
  "privatekeytoaccount": 0,
  "from_key": 0,
  // A chat bot's token: discord.py's bot.run / client.run.
  "bot.run": 0,
  "client.run": 0,
});

/**
 * The last word of callees whose credential argument is found as with `"any"`: credential and
 * auth-provider constructors of every SDK (`ClientSecretCredential`, `PlainCredentials`,
 * `HTTPDigestAuth`, `PlainTextAuthProvider`, `ActiveMQConnectionFactory`, Rust's
 * `Credentials::new`).
 */
const ANY_CALL =
  /(?:credentials?|credentialsprovider|authprovider|basicauth|digestauth|connectionfactory)(?:\.new|\.create)?$/;

/** The top-level arguments of a call starting at `open` (the index of its `(`). */
function callArguments(text: string, open: number): Array<[number, number]> {
  const args: Array<[number, number]> = [];
  let depth = 0;
  let quote = "";
  let start = open + 1;
  const stop = Math.min(text.length, open + 600);
  for (let i = open + 1; i < stop; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) {
        args.push([start, i]);
        return args;
      }
      depth--;
    } else if (c === "," && depth === 0) {
      args.push([start, i]);
      start = i + 1;
    }
  }
  return args;
}

const credible = credibleLiteral;

/**
 * A literal argument, possibly turned into bytes or a key on the spot (`[]byte("…")`,
 * `b"…"`, `"…".getBytes()`, `Encoding.UTF8.GetBytes("…")`, `Some("…")`): its value and where
 * the value starts in `raw`.
 */
function literalIn(raw: string): { value: string; at: number } | null {
  const wrapped =
    /^(\s*&?(?:\[\]byte|Buffer\.from|bytes|String::from|Some|Encoding\.\w+\.GetBytes|new\s+TextEncoder\(\)\.encode|str)\(\s*)(.*?)\s*(?:,\s*["'][\w-]{1,12}["']\s*)?\)\s*$/s
      .exec(raw);
  const lead = wrapped ? wrapped[1]!.length : 0;
  const inner = wrapped ? wrapped[2]! : raw;
  const literal =
    /^(\s*b?(["'`]))(.*)\2(?:\.(?:getBytes|encode|toByteArray|as_bytes|as_ref|bytes|toCharArray|to_string|to_owned|into)\([^()]{0,24}\))?\s*$/s
      .exec(inner);
  if (!literal) return null;
  return { value: literal[3]!, at: lead + literal[1]!.length };
}

/**
 * Whether a literal argument of a call whose credential's place is not known has a
 * credential's shape: a mixed password or a random token, and not a URL, host:port, path or
 * user@host (the other arguments of such calls).
 */
function credentialShaped(value: string): boolean {
  if (/:\/\/|^[\w.-]+:\d{1,5}$|^[\w.-]+@[\w.-]+$/.test(value)) return false;
  if (/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/.test(value)) return false; // a host name
  if (/^[\w.-]*\/[\w./-]*$/.test(value) && !looksRandom(value, { minLength: 20 })) return false;
  return credibleInGate(value);
}

/** The characters of a dotted name (`\w`, `.`, `$`, `:`), by code unit. */
const NAME_CHAR = asciiSet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.$:");

/** The callee of the call whose `(` is at `open`, lowercase, `::` read as `.`. */
function calleeAt(text: string, from: number, open: number): string {
  // PHP's and C++'s `->` joins a name like a dot (`PDO->__construct(` in a stack trace).
  let arrow = false;
  while (from > 0) {
    const c = text.charCodeAt(from - 1);
    if (NAME_CHAR[c] === 1) from--;
    else if (c === 62 && text.charCodeAt(from - 2) === 45) {
      from -= 2;
      arrow = true;
    } else break;
  }
  // Lua's method call `red:auth(…)` reads as `red.auth`; a constructor called by its PHP or
  // Python name (`PDO->__construct(`, `FTP.__init__(`) is the class's call.
  let callee = text.slice(from, open).toLowerCase().replace(arrow ? /::?|->/g : /::?/g, ".")
    .replace(/^[.:]+/, "");
  if (callee.endsWith("__construct") || callee.endsWith("__init__")) {
    callee = callee.replace(/\.(?:__construct|__init__)$/, "");
  }
  // `new TextEncoder().encode("…")`: the encoder belongs to the call's name.
  if (callee === "encode" && /TextEncoder\(\)$/.test(text.slice(Math.max(0, from - 16), from))) {
    callee = "textencoder.encode";
  }
  return callee;
}

/** The literal of `NAME := []byte("…")` / `var NAME = []byte("…")` when NAME is secret-named. */
function secretBytes(ctx: MatchContext, open: number): { start: number; end: number } | null {
  const { text } = ctx;
  const lead = /([A-Za-z_][\w.]{0,60})\s*(?::=|=)\s*\[\]byte$/.exec(
    text.slice(Math.max(0, open - 90), open),
  );
  if (!lead) return null;
  const arg = callArguments(text, open)[0];
  const literal = arg && literalIn(text.slice(arg[0], arg[1]));
  if (!arg || !literal || !credible(literal.value, ctx.mode)) return null;
  if (!secretUnderKey(lead[1]!.split(".").pop()!, literal.value)) return null;
  const start = arg[0] + literal.at;
  return { start, end: start + literal.value.length };
}

/** Where a callee's credential argument is: its last three, two or one dotted parts' entry. */
function slotOf(callee: string): number | "any" | undefined {
  const parts = callee.split(".");
  for (let n = Math.min(3, parts.length); n >= 1; n--) {
    const slot = CALLS[parts.slice(-n).join(".")];
    if (slot !== undefined) return slot;
  }
  return ANY_CALL.test(callee) ? "any" : undefined;
}

function positionalArgument(ctx: MatchContext): { start: number; end: number } | null {
  // Offsets from ctx (the match may come from a window slice).
  const { text } = ctx;
  const open = ctx.end - 1;
  const callee = calleeAt(text, ctx.start, open);
  // Go's `jwtKey := []byte("…")`: the bytes of a literal given to a secret-named variable.
  if (callee === "byte") return secretBytes(ctx, open);
  const slot = slotOf(callee);
  if (slot === undefined) return serviceCall(callee) ? connectionPassword(text, open) : null;
  if (typeof slot === "number" && slot < 0) return null;
  const args = callArguments(text, open);
  const arg = typeof slot === "number" ? args[slot] : undefined;
  const literal = arg && literalIn(text.slice(arg[0], arg[1]));
  if (arg && literal && credible(literal.value, ctx.mode)) {
    const start = arg[0] + literal.at;
    return { start, end: start + literal.value.length };
  }
  // Elsewhere than its usual place (another overload or library): only a credential's shape.
  for (let i = args.length - 1; i >= 0; i--) {
    const [from, to] = args[i]!;
    const found = literalIn(text.slice(from, to));
    if (found && credentialShaped(found.value)) {
      return { start: from + found.at, end: from + found.at + found.value.length };
    }
  }
  return null;
}

/**
 * The last name of a call that opens a session to a server (`SftpClient`, `SmtpConnection`,
 * `ssh.Session`, `FtpClient.connect`): its arguments are a host, a port, a user and a password.
 */
const SERVICE_SUFFIX = /(?:client|connection|session|transport|conn|pool)$/;
const SERVICE_WORD =
  /sftp|ftp|ssh|scp|smtp|imap|pop|ldap|mail|db|sql|mongo|redis|amqp|rabbit|mq|kafka|nats|telnet|vnc|rdp|smb|cifs|dav/;

/** Whether a callee's last name is a session to a server (its suffix first: most calls fail it). */
function serviceCall(callee: string): boolean {
  if (!SERVICE_SUFFIX.test(callee)) return false;
  return SERVICE_WORD.test(callee.slice(callee.lastIndexOf(".") + 1));
}

/** A host name, an IP address, a URL or a DSN: where a connection goes. */
const LOCATOR =
  /^(?:[a-z][\w+.-]*:\/\/\S+|[a-z]+:(?:host|dbname|server|data source)=\S*|(?:[\w-]+\.)+[a-z]{2,}(?::\d{1,5})?|\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?)$/i;

/**
 * A connection's password given by position: a literal with a credential's shape after a literal
 * naming the server (`new SftpClient("sftp.bank.example", 22, "upload", "…")`).
 */
function connectionPassword(text: string, open: number): { start: number; end: number } | null {
  const args = callArguments(text, open);
  // The server's argument, then at least a user (or a port) before the password.
  let server = -1;
  for (let i = 0; i < args.length; i++) {
    const [from, to] = args[i]!;
    const found = literalIn(text.slice(from, to));
    if (!found) continue;
    if (server === -1) {
      if (LOCATOR.test(found.value)) server = i;
      continue;
    }
    if (i >= server + 2 && credentialShaped(found.value)) {
      return { start: from + found.at, end: from + found.at + found.value.length };
    }
  }
  return null;
}

/** Calls that compare, hash or check values: a digest beside an id there is data, not a key. */
const NOT_A_KEY_CALL =
  /assert|expect|equal|\beq$|same|match|compare|check|verify|hash|digest|sum$|sha\d*|md5|crc|etag|format|join|replace|split|test|it$|describe|log|print|get|fetch|lookup/i;

const pw = (seed: string) =>
  `${fakeToken(seed, Charset.alpha, 6)}!${fakeToken(seed, "0123456789", 2)}${
    fakeToken(seed + "t", Charset.lower, 4)
  }`;

/** Positional-credential detectors. */
export const positionalDetectors = (): Detector[] => [
  {
    id: "call-credential-argument",
    category: "password-assignment",
    description:
      "A literal password or key passed by position to a well-known call (getConnection, pymysql.connect, jwt.sign, createHmac, smtp.login …)",
    keywords: [
      "getconnection(",
      ".auth(",
      ":auth(",
      "connect(",
      "jwt.sign(",
      "jwt.encode(",
      "jwt.verify(",
      "jwt.decode(",
      "createhmac(",
      "hmac.new(",
      "login(",
      "setapikey(",
      "setauthtoken(",
      "setclientsecret(",
      "pdo(",
      "__construct(",
      "client(",
      "connection(",
      "session(",
      "mysqli(",
      "bind_s(",
      ".bind(",
      "simple_bind(",
      "usernamepasswordauthenticationtoken(",
      "sequelize(",
      "ftp(",
      "ftp_tls(",
      "signwith(",
      "ldap_bind(",
      "authenticate(",
      "hmac256(",
      "hmac384(",
      "hmac512(",
      "fernet(",
      "aes.new(",
      "secretkeyspec(",
      "hmacshakeyfor(",
      "signedstring(",
      "from_secret(",
      "securitykey(",
      "textencoder().encode(",
      "redis(",
      "smtp.start(",
      "ftp.open(",
      "ftp.new(",
      "minio(",
      "newstaticv4(",
      "gitlab(",
      "oauthhandler(",
      "oauth1(",
      "auth.basic(",
      ".sign(",
      "auth(",
      "password(",
      "jwt::",
      "ssh2_auth_password(",
      "authentication(",
      "twilio(",
      "connect_s3(",
      "pass_(",
      "from_keys(",
      "transport.send(",
      "ldap3.connection(",
      "authprovider(",
      "connectionfactory(",
      "credential",
      "jedis",
      '[]byte("',
      "[]byte(`",
      "newinstance(",
      "directoryentry(",
      "datasource(",
      "database(",
      "wallet(",
      "privatekey(",
      "privatekeytoaccount(",
      "from_key(",
      "bot.run(",
      "client.run(",
    ],
    // Any call: the refine hook reads its name and knows where its credential goes.
    pattern: /(?<![\w$])[A-Za-z_$][\w$]*\(/,
    window: { before: 40, after: 48 },
    tier: 2,
    refine: positionalArgument,
    examples: {
      match: [
        `Connection c = DriverManager.getConnection(url, "app", "${pw("pc1")}");`,
        `local res, err = red:auth("${pw("pc9")}")`,
        `request.post(url).auth('deploy', '${pw("pc10")}')`,
        `conn = pymysql.connect("db.internal", "app", "${pw("pc2")}", "shop")`,
        `const t = jwt.sign(payload, '${
          fakeToken("pc3", Charset.alnum, 32)
        }', { expiresIn: '1h' });`,
        `mail:\n  run: smtp.login('alerts', '${pw("pc4")}')`,
        `r = redis.Redis('cache.lan', 6379, 0, '${fakeToken("pc5", Charset.alnum, 24)}')`,
        `ssh.connect('10.0.3.7', 22, 'deploy', '${pw("pc6")}')`,
        `signed, err := tok.SignedString([]byte("${fakeToken("pc7", Charset.alnum, 40)}"))`,
        `let creds = Credentials::new("id", "${
          fakeToken("pc8", Charset.base64, 40)
        }", None, None, "static");`,
        `transport.connect("smtp.office365.com", "alerts@corp.example", "${pw("pc9")}");`,
        `var jwtKey = []byte("${pw("pc10")}")`,
        `def sql = Sql.newInstance('jdbc:postgresql://db:5432/app', 'app', '${pw("pc11")}')`,
        `new DriverManagerDataSource("jdbc:mysql://db/app", "app", "${pw("pc12")}")`,
        `var de = new DirectoryEntry("LDAP://dc1.corp.lan", "corp\\svc", "${pw("pc16")}");`,
        `const wallet = new ethers.Wallet("0x${fakeToken("pc13", Charset.hex, 64)}", provider);`,
        `acct = Account.from_key("0x${fakeToken("pc14", Charset.hex, 64)}")`,
        `bot.run('${fakeToken("pc15", Charset.alnum, 24)}.${fakeToken("pc15b", Charset.alnum, 6)}.${
          fakeToken("pc15c", Charset.alnum, 38)
        }')`,
      ],
      ignore: [
        'transport.connect("smtp.office365.com", 587, user, password)',
        'token.SignedString([]byte(os.Getenv("JWT_SECRET")))',
        'body := []byte("hello, world")',
        'contentType := []byte("application/json")',
        "DriverManager.getConnection(url, user, pass);",
        "jwt.sign(payload, process.env.JWT_SECRET)",
        "socket.connect('db.internal', 5432)",
        "const wallet = new ethers.Wallet(process.env.PRIVATE_KEY, provider);",
        "bot.run(os.environ['DISCORD_TOKEN'])",
        "db = database('sales', 'reports')",
      ],
    },
  },
  {
    id: "go-mysql-dsn",
    category: "connection-string",
    description: "Password in a Go MySQL DSN (user:password@tcp(host:3306)/db)",
    keywords: ["@tcp(", "@unix(", "@udp("],
    pattern: /(?<![\w.-])[\w.-]{1,64}:(?<secret>[^\s:@"'`/]{1,256})@(?:tcp|unix|udp)\(/,
    window: { before: 300, after: 8 },
    tier: 2,
    refine: ({ text, start, end, mode }) =>
      credible(text.slice(start, end), mode) ? { start, end } : null,
    examples: {
      match: [
        `dsn := "app:${pw("go1")}@tcp(db:3306)/shop?parseTime=true"`,
        `MYSQL_DSN=root:${fakeToken("go2", Charset.alnum, 20)}@tcp(127.0.0.1:3306)/app`,
        `database:\n  dsn: svc:${pw("go3")}@unix(/var/run/mysqld.sock)/app`,
      ],
      ignore: ['dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", user, pass, host, db)'],
    },
  },
  {
    id: "oracle-easy-connect",
    category: "connection-string",
    description: "Password in an Oracle easy-connect string (user/password@//host:1521/service)",
    keywords: [
      "@//",
      ":1521/",
      ":1522/",
      ":1523/",
      "sqlplus",
      "expdp",
      "impdp",
      "sqlldr",
      "oracle:thin:",
    ],
    // `user/password@//host` or `user/password@host:1521/SERVICE` (the listener's usual ports).
    pattern:
      /(?<![\w/])[A-Za-z][\w$#.]{0,63}\/(?<secret>[^\s/@"'`]{1,256})@(?:\/\/[\w.-]+|[\w.-]+:152[123][/:]|(?<=(?:sqlplus|expdp|impdp|sqlldr|rman)\s+(?:-[sSLl]\s+)?[^\s@]{1,320}@)[\w.-]+)/,
    window: { before: 300, after: 64 },
    tier: 2,
    refine: ({ text, start, end, mode }) =>
      credible(text.slice(start, end), mode) ? { start, end } : null,
    examples: {
      match: [
        `ORACLE_CONN=scott/${pw("or1")}@//db.acme.io:1521/ORCL`,
        `sqlplus system/${pw("or2")}@//localhost:1521/XEPDB1`,
        `conn = cx_Oracle.connect('scott/${pw("or4")}@dbhost:1521/ORCL')`,
        `sqlplus -s system/${pw("or5")}@orclpdb`,
        `url: jdbc:oracle:thin:scott/${pw("or6")}@db:1521:ORCL`,
        `{"connect": "app/${fakeToken("or3", Charset.alnum, 18)}@//ora:1521/svc"}`,
      ],
      ignore: ["see https://docs.example.test/path@//x", "user/${PASSWORD}@//db:1521/svc"],
    },
  },
  {
    id: "pgpass-line",
    category: "password-assignment",
    description: "Password in a .pgpass line (host:port:database:user:password)",
    keywords: [":5432:", ":5433:", ":6432:", ":*:", "*:*:"],
    pattern:
      /^[ \t]*(?:[A-Za-z0-9.-]{1,253}|\*):(?:\d{1,5}|\*):(?:[\w.-]{1,63}|\*):(?:[\w.@-]{1,63}|\*):(?<secret>\S{1,256})$/m,
    window: { before: 300, after: 300 },
    tier: 2,
    refine: ({ text, start, end, mode }) =>
      credible(text.slice(start, end), mode) ? { start, end } : null,
    examples: {
      match: [
        `db.internal:5432:app:app:${pw("pg1")}`,
        `*:*:*:replicator:${fakeToken("pg2", Charset.alnum, 24)}`,
        `pgpass: |\n  localhost:5432:*:postgres:${pw("pg3")}\n`,
      ],
      ignore: ["localhost:5432:*:postgres:*"],
    },
  },
  {
    id: "redis-requirepass",
    category: "password-assignment",
    description:
      "A password given to a config directive: Redis requirepass/masterauth (also on the command line), HAProxy insecure-password, keepalived auth_pass, LDAP bindpw/rootpw, SNMP communities, TACACS+/RADIUS keys",
    keywords: [
      "requirepass",
      "masterauth",
      "insecure-password",
      "auth_pass",
      "bindpw",
      "bind_pw",
      "rootpw",
      "community",
      "-server key",
      "-server host",
    ],
    pattern:
      /(?:requirepass|masterauth|insecure-password|auth_pass|bind_?pw|rootpw(?:[ \t]+--(?:plaintext|iscrypted|lock|allow-ssh))*|community|-server(?:[ \t]+host[ \t]+\S{1,128})?[ \t]+key(?:[ \t]+[07])?)[ \t]+(?<secret>"[^"\r\n]{1,512}"|[^\s"]{1,512})/i,
    tier: 2,
    refine: ({ text, start, end, mode }) => {
      const value = text.slice(start, end).replace(/^"|"$/g, "");
      if (/^foobared$/i.test(value) || !credible(value, mode)) return null;
      const lead = lineBefore(text, start);
      if (
        !/^\s*(?:#\s*)?(?:requirepass|masterauth|auth_pass|bind_?pw|rootpw)|--(?:requirepass|masterauth)|config set|^\s*user\s+\S+\s+(?:groups\s+\S+\s+)?insecure-password|^\s*snmp-server\s+community|^\s*(?:tacacs|radius)-server\s/i
          .test(lead)
      ) {
        return null;
      }
      return { start, end };
    },
    examples: {
      match: [
        `requirepass ${pw("rd1")}`,
        `redis-server --requirepass ${fakeToken("rd2", Charset.alnum, 24)}`,
        `conf: |\n  masterauth ${pw("rd3")}\n`,
        `userlist admins\n    user ops insecure-password ${pw("rd4")}\n`,
        `binddn cn=reader,dc=acme,dc=test\nbindpw ${pw("rd6")}`,
        `snmp-server community ${pw("rd7")} RO`,
        `# kickstart\nrootpw --plaintext ${pw("rd9")}`,
        `tacacs-server host 10.0.0.7 key 7 ${pw("rd8")}`,
        `vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n    auth_pass ${
          pw("rd5")
        }\n  }\n}`,
      ],
      ignore: [
        "requirepass foobared",
        "the requirepass directive sets a password",
        "use insecure-password only for tests",
        "snmp-server community public RO",
        "the community edition",
      ],
    },
  },
  {
    id: "auth-tuple",
    category: "password-assignment",
    description: "A password in a (user, password) auth tuple (requests auth=('u', '…'))",
    keywords: ["auth=(", "auth = ("],
    pattern:
      /auth\s?=\s?\(\s{0,4}(?:"[^"\r\n]{0,128}"|'[^'\r\n]{0,128}')\s{0,4},\s{0,4}(?<value>"[^"\r\n]{1,512}"|'[^'\r\n]{1,512}')/,
    tier: 2,
    refine: ({ text, match, mode }) => {
      const span = match.indices?.groups?.value;
      if (!span) return null;
      const value = text.slice(span[0] + 1, span[1] - 1);
      return credible(value, mode) ? { start: span[0] + 1, end: span[1] - 1 } : null;
    },
    examples: {
      match: [
        `r = requests.get(url, auth=('bot', '${pw("at1")}'))`,
        `session.auth = ("svc", "${fakeToken("at2", Charset.alnum, 24)}")`,
        `http:\n  call: httpx.get(u, auth=("ci", "${pw("at3")}"))`,
      ],
      ignore: ["requests.get(url, auth=(user, password))", "auth=('bot', os.environ['PW'])"],
    },
  },
  {
    id: "sdk-client-key",
    category: "generic-high-entropy",
    description:
      "A random key literal passed to an SDK client constructor (Client('…'), new FooClient('…'))",
    keywords: ["client(", "api(", "sdk(", "client::new(", "client.new(", "client.create("],
    pattern: /(?:Client|Api|API|SDK|Sdk)(?:::new|\.new|\.create)?\(/,
    window: { before: 0, after: 16 },
    tier: 1,
    gate: false,
    refine: ({ text, end }) => {
      const open = end - 1;
      for (const [from, to] of callArguments(text, open)) {
        const raw = text.slice(from, to).trim();
        const literal = /^(["'])([A-Za-z0-9_\-+/=.]{24,256})\1$/.exec(raw);
        if (!literal) continue;
        const value = literal[2]!;
        // Twilio-style resource ids (`AC` + 32 hex) name the account; the token is the next one.
        if (/^[A-Z]{2}[0-9a-f]{32}$/.test(value)) continue;
        // An account id and its hex auth token (Twilio's Client(sid, token)).
        if (from > open + 1 && /^[0-9a-f]{32,64}$/.test(value) && /[a-f]/.test(value)) {
          if (!looksRandom(value, { minLength: 32, minEntropy: 3.4 })) continue;
        } else {
          if (!/\d/.test(value) || !/[a-z]/.test(value) || !/[A-Z]/.test(value)) continue;
          if (!looksRandom(value, { minLength: 24, minEntropy: 3.8 })) continue;
        }
        const start = text.indexOf(value, from);
        return { start, end: start + value.length };
      }
      return null;
    },
    examples: {
      match: [
        `client = Client('acme', '${fakeToken("sdk1", Charset.alnum, 40)}')`,
        `const api = new MailApi("${fakeToken("sdk2", Charset.alnum, 32)}");`,
        `svc:\n  init: WeatherClient('${fakeToken("sdk3", Charset.alnum, 36)}')`,
      ],
      ignore: ["new HttpClient(baseUrl, { timeout: 5000 })", "Client('acme', API_KEY)"],
    },
  },
  {
    id: "app-id-key-pair",
    category: "generic-high-entropy",
    description:
      "An application id and its key as the first two literals of an SDK's entry call (algoliasearch('APPID', '…'), Client('AC…', '…'), new Pusher('123', '…'), Parse.initialize('…', '…'))",
    // Keyed on the entry calls' last word and the quote (a `', '` keyword ran at every list
    // of strings in code).
    keywords: [
      "search('",
      'search("',
      "client('",
      'client("',
      "init('",
      'init("',
      "initialize('",
      'initialize("',
      "configure('",
      'configure("',
      "pusher('",
      'pusher("',
      "sdk('",
      'sdk("',
      "api('",
      'api("',
    ],
    pattern:
      /(?<![\w$.])(?<callee>[\w$.]{1,60})\([ \t]*["'](?<id>[A-Za-z0-9_-]{4,40})["'],[ \t]?["'](?<secret>[A-Za-z0-9_-]{24,128})["']/,
    window: { before: 60, after: 300 },
    tier: 1,
    gate: false,
    refine: ({ text, match, start, end }) => {
      if (NOT_A_KEY_CALL.test(match.groups?.callee ?? "")) return null;
      // The id: letters and digits in capitals, a resource id (`AC` + hex), digits, a UUID.
      const id = match.groups?.id ?? "";
      if (
        !/^(?=.*\d)[A-Z0-9]{6,24}$|^[A-Z]{2}[0-9a-f]{32}$|^\d{4,12}$|^[0-9a-f]{8}-[0-9a-f]{4}-/
          .test(id)
      ) {
        return null;
      }
      const key = text.slice(start, end);
      const hex = /^[0-9a-f]+$/.test(key);
      if (
        hex ? !/[a-f]/.test(key) || !looksRandom(key, { minLength: 32, minEntropy: 3.4 }) : (
          !/\d/.test(key) || !/[a-z]/.test(key) || !/[A-Z]/.test(key) ||
          !looksRandom(key, { minLength: 24, minEntropy: 3.8 })
        )
      ) return null;
      return { start, end };
    },
    examples: {
      match: [
        `const client = algoliasearch('Q7W2E9R4T5', '${fakeToken("ak1", Charset.hex, 32)}');`,
        `client = Client("AC${fakeToken("ak2", Charset.hex, 32)}", "${
          fakeToken("ak3", Charset.hex, 32)
        }")`,
        `const pusher = new Pusher("1234567", "${fakeToken("ak4", Charset.alnum, 32)}");`,
      ],
      ignore: [
        `assertEquals("ABC123", "${fakeToken("ak5", Charset.hex, 32)}")`,
        `client = Client("acme", API_KEY)`,
        `md5sum("FILE2024", "${fakeToken("ak6", Charset.hex, 32)}")`,
      ],
    },
  },
  {
    id: "keyed-call-secret",
    category: "password-assignment",
    description:
      'A secret stored under a secret-named key by a call (props.put("mail.smtp.password", "…"))',
    // With the quote: only calls whose first argument is a string literal are looked at.
    keywords: [
      'put("',
      "put('",
      'setproperty("',
      'set("',
      "set('",
      'setenv("',
      'add("',
      "add('",
      'append("',
      "append('",
      'header("',
      "header('",
      'setrequestheader("',
      "setrequestheader('",
    ],
    pattern:
      /(?:put|setProperty|set|setenv|add|append|header|Header|setRequestHeader)\(\s{0,4}(?<key>"[^"\r\n]{1,80}"|'[^'\r\n]{1,80}')\s{0,4},\s{0,4}(?<value>"[^"\r\n]{1,512}"|'[^'\r\n]{1,512}')/i,
    tier: 2,
    refine: ({ text, match, mode }) => {
      const key = match.groups?.key?.slice(1, -1) ?? "";
      const span = match.indices?.groups?.value;
      if (!span) return null;
      const value = text.slice(span[0] + 1, span[1] - 1);
      if (!secretUnderKey(key, value)) return null;
      return credible(value, mode) ? { start: span[0] + 1, end: span[1] - 1 } : null;
    },
    examples: {
      match: [
        `props.put("mail.smtp.password", "${pw("kc1")}");`,
        `headers.set('X-Api-Token', '${fakeToken("kc2", Charset.alnum, 32)}')`,
        `cfg:\n  call: os.Setenv("DB_PASSWORD", "${pw("kc3")}")`,
      ],
      ignore: ['props.put("mail.smtp.host", "smtp.acme.io");', "map.set('token', token)"],
    },
  },
];
