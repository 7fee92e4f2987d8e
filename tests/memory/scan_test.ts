// scanVault(): redacts memories, history snapshots and session goals; a dry run changes nothing.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { Charset, fakeToken } from "../../lib/privacy/fake.ts";
import { createRedactor } from "../../lib/privacy/redact.ts";
import { CLI_ORIGIN, resolveRepoContext, scanVault, withVault } from "../../lib/memory/mod.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { FIXED_NOW, tempDir, testDeps } from "../_helpers.ts";

const npm = "npm_" + fakeToken("scan-npm", Charset.alnum, 36);

Deno.test("scanVault() redacts memories, history and session goals, and a dry run does not", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  using vault = openVault(path, { project: "demo", now: () => FIXED_NOW });
  const saved = vault.save({ type: "note", title: `publish with ${npm}`, content: "see title" });
  vault.update(saved.memory.id, { tags: ["release", npm] });
  vault.startSession("demo", `rotate ${npm}`);
  const redactor = createRedactor();
  const m = withVault(resolveRepoContext(testDeps(dir.path)), vault, CLI_ORIGIN);

  const dry = scanVault(m, { redactor, dryRun: true });
  assert.deepEqual(dry.changed, [saved.memory.id]);
  assert.equal(dry.historyChanged, 1);
  assert.equal(dry.sessionsChanged, 1);
  assert.deepEqual(dry.findings, { "npm-token": 2 });
  assert.ok(vault.get(saved.memory.id)!.title.includes(npm), "dry run must not write");

  const real = scanVault(m, { redactor });
  assert.deepEqual(real.changed, [saved.memory.id]);
  const memory = vault.get(saved.memory.id)!;
  assert.equal(memory.title, "publish with npm_…[REDACTED:npm-token]");
  assert.deepEqual(memory.tags, ["release", "npm_…[redacted:npm-token]"]); // tags are lowercased
  for (const version of vault.history(saved.memory.id)) {
    assert.ok(!JSON.stringify(version).includes(npm.slice(4)), "history keeps the secret");
  }
  const raw = new DatabaseSync(path, { readOnly: true });
  const goals = raw.prepare("SELECT goal FROM sessions").all().map((r) => String(r.goal));
  raw.close();
  assert.deepEqual(goals, ["rotate npm_…[REDACTED:npm-token]"]);
  assert.ok(!readFileSync(path).toString("latin1").includes(npm.slice(4)));
  assert.deepEqual(scanVault(m, { redactor }).changed, []);
});

Deno.test("scanVault() also redacts metadata saved before the boundary covered it", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  using vault = openVault(path, { now: () => FIXED_NOW });
  // Written straight to the vault, as korva 0.1.0 did for project and author.
  const saved = vault.save({
    type: "note",
    title: "clone it",
    content: "see project",
    project: `https://x-access-token:${npm}@example.test/acme/pay`,
    author: "Ana <ana.lopez@acme-payments.io>",
  });
  const m = withVault(resolveRepoContext(testDeps(dir.path)), vault, CLI_ORIGIN);
  const result = scanVault(m, { redactor: createRedactor() });
  assert.deepEqual(result.changed, [saved.memory.id]);
  const memory = vault.get(saved.memory.id);
  assert.equal(memory?.project.includes(npm), false);
  assert.equal(memory?.author?.includes("ana.lopez@acme-payments.io"), false);
  vault.close();
  const bytes = readFileSync(path).toString("latin1");
  assert.equal(bytes.includes(npm.slice(4)), false);
  assert.equal(bytes.includes("ana.lopez@acme-payments.io"), false);
});
