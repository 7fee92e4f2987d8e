// Vault usage counters (migration 7): recalls per memory and hits per sentinel rule, exact after
// N records, and skipped (never waited for, never thrown) while another connection writes.
import assert from "node:assert/strict";
import { join } from "node:path";
import { openVault } from "../../lib/vault/mod.ts";
import { FIXED_NOW, tempDir } from "../_helpers.ts";

const later = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000);

function twoMemories(path: string) {
  using vault = openVault(path, { now: () => FIXED_NOW });
  const a = vault.save({ type: "decision", title: "Lock by payment_id", content: "a" }).memory;
  const b = vault.save({ type: "incident", title: "Double charge", content: "b" }).memory;
  return { a: a.id, b: b.id };
}

Deno.test("Vault.recordRecalls() counts each call once per id and keeps the last time", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  const { a, b } = twoMemories(path);
  using vault = openVault(path);
  for (let i = 1; i <= 7; i++) {
    assert.equal(vault.recordRecalls([a, a.toLowerCase(), b], later(i)), true);
  }
  for (let i = 8; i <= 10; i++) assert.equal(vault.recordRecalls([a], later(i)), true);
  assert.deepEqual(vault.recallsOf(a), {
    memory_id: a,
    count: 10,
    last_at: later(10).toISOString(),
  });
  assert.deepEqual(vault.recallsOf(b), { memory_id: b, count: 7, last_at: later(7).toISOString() });
  assert.deepEqual(vault.mostRecalled(10).map((r) => [r.memory_id, r.count]), [[a, 10], [b, 7]]);
  assert.deepEqual(vault.mostRecalled(1).map((r) => r.memory_id), [a]);
});

Deno.test("Vault.recordRecalls() ignores ids that are not memories and forgets deleted ones", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  const { a, b } = twoMemories(path);
  using vault = openVault(path);
  assert.equal(vault.recordRecalls(["01ZZZZZZZZZZZZZZZZZZZZZZZZ", a, b], later(1)), true);
  assert.equal(vault.recallsOf("01ZZZZZZZZZZZZZZZZZZZZZZZZ"), undefined);
  vault.forget(b, { hard: true });
  assert.deepEqual(vault.mostRecalled(10).map((r) => [r.memory_id, r.count]), [[a, 1]]);
});

Deno.test("Vault.recordRuleHits() adds findings per rule", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"));
  assert.deepEqual(vault.ruleHits(), []);
  vault.recordRuleHits(new Map([["payments/lock-key", 2], ["secrets/aws", 1]]), later(1));
  vault.recordRuleHits(new Map([["payments/lock-key", 3]]), later(2));
  assert.deepEqual(vault.ruleHits(), [
    { rule_id: "payments/lock-key", count: 5, last_at: later(2).toISOString() },
    { rule_id: "secrets/aws", count: 1, last_at: later(1).toISOString() },
  ]);
});

Deno.test("Vault.recordRecalls() skips the count at once while another connection holds the write lock", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  const { a } = twoMemories(path);
  using writer = openVault(path);
  using reader = openVault(path, { lockTimeoutMs: 10_000 });
  let recorded: boolean | undefined;
  let waited = 0;
  writer.transaction(() => {
    const started = performance.now();
    recorded = reader.recordRecalls([a], later(1));
    waited = performance.now() - started;
    reader.recordRuleHits(new Map([["r", 1]]), later(1));
  });
  assert.equal(recorded, false);
  // Waiting for the lock would take the 10 s lock timeout; skipping takes no time at all.
  assert.ok(waited < 5000, `returned after ${waited} ms`);
  assert.equal(reader.recallsOf(a), undefined);
  assert.deepEqual(reader.ruleHits(), []);
  // The lock timeout is back for the next write, which counts.
  assert.equal(reader.recordRecalls([a], later(2)), true);
  assert.equal(reader.recallsOf(a)?.count, 1);
});
