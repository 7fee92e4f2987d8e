// redact() and scan(): replacement format, idempotence, private blocks, config, operating points.
import assert from "node:assert/strict";
import { PrivacySettingsError } from "../../lib/privacy/errors.ts";
import { Charset, fakeToken } from "../../lib/privacy/fake.ts";
import { createRedactor } from "../../lib/privacy/redact.ts";
import { summarizeFindings } from "../../lib/privacy/report.ts";
import { pathologicalLines } from "../../bench/privacy_inputs.ts";

const redactor = createRedactor();
const ghp = "ghp_" + fakeToken("t-ghp", Charset.alnum, 36);
const akia = "AKIA" + fakeToken("t-akia", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
const dbPass = fakeToken("t-db", Charset.alnum, 18);

Deno.test("redact() keeps the key name in KEY=value lines", () => {
  const { text } = redactor.redact(`DB_PASSWORD=${dbPass}\nDEBUG=true\n`);
  assert.equal(text, "DB_PASSWORD=[REDACTED:password-assignment]\nDEBUG=true\n");
});

Deno.test("redact() keeps a short non-secret prefix for provider tokens", () => {
  assert.equal(
    redactor.redact(`key ${akia} leaked`).text,
    "key AKIA…[REDACTED:aws-access-key] leaked",
  );
  assert.equal(redactor.redact(`token: ${ghp}`).text, "token: ghp_…[REDACTED:github-token]");
});

Deno.test("redact() names the most specific detector when several overlap", () => {
  const result = redactor.redact(`GITHUB_TOKEN=${ghp}`);
  assert.equal(result.text, "GITHUB_TOKEN=ghp_…[REDACTED:github-token]");
  assert.deepEqual(result.findings.map((f) => f.detector), ["github-token"]);
});

Deno.test("redact() reads a windowed detector's groups at their offsets in the whole text", () => {
  // The keyword's window starts mid-text here, so the key and value groups come from a slice.
  const xml =
    `<dataSource>\n  <url>jdbc:postgresql://pg:5432/crm</url>\n  <username>crm</username>\n` +
    `  <password>${dbPass}</password>\n</dataSource>`;
  assert.equal(
    redactor.redact(xml).text,
    xml.replace(dbPass, "[REDACTED:xml-secret-element]"),
  );
});

Deno.test("redact() keeps user and host in URLs with credentials", () => {
  const { text } = redactor.redact(`postgres://app:${dbPass}@db.internal:5432/app`);
  assert.equal(text, "postgres://app:[REDACTED:url-credentials]@db.internal:5432/app");
});

Deno.test("redact() removes <private> blocks whole, and an unclosed one to the end", () => {
  assert.equal(
    redactor.redact("keep <private>my home address</private> keep").text,
    "keep [REDACTED:private] keep",
  );
  assert.equal(redactor.redact("keep <PRIVATE>\nrest of it").text, "keep [REDACTED:private]");
});

Deno.test("redact() twice gives the same text as once", () => {
  const doc = [
    `AWS_ACCESS_KEY_ID=${akia}`,
    `export GH_TOKEN=${ghp}`,
    `DATABASE_URL=mysql://root:${dbPass}@10.1.2.3/app`,
    `Authorization: Bearer ${fakeToken("t-bearer", Charset.base64url, 40)}`,
    "contact ops@acme-corp.io or +44 20 7946 0958",
    "<private>internal</private>",
  ].join("\n");
  const once = redactor.redact(doc);
  const twice = redactor.redact(once.text);
  assert.equal(twice.text, once.text);
  assert.deepEqual(twice.findings, []);
  assert.ok(once.findings.length >= 7);
});

Deno.test("scan() reports offsets into the input and never the secret itself", () => {
  const input = `x = 1\nGITHUB_TOKEN=${ghp}\n`;
  const [finding] = redactor.scan(input);
  assert.ok(finding);
  assert.equal(input.slice(finding.start, finding.end), ghp);
  assert.deepEqual(Object.keys(finding).sort(), ["category", "detector", "end", "start"]);
  assert.ok(!JSON.stringify(finding).includes(ghp.slice(4)));
});

Deno.test("summarizeFindings() counts detectors and keeps only offsets", () => {
  const report = summarizeFindings(redactor.scan(`${ghp} and ${ghp} and ${akia}`));
  assert.equal(report.total, 3);
  assert.deepEqual(report.detectors.map((d) => [d.detector, d.count]), [
    ["github-token", 2],
    ["aws-access-key", 1],
  ]);
  assert.ok(!JSON.stringify(report).includes(ghp));
});

Deno.test("scan() leaves ordinary code and prose alone", async (t) => {
  const clean: Record<string, string> = {
    "uuid": `const id = "3f2b8c1e-9d4a-4e5f-8a7b-6c5d4e3f2a1b";`,
    "git sha": "fixed in commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904 (see #123)",
    "lockfile integrity": `"integrity": "sha512-${fakeToken("t-int", Charset.base64, 86)}=="`,
    "image data": `<img src="data:image/png;base64,${fakeToken("t-png", Charset.base64, 400)}">`,
    "semver": "upgrade typescript from 5.4.5 to 5.6.3-beta.1 and node to v22.11.0",
    "identifiers":
      "const passwordField = form.passwordInput; tokenizer.nextToken(); keyMap[key] = v;",
    "password plumbing":
      "password = getpass()\ntoken = os.environ['API_TOKEN']\nsecret: ${{ secrets.X }}",
    "types": "interface Login { password: string; token?: string; apiKey: ApiKey }",
    "docs placeholders": 'API_KEY=<your-api-key>\nPASSWORD=""\ntoken: "xxxxxxxx"',
    "hex colour and time": "color: #ff00aa; at 12:30:45 on 2026-01-04",
    "version quad": "Microsoft.Build version 17.8.3.51904",
    "redaction markers": "DB_PASSWORD=[REDACTED:password-assignment] ghp_…[REDACTED:github-token]",
    "lowercased markers":
      "tags: db_password=[redacted:password-assignment], aws…[redacted:aws-secret-key]",
  };
  for (const [name, text] of Object.entries(clean)) {
    await t.step(name, () => {
      for (const mode of ["redact", "gate"] as const) {
        assert.deepEqual(redactor.scan(text, { mode }), [], `${mode}: ${text}`);
      }
    });
  }
});

Deno.test("gate mode favours precision: weak or placeholder values pass, real tokens do not", () => {
  const weak = 'password = "hunter2"';
  assert.equal(redactor.scan(weak).length, 1);
  assert.equal(redactor.scan(weak, { mode: "gate" }).length, 0);
  assert.equal(redactor.scan("mail me at jane@acme-corp.io", { mode: "gate" }).length, 0);
  assert.equal(redactor.scan(`GH_TOKEN=${ghp}`, { mode: "gate" }).length, 1);
});

Deno.test("createRedactor() honours disabled detectors, allow-lists and PII switches", () => {
  const allowed = createRedactor({ allow: [akia], allowPatterns: ["^ghp_"] });
  assert.deepEqual(allowed.scan(`${akia} ${ghp}`), []);
  const disabled = createRedactor({ disabled: ["github-token"] });
  assert.ok(!disabled.scan(ghp).some((f) => f.detector === "github-token"));
  const noPii = createRedactor({ pii: false });
  assert.deepEqual(noPii.scan("jane@acme-corp.io from 81.164.12.54"), []);
  const noEmail = createRedactor({ pii: { email: false } });
  assert.deepEqual(noEmail.scan("jane@acme-corp.io from 81.164.12.54").map((f) => f.category), [
    "pii-ip",
  ]);
});

Deno.test("createRedactor() runs custom patterns and rejects invalid ones in one sentence", () => {
  const custom = createRedactor({
    custom: [{ id: "acme-ticket-key", pattern: "ACME-[0-9]{6}-[A-Z]{4}", keywords: ["acme-"] }],
  });
  assert.equal(
    custom.redact("key ACME-123456-ABCD here").text,
    "key [REDACTED:acme-ticket-key] here",
  );
  assert.throws(
    () => createRedactor({ custom: [{ id: "broken", pattern: "([a-z" }] }),
    (error: unknown) =>
      error instanceof PrivacySettingsError && error.exitCode === 2 &&
      error.message ===
        'Cannot use custom pattern "broken": Invalid regular expression: /([a-z/: Unterminated character class',
  );
  assert.throws(
    () => createRedactor({ custom: [{ id: "empty", pattern: "x*" }] }),
    /Cannot use custom pattern "empty": it matches the empty string/,
  );
  assert.throws(() => createRedactor({ allowPatterns: ["(unclosed"] }), /Cannot use allow pattern/);
});

Deno.test("createRedactor() reports a custom detector's category; a pii-* one follows that switch", () => {
  const custom = [{
    id: "acme-mail",
    pattern: "[a-z]+@acme\\.internal",
    category: "pii-email" as const,
  }];
  const on = createRedactor({ custom });
  assert.deepEqual(
    on.scan("mail jane@acme.internal now").map((f) => [f.detector, f.category]),
    [["acme-mail", "pii-email"]],
  );
  const off = createRedactor({ custom, pii: { email: false } });
  assert.deepEqual(off.scan("mail jane@acme.internal now"), []);
  const plain = createRedactor({ custom: [{ id: "acme-key", pattern: "ACME-[0-9]{6}" }] });
  assert.deepEqual(plain.scan("ACME-123456").map((f) => f.category), ["custom"]);
});

// Catastrophic backtracking on 100 KB takes minutes; a bounded pass took at most ~0.6 s on a
// 2-core machine at load average 11. The bound leaves ~8× headroom and still catches it.
const BACKTRACKING_BOUND_MS = 5_000;

Deno.test("redact() handles pathological 100 KB lines in under 5 s each (no catastrophic backtracking)", async (t) => {
  redactor.redact("warm up password=x");
  for (const [name, line] of Object.entries(pathologicalLines())) {
    await t.step(name, () => {
      const started = performance.now();
      const result = redactor.redact(line);
      const elapsed = performance.now() - started;
      assert.ok(
        elapsed < BACKTRACKING_BOUND_MS,
        `redact() took ${elapsed.toFixed(0)} ms on the "${name}" line`,
      );
      assert.equal(redactor.redact(result.text).text, result.text);
    });
  }
});

Deno.test("redact() redacts the password column of every row under a table's header", () => {
  const pw = (seed: string) =>
    `${fakeToken(seed, Charset.alpha, 6)}#${fakeToken(seed, "0123456789", 3)}`;
  const rows = [pw("tr1"), pw("tr2"), pw("tr3")];
  const table = `| host | user | password |\n|---|---|---|\n` +
    rows.map((p, i) => `| db${i} | app | ${p} |`).join("\n");
  assert.equal(
    redactor.redact(table).text,
    `| host | user | password |\n|---|---|---|\n` +
      rows.map((_, i) => `| db${i} | app | [REDACTED:table-secret-cell] |`).join("\n"),
  );
});
