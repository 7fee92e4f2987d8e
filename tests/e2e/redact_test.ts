// `korva redact` and `korva scan-vault` through the real CLI, and the promise that a secret
// saved through the CLI never reaches the database file, the WAL or an export.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Charset, fakeToken } from "../../lib/privacy/fake.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { runKorva, tempDir, tempHome } from "../_helpers.ts";

const ghp = "ghp_" + fakeToken("e2e-ghp", Charset.alnum, 36);
const stripe = "sk_live_" + fakeToken("e2e-stripe", Charset.alnum, 40);
const dbPass = fakeToken("e2e-db", Charset.alnum, 20);

/** Every file of the vault (db, WAL, shared memory) as latin1 text, for byte searches. */
function vaultBytes(korvaHome: string): string {
  return ["vault.db", "vault.db-wal", "vault.db-shm"]
    .map((name) => join(korvaHome, name))
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString("latin1"))
    .join("\n");
}

Deno.test("korva redact - reads stdin, prints the redacted text and exits 1", async () => {
  await using home = tempHome();
  const result = await runKorva(["redact", "-"], {
    env: home.env,
    stdin: `GITHUB_TOKEN=${ghp}\nDB_PASSWORD=${dbPass}\n`,
  });
  assert.equal(result.code, 1, result.stderr);
  assert.equal(
    result.stdout,
    "GITHUB_TOKEN=ghp_…[REDACTED:github-token]\nDB_PASSWORD=[REDACTED:password-assignment]\n",
  );
  assert.equal(result.stderr, "");
});

Deno.test("korva redact FILE exits 0 and prints the text unchanged when nothing is found", async () => {
  await using home = tempHome();
  await using dir = tempDir();
  const text = "const total = items.reduce((a, b) => a + b, 0);\n";
  writeFileSync(join(dir.path, "clean.ts"), text);
  const result = await runKorva(["redact", "clean.ts"], { env: home.env, cwd: dir.path });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, text);
});

Deno.test("korva redact --json prints text and findings with offsets into the input", async () => {
  await using home = tempHome();
  const input = `charge with ${stripe} today`;
  const result = await runKorva(["redact", "--json"], { env: home.env, stdin: input });
  assert.equal(result.code, 1);
  const parsed = JSON.parse(result.stdout);
  assert.equal(parsed.text, "charge with sk_live_…[REDACTED:stripe-secret-key] today");
  assert.equal(parsed.findings.length, 1);
  const [finding] = parsed.findings;
  assert.equal(finding.detector, "stripe-secret-key");
  assert.equal(finding.category, "payment-key");
  assert.equal(input.slice(finding.start, finding.end), stripe);
  assert.ok(!result.stdout.includes(stripe));
});

Deno.test("korva redact --report --json adds a per-detector report without secrets", async () => {
  await using home = tempHome();
  const result = await runKorva(["redact", "--report", "--json"], {
    env: home.env,
    stdin: `${ghp} ${ghp} jane@acme-corp.io`,
  });
  assert.equal(result.code, 1);
  const parsed = JSON.parse(result.stdout);
  assert.equal(parsed.report.total, 3);
  assert.deepEqual(parsed.report.detectors.map((d: { detector: string }) => d.detector), [
    "github-token",
    "email",
  ]);
  assert.ok(!result.stdout.includes(ghp));
});

Deno.test("korva redact --report prints the text on stdout and the report on stderr", async () => {
  await using home = tempHome();
  const result = await runKorva(["redact", "--report"], { env: home.env, stdin: `t=${ghp}` });
  assert.equal(result.code, 1);
  assert.equal(result.stdout, "t=ghp_…[REDACTED:github-token]");
  assert.match(
    result.stderr,
    /^Redacted 1 secret:\n {2}github-token +1 {2}vcs-token {2}at 2-42\n$/,
  );
});

Deno.test("korva redact --mode gate lets weak values through that redact mode catches", async () => {
  await using home = tempHome();
  const stdin = 'password = "hunter2"\n';
  const redact = await runKorva(["redact"], { env: home.env, stdin });
  assert.equal(redact.code, 1);
  const gate = await runKorva(["redact", "--mode", "gate"], { env: home.env, stdin });
  assert.equal(gate.code, 0);
  assert.equal(gate.stdout, stdin);
});

Deno.test("korva redact with a bad file or mode exits 2 with one sentence", async () => {
  await using home = tempHome();
  await using dir = tempDir();
  const missing = await runKorva(["redact", "nope.txt"], { env: home.env, cwd: dir.path });
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.trim(), 'korva: Cannot read "nope.txt": no such file');
  const mode = await runKorva(["redact", "--mode", "loud"], { env: home.env, stdin: "x" });
  assert.equal(mode.code, 2);
  assert.match(mode.stderr, /loud/);
});

Deno.test("korva redact uses custom patterns from config.json and rejects invalid ones", async () => {
  await using home = tempHome();
  mkdirSync(home.korvaHome, { recursive: true });
  const config = join(home.korvaHome, "config.json");
  writeFileSync(
    config,
    JSON.stringify({
      privacy: { custom: [{ id: "acme-key", pattern: "ACME-[0-9]{8}", keywords: ["acme-"] }] },
    }),
  );
  const ok = await runKorva(["redact"], { env: home.env, stdin: "key ACME-12345678 here" });
  assert.equal(ok.code, 1, ok.stderr);
  assert.equal(ok.stdout, "key [REDACTED:acme-key] here");
  writeFileSync(
    config,
    JSON.stringify({ privacy: { custom: [{ id: "broken", pattern: "(ACME" }] } }),
  );
  const bad = await runKorva(["redact"], { env: home.env, stdin: "x" });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^korva: Cannot use custom pattern "broken": /);
});

Deno.test("korva save: a secret leaves no trace in the database file, the WAL or an export", async () => {
  await using home = tempHome();
  const content = `Rotated the deploy token ${ghp}; the staging DB is ` +
    `postgres://deploy:${dbPass}@10.0.4.2/app and billing uses ${stripe}`;
  const saved = await runKorva([
    "save",
    "--type",
    "incident",
    "--title",
    `Token ${ghp} leaked in CI logs`,
    "--content",
    content,
    "--why",
    `DB_PASSWORD=${dbPass} was printed by the debug step`,
    "--tags",
    "ci,secrets",
  ], { env: home.env });
  assert.equal(saved.code, 0, saved.stderr);
  assert.match(saved.stderr, /Redacted before saving/);
  const bytes = vaultBytes(home.korvaHome);
  assert.ok(bytes.length > 0);
  for (const secret of [ghp, ghp.slice(4), stripe, dbPass]) {
    assert.ok(!bytes.includes(secret), "secret found in the vault files");
  }
  for (const format of ["jsonl", "markdown"]) {
    const exported = await runKorva(["export", "--format", format], { env: home.env });
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /\[REDACTED:github-token\]/);
    for (const secret of [ghp.slice(4), stripe.slice(8), dbPass]) {
      assert.ok(!exported.stdout.includes(secret), `secret found in the ${format} export`);
    }
  }
});

Deno.test("korva scan-vault redacts what older rules missed, from rows, history, index and file", async () => {
  await using home = tempHome();
  const init = await runKorva(["init"], { env: home.env });
  assert.equal(init.code, 0, init.stderr);
  // A vault written without a redactor stands in for one written under older rules.
  {
    using vault = openVault(join(home.korvaHome, "vault.db"), { project: "demo" });
    const saved = vault.save({
      type: "note",
      title: "deploy notes",
      content: `use ${ghp} to push`,
    });
    vault.update(saved.memory.id, { content: `use ${ghp} to push, or ${stripe}` });
    vault.save({ type: "note", title: "clean", content: "nothing secret here" });
  }
  assert.ok(vaultBytes(home.korvaHome).includes(ghp), "setup: the secret should be on disk");

  const dry = await runKorva(["scan-vault", "--dry-run", "--json"], { env: home.env });
  assert.equal(dry.code, 1, dry.stderr);
  const report = JSON.parse(dry.stdout);
  assert.equal(report.scanned, 2);
  assert.equal(report.changed.length, 1);
  assert.ok(vaultBytes(home.korvaHome).includes(ghp), "a dry run changes nothing");

  const scan = await runKorva(["scan-vault"], { env: home.env });
  assert.equal(scan.code, 1, scan.stderr);
  assert.match(
    scan.stdout,
    /^Scanned 2 memories: redacted 1 github-token, 1 stripe-secret-key in 1 memory, 1 history versions\n {2}[0-9A-Z]{26}\n$/,
  );
  const bytes = vaultBytes(home.korvaHome);
  for (const secret of [ghp, ghp.slice(4), stripe.slice(8)]) {
    assert.ok(!bytes.includes(secret), "secret still in the vault files after scan-vault");
  }
  const search = await runKorva(["search", "push", "--json"], { env: home.env });
  assert.equal(search.code, 0, search.stderr);
  assert.match(search.stdout, /\[REDACTED:github-token\]/);

  const again = await runKorva(["scan-vault"], { env: home.env });
  assert.equal(again.code, 0, again.stderr);
  assert.equal(again.stdout, "Scanned 2 memories: nothing to redact\n");
});

Deno.test("korva redact honours the repository's .korva/config.yml allow-list", async () => {
  await using home = tempHome();
  await using repo = tempDir();
  const git = new Deno.Command("git", { args: ["init", "-q"], cwd: repo.path }).outputSync();
  assert.ok(git.success);
  mkdirSync(join(repo.path, ".korva"));
  writeFileSync(join(repo.path, ".korva", "config.yml"), `privacy:\n  allow:\n    - "${ghp}"\n`);
  const result = await runKorva(["redact"], { env: home.env, cwd: repo.path, stdin: `t=${ghp}` });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, `t=${ghp}`);
});
