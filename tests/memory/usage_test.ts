// Every front door that serves memories counts them as recalled (vault migration 7): context,
// MCP vault_search / vault_get / vault_context, the HTTP API; the dashboard's context preview
// does not; a read-only vault skips the count without failing the call; sentinel findings
// through runSentinel and MCP sentinel_check count per rule.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  CLI_ORIGIN,
  foldRecalls,
  memoryContext,
  openMemories,
  recordRecalls,
  resolveRepoContext,
  saveMemory,
} from "../../lib/memory/mod.ts";
import { createApiHandler } from "../../lib/service/api.ts";
import { previewContext } from "../../lib/service/ui/memory_layer.ts";
import { runSentinel } from "../../lib/sentinel/mod.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { paymentLockRule } from "../_rules.ts";
import { FIXED_NOW, tempHome, tempRepo, testDeps } from "../_helpers.ts";
import { connectMcp } from "../_mcp.ts";

function seeded(home: string) {
  const deps = testDeps(home);
  using m = openMemories(resolveRepoContext(deps), CLI_ORIGIN);
  const saved = saveMemory(m, {
    type: "decision",
    title: "Payment locks are keyed by payment_id",
    content: "Two cards of one user raced when the lock was keyed by user_id.",
    files: ["src/payments/**"],
    project: "acme",
  });
  return { deps, id: saved.memory.id };
}

function recalls(home: string, id: string): number {
  using vault = openVault(join(home, "vault.db"), { readonly: true });
  return vault.recallsOf(id)?.count ?? 0;
}

Deno.test("memoryContext() counts what it returns; the dashboard's preview counts nothing", async () => {
  await using home = tempHome();
  const { deps, id } = seeded(home.korvaHome);
  using m = openMemories(resolveRepoContext(deps), CLI_ORIGIN);
  for (let i = 0; i < 3; i++) {
    const result = memoryContext(m, {
      project: "acme",
      files: ["src/payments/pay.ts"],
      refresh: false,
    });
    assert.deepEqual(result.memories.map((c) => c.id), [id]);
  }
  assert.equal(recalls(home.korvaHome, id), 3);
  const preview = previewContext(m, { files: ["src/payments/pay.ts"] });
  assert.deepEqual(preview.memories.map((c) => c.id), [id]);
  assert.equal(recalls(home.korvaHome, id), 3);
});

Deno.test("recordRecalls() on a read-only vault returns false and throws nothing", async () => {
  await using home = tempHome();
  const { deps, id } = seeded(home.korvaHome);
  using m = openMemories(resolveRepoContext(deps), CLI_ORIGIN, { readonly: true });
  assert.equal(recordRecalls(m, [id]), false);
  assert.equal(recalls(home.korvaHome, id), 0);
});

Deno.test("MCP vault_search, vault_get and vault_context each count the memories they return", async () => {
  await using home = tempHome();
  const { deps, id } = seeded(home.korvaHome);
  await using session = await connectMcp(deps, "agent");
  const call = async (name: string, args: Record<string, unknown>) => {
    const result = await session.client.callTool({ name, arguments: args });
    assert.equal(result.isError, undefined, JSON.stringify(result.content));
  };
  await call("vault_search", { query: "payment lock" });
  await call("vault_search", { query: "payment lock" });
  await call("vault_get", { ids: [id] });
  await call("vault_context", { project: "acme", files: ["src/payments/pay.ts"] });
  assert.equal(recalls(home.korvaHome, id), 4);
});

Deno.test("GET /api/search, /api/memories/ID and /api/context count the memories they return", async () => {
  await using home = tempHome();
  const { deps, id } = seeded(home.korvaHome);
  using memories = openMemories(resolveRepoContext(deps), { client: "http", person: true });
  const handler = createApiHandler({ deps, memories, token: "t", startedAt: FIXED_NOW });
  const get = async (path: string) => {
    const response = await handler(
      new Request(`http://localhost${path}`, {
        headers: { host: "localhost", authorization: "Bearer t" },
      }),
    );
    assert.equal(response.status, 200, await response.clone().text());
    await response.body?.cancel();
  };
  await get("/api/search?q=payment+lock");
  await get(`/api/memories/${id}`);
  await get("/api/context?project=acme&file=src/payments/pay.ts");
  await get("/api/search?q=nothing+matches+this");
  assert.equal(recalls(home.korvaHome, id), 3);
});

const RULE = paymentLockRule();
const BAD = "await redis.lock(`pay:${user_id}`);\nawait redis.lock(user_id);\n";

Deno.test("runSentinel() and MCP sentinel_check count each reported finding for its rule", async () => {
  await using home = tempHome();
  const { deps } = seeded(home.korvaHome);
  await using repo = tempRepo({ "README.md": "x\n", ".korva/rules/payments.yml": RULE });
  const target = { kind: "content" as const, path: "src/payments/pay.ts", content: BAD };
  const report = await runSentinel({
    cwd: repo.path,
    home: home.korvaHome,
    now: () => FIXED_NOW,
    target,
  });
  assert.equal(report.findings.length, 2);
  await runSentinel({
    cwd: repo.path,
    home: home.korvaHome,
    target: { ...target, content: "ok\n" },
  });
  await using session = await connectMcp({ ...deps, cwd: repo.path }, "agent");
  const checked = await session.client.callTool({
    name: "sentinel_check",
    arguments: { path: "src/payments/pay.ts", content: BAD },
  });
  assert.equal(checked.isError, undefined, JSON.stringify(checked.content));
  using vault = openVault(join(home.korvaHome, "vault.db"), { readonly: true });
  assert.deepEqual(vault.ruleHits(), [
    { rule_id: "payments/lock-key", count: 4, last_at: FIXED_NOW.toISOString() },
  ]);
});

Deno.test("A hook's counts wait in the recall journal until a writable opening folds them in", async () => {
  await using home = tempHome();
  const { deps, id } = seeded(home.korvaHome);
  const journal = join(home.korvaHome, "run", "recalls.log");
  const ctx = resolveRepoContext(deps);
  {
    using hook = openMemories(ctx, { client: "hook", person: false }, { journalRecalls: true });
    assert.equal(recordRecalls(hook, [id, id.toLowerCase(), "not-a-memory-id"]), true);
    assert.equal(recordRecalls(hook, []), true);
    assert.equal(recordRecalls(hook, [id]), true);
  }
  assert.equal(recalls(home.korvaHome, id), 0);
  assert.equal(
    Deno.readTextFileSync(journal),
    `${FIXED_NOW.toISOString()} ${id}\n${FIXED_NOW.toISOString()} ${id}\n`,
  );
  // A torn line (two hooks' writes are one line each, but a crash may cut one) is skipped.
  Deno.writeTextFileSync(journal, `2026-01-01T00:00:00.000Z ${id.slice(0, 20)}\n`, {
    append: true,
  });
  openMemories(ctx, CLI_ORIGIN, { readonly: true }).close();
  assert.equal(existsSync(journal), true, "a read-only opening leaves the journal");
  openMemories(ctx, CLI_ORIGIN).close();
  assert.equal(recalls(home.korvaHome, id), 2);
  assert.equal(existsSync(journal), false);
});

Deno.test("Folding the recall journal while another process holds the write lock keeps it for later", async () => {
  await using home = tempHome();
  const { deps, id } = seeded(home.korvaHome);
  const ctx = resolveRepoContext(deps);
  {
    using hook = openMemories(ctx, { client: "hook", person: false }, { journalRecalls: true });
    recordRecalls(hook, [id]);
  }
  using writer = openVault(join(home.korvaHome, "vault.db"));
  using m = openMemories(ctx, CLI_ORIGIN, { readonly: true });
  writer.transaction(() => {
    using busy = openMemories(ctx, CLI_ORIGIN);
    assert.equal(busy.vault.recallsOf(id), undefined);
  });
  assert.equal(recalls(home.korvaHome, id), 0);
  assert.equal(
    Deno.readTextFileSync(join(home.korvaHome, "run", "recalls.log")),
    `${FIXED_NOW.toISOString()} ${id}\n`,
  );
  foldRecalls(m);
  assert.equal(recalls(home.korvaHome, id), 0, "a read-only vault cannot take the counts");
  openMemories(ctx, CLI_ORIGIN).close();
  assert.equal(recalls(home.korvaHome, id), 1);
});
