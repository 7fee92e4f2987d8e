// The sixth detector pass (issue 15): broad forms instead of one-off patterns. Each test gives
// the exact redacted text for a behaviour and for its nearest hard negative.
import assert from "node:assert/strict";
import { isPlaceholderSecret } from "../../lib/privacy/checks.ts";
import { Charset, fakeIban, fakeSsn, fakeToken } from "../../lib/privacy/fake.ts";
import { createRedactor } from "../../lib/privacy/redact.ts";

const redactor = createRedactor();
const redact = (text: string) => redactor.redact(text).text;
/** An invented password of the shape people choose: words, digits, a symbol. */
const pw = (seed: string) =>
  `${fakeToken(seed, "BCDFGHJKLMNPRST", 1)}${fakeToken(seed + "a", "aeiou", 1)}${
    fakeToken(seed + "b", "rstlnm", 2)
  }#${fakeToken(seed + "c", Charset.digits, 3)}Ox`;
const token = (seed: string, length = 40) => fakeToken(seed, Charset.alnum, length) + "7aZ";
const hex = (seed: string) => fakeToken(seed, Charset.hex, 30) + "a9";
const PA = "[REDACTED:password-assignment]";

Deno.test('an assignment\'s value may carry a string prefix: @"…" (Objective-C, C#), b\'…\' (Python), <<"…">> (Erlang)', () => {
  const s = pw("sp1");
  assert.equal(
    redact(`NSString *const kAppSecret = @"${s}";`),
    `NSString *const kAppSecret = @"${PA}";`,
  );
  assert.equal(redact(`API_TOKEN = b'${s}'`), `API_TOKEN = b'${PA}'`);
  assert.equal(
    redact(`{password, <<"${s}">>}`),
    `{password, <<"${PA}">>}`,
  );
});

Deno.test("a secret-named first element of a tuple or list gives the next literal when it has a credential's shape", () => {
  const s = pw("tp1");
  assert.equal(redact(`creds = ("password", "${s}")`), `creds = ("password", "${PA}")`);
  // A translation pair and a name inside another value are no such pair.
  assert.equal(redact(`t("password", "Passwort")`), `t("password", "Passwort")`);
  const json = `{"username": "token", "password": "${s}"}`;
  assert.equal(redact(json), `{"username": "token", "password": "${PA}"}`);
});

Deno.test("a %Word% inside a password is part of it; a Windows variable is a placeholder", () => {
  assert.equal(isPlaceholderSecret("Otter%Quay%51"), false);
  assert.equal(isPlaceholderSecret("%APPDATA%"), true);
  assert.equal(isPlaceholderSecret("%UserProfile%\\keys"), true);
  assert.equal(
    redact(`gitlab_rails['smtp_password'] = "Otter%Quay%51"`),
    `gitlab_rails['smtp_password'] = "${PA}"`,
  );
});

Deno.test("a connection call passes its password after the server and a user (PDO->__construct, SftpClient)", () => {
  const s = pw("cc1");
  const cca = "[REDACTED:call-credential-argument]";
  assert.equal(
    redact(`#0 db.php(12): PDO->__construct('mysql:host=db;dbname=app', 'wp', '${s}')`),
    `#0 db.php(12): PDO->__construct('mysql:host=db;dbname=app', 'wp', '${cca}')`,
  );
  assert.equal(
    redact(`var c = new SftpClient("sftp.bank.example", 22, "upload", "${s}");`),
    `var c = new SftpClient("sftp.bank.example", 22, "upload", "${cca}");`,
  );
  // The server and then a label at once: no user, no password.
  const label = `const c = new MailClient("mail.example.test", "${s}");`;
  assert.equal(redact(label), label);
});

Deno.test("an INSERT's values may hold calls (now(), md5('a', 'b')) before or after the secret column", () => {
  const t = token("si1");
  assert.equal(
    redact(`INSERT INTO api_clients (name, client_secret, at) VALUES ('portal', '${t}', now());`),
    `INSERT INTO api_clients (name, client_secret, at) VALUES ('portal', '[REDACTED:sql-insert-secret-column]', now());`,
  );
});

Deno.test("command lines: snmp -c community, login verbs with a token, joined flag names, bare secret words", () => {
  const s = pw("cl1");
  const t = token("cl2", 28);
  assert.equal(
    redact(`snmpwalk -v2c -c ${s} 10.0.0.1 1.3.6.1.2.1.1`),
    `snmpwalk -v2c -c [REDACTED:snmp-v3-passphrase] 10.0.0.1 1.3.6.1.2.1.1`,
  );
  assert.equal(redact("snmpwalk -v2c -c public 10.0.0.1"), "snmpwalk -v2c -c public 10.0.0.1");
  assert.equal(
    redact(`b2 account authorize 0e2dd7bb01a3 ${t}`),
    `b2 account authorize 0e2dd7bb01a3 [REDACTED:cli-login-secret]`,
  );
  assert.equal(
    redact("b2 account authorize $B2_KEY_ID $B2_APP_KEY"),
    "b2 account authorize $B2_KEY_ID $B2_APP_KEY",
  );
  assert.equal(
    redact(`wp config create --dbname=wp --dbuser=wp --dbpass=${s}`),
    `wp config create --dbname=wp --dbuser=wp --dbpass=[REDACTED:cli-named-secret-flag]`,
  );
  assert.equal(
    redact(`nmcli dev wifi connect Lumen password ${s}`),
    `nmcli dev wifi connect Lumen password [REDACTED:command-word-secret]`,
  );
  assert.equal(
    redact(`username admin privilege 15 secret 0 ${s}`),
    `username admin privilege 15 secret 0 [REDACTED:command-word-secret]`,
  );
  const version = "nmcli con up office password Vault-Agent-v2";
  assert.equal(redact(version), version);
});

Deno.test("the answer a script sends to a password prompt is a secret; a variable or another prompt's answer is not", () => {
  const s = pw("pa1");
  assert.equal(
    redact(`expect "*assword:"\nsend "${s}\\r"`),
    `expect "*assword:"\nsend "[REDACTED:prompt-answer-secret]\\r"`,
  );
  assert.equal(
    redact(`child.expect('Password:')\nchild.sendline('${s}')`),
    `child.expect('Password:')\nchild.sendline('[REDACTED:prompt-answer-secret]')`,
  );
  const variable = 'expect "*assword:"\nsend "$env(SW_PASSWORD)\\r"';
  assert.equal(redact(variable), variable);
  const login = 'expect "login:"\nsend "operator\\r"';
  assert.equal(redact(login), login);
});

Deno.test("a random token on a credential name's line or the line below it; not an id, a digest or a token-named call's output", () => {
  const t = token("rt1");
  const rt = "[REDACTED:random-token-near-secret-word]";
  assert.equal(
    redact(`Run echo "deploying with $DEPLOY_TOKEN"\ndeploying with ${t}\nstarted`),
    `Run echo "deploying with $DEPLOY_TOKEN"\ndeploying with ${rt}\nstarted`,
  );
  assert.equal(
    redact(`Your new API key has been created.\n\n${t}\n\nStore it safely.`),
    `Your new API key has been created.\n\n${rt}\n\nStore it safely.`,
  );
  for (
    const negative of [
      `token refresh failed, request id ${t}`,
      `error: token expired (kid=${t})`,
      `secret rotation landed in commit ${t}`,
      `>>> token_urlsafe(16)\n'${t}'`,
      `const tokenizer = new Tokenizer2Fast('bert-base', '${t}')`,
    ]
  ) assert.equal(redact(negative), negative);
});

Deno.test("an application id and its key as a call's first two literals; not beside a comparison or a digest call", () => {
  const key = hex("ak1");
  assert.equal(
    redact(`const client = algoliasearch('Q7W2E9R4T5', '${key}');`),
    `const client = algoliasearch('Q7W2E9R4T5', '[REDACTED:app-id-key-pair]');`,
  );
  const compare = `assertEquals("AB12CD34", "${key}")`;
  assert.equal(redact(compare), compare);
});

Deno.test("prose: a role-named key, a few words after the link, a password anywhere on its name's line", () => {
  const s = pw("pr1");
  const sp = "[REDACTED:secret-in-prose]";
  const key = hex("pr2");
  assert.equal(
    redact(`hardcoded the Algolia admin key (${key}) to unblock QA`),
    `hardcoded the Algolia admin key (${sp}) to unblock QA`,
  );
  assert.equal(
    redact(`the db password is probably still ${s}`),
    `the db password is probably still ${sp}`,
  );
  assert.equal(
    redact(`can you try with ${s}? that's the new root password`),
    // A final `?` that makes the password mixed goes with it.
    `can you try with ${sp} that's the new root password`,
  );
  for (
    const negative of [
      `The password policy: 12+ chars and a symbol, e.g. ${s} is OK`,
      "rotate the token for svc-Deploy-v2 every 90 days",
      "The password is probably stored in vault",
    ]
  ) assert.equal(redact(negative), negative);
});

Deno.test("a user and Words-Joined-1234 after a slash are a login; a title with a year is not", () => {
  assert.equal(
    redact("Grafana: admin / Heron-Quarry-5512"),
    "Grafana: admin / [REDACTED:account-password-pair]",
  );
  const title = "Compare throughput per core / Total-Cost-2026 in the sheet";
  assert.equal(redact(title), title);
});

Deno.test("ldap bind(dn, password) passes its password by position", () => {
  const s = pw("lb1");
  assert.equal(
    redact(`conn.bind("cn=admin,dc=acme,dc=io", "${s}")`),
    `conn.bind("cn=admin,dc=acme,dc=io", "[REDACTED:call-credential-argument]")`,
  );
  assert.equal(redact("handler = this.onClick.bind(this)"), "handler = this.onClick.bind(this)");
});

Deno.test("a regular expression under a secret-like name is code", () => {
  const line = "longopt_pat = r'[a-zA-Z](?:[a-zA-Z0-9-]*)'";
  assert.equal(redact(line), line);
});

Deno.test("personal data: 'her social is' before a dashed SSN; example IBANs and service accounts are not a person's", () => {
  const ssn = fakeSsn("ps1");
  assert.equal(
    redact(`Her social is ${ssn}, please add it`),
    "Her social is [REDACTED:us-ssn], please add it",
  );
  const media = "social media campaign reached 412345678 views";
  assert.equal(redact(media), media);
  const example = "Example: DE89 3704 0044 0532 0130 00 is the standard example IBAN.";
  assert.equal(redact(example), example);
  const iban = fakeIban("ps2", "DE", 22);
  assert.equal(redact(`IBAN: ${iban}`), "IBAN: [REDACTED:iban]");
  const account = "serviceAccount: deployer@acme-prod-381212.iam.gserviceaccount.com";
  assert.equal(redact(account), account);
});
