// Vault search: tokenizer, partial matches, ranking and query safety over a real FTS5 index.
import assert from "node:assert/strict";
import { join } from "node:path";
import { derivedTerms, splitIdentifier, toFtsQuery } from "../../lib/vault/search.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { FIXED_NOW, tempDir } from "../_helpers.ts";

Deno.test("splitIdentifier() splits camelCase, PascalCase, acronyms and digits", () => {
  assert.deepEqual(splitIdentifier("PaymentService"), ["payment", "service"]);
  assert.deepEqual(splitIdentifier("parseHTTPResponse2"), ["parse", "http", "response", "2"]);
  assert.deepEqual(splitIdentifier("plain"), ["plain"]);
});

Deno.test("derivedTerms() adds identifier parts the tokenizer keeps whole", () => {
  assert.equal(derivedTerms(["call PaymentService now", "snake_case stays"]), "payment service");
});

Deno.test("toFtsQuery() turns any text into a safe OR query, without a path's file extension", async (t) => {
  const cases: Array<[string, string | undefined]> = [
    ["payment lock", '"payment" OR "lock"'],
    ['"unbalanced (quote', '"unbalanced" OR "quote"'],
    ["-x* k:v NOT OR", '"x" OR "k" OR "v"'],
    ["payments.ts", '"payments" OR "ts"'],
    ["src/checkout/CartService.ts", '"src" OR "checkout" OR "cartservice" OR "cart" OR "service"'],
    ["lib\\ts\\x.ts", '"lib" OR "x"'],
    ["src/app.ts handles it", '"src" OR "app" OR "ts" OR "handles"'],
    ["config/.env", '"config" OR "env"'],
    ["why do we lock", '"lock"'],
    ["the", '"the"'],
    ["***", undefined],
    ["", undefined],
    ["Zürich café", '"zürich" OR "café"'],
  ];
  for (const [input, expected] of cases) {
    await t.step(JSON.stringify(input), () => assert.equal(toFtsQuery(input), expected));
  }
});

Deno.test("Vault.search() finds partial matches, ranks title above body, then newest", async () => {
  await using dir = tempDir();
  let t = FIXED_NOW.getTime();
  using vault = openVault(join(dir.path, "vault.db"), { now: () => new Date(t += 60_000) });
  const bodyOnly = vault.save({ type: "note", title: "Queue notes", content: "the payment lock" });
  const title = vault.save({ type: "decision", title: "Payment lock key", content: "see body" });
  const partial = vault.save({ type: "note", title: "Retry policy", content: "payment retries" });
  vault.save({ type: "note", title: "Unrelated", content: "nothing here" });
  const ids = vault.search("payment lock").map((h) => h.memory.id);
  assert.deepEqual(ids, [title.memory.id, bodyOnly.memory.id, partial.memory.id]);
  const hit = vault.search("payment lock")[0];
  assert.ok(hit && hit.score > 0);
  assert.match(hit.snippet, /\[Payment\]|\[payment\]/i);
});

Deno.test("Vault.search() matches payment_id from 'payment id' and PaymentService from 'payment service'", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"));
  const snake = vault.save({ type: "note", title: "Lock key", content: "keyed by payment_id" });
  const camel = vault.save({ type: "note", title: "Charges", content: "PaymentService retries" });
  assert.equal(vault.search("payment id")[0]?.memory.id, snake.memory.id);
  assert.equal(vault.search("payment service")[0]?.memory.id, camel.memory.id);
  assert.equal(vault.search("PaymentService")[0]?.memory.id, camel.memory.id);
  assert.equal(vault.search("payments")[0] !== undefined, true, "stemming: payments → payment");
});

Deno.test("Vault.search() never raises on hostile query text", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"));
  vault.save({ type: "note", title: "Payments", content: "src/payments/payments.ts owns locks" });
  for (
    const query of ['"', "(", ")", "-", "*", ":", "NEAR(a b)", "a AND", "payments.ts", "ñ 日本"]
  ) {
    assert.doesNotThrow(() => vault.search(query), `query ${query}`);
  }
  assert.equal(vault.search("payments.ts").length, 1);
});

Deno.test("Vault.search() applies filters and hides superseded and archived memories", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { project: "p" });
  const a = vault.save({ type: "incident", title: "Lock outage", content: "redis lock" }).memory;
  vault.save({ type: "decision", title: "Lock choice", content: "redis lock", project: "q" });
  assert.equal(vault.search("lock", { project: "q" }).length, 1);
  assert.equal(vault.search("lock", { type: "incident" })[0]?.memory.id, a.id);
  vault.forget(a.id);
  assert.equal(vault.search("lock outage", { project: "p" }).length, 0);
  assert.equal(vault.search("lock outage", { project: "p", status: "all" }).length, 1);
});

Deno.test("Vault.search() stays complete when words are common: rare words lead, old rows reachable", async () => {
  await using dir = tempDir();
  let t = FIXED_NOW.getTime();
  using vault = openVault(join(dir.path, "vault.db"), { now: () => new Date(t += 1000) });
  const oldest = vault.save({
    type: "incident",
    title: "Zebra payment outage",
    content: "the payment gateway zebra path failed",
  }).memory;
  vault.importLines(
    Array.from({ length: 2600 }, (_, i) => ({
      type: "note",
      title: `Payment note ${i}`,
      content: `payment processing detail number ${i}`,
    })),
  );
  assert.equal(vault.search("zebra payment", { limit: 3 })[0]?.memory.id, oldest.id);
  const common = vault.search("payment", { limit: 5 });
  assert.equal(common.length, 5);
  const onlyOld = vault.search("payment gateway", { limit: 5 });
  assert.equal(onlyOld[0]?.memory.id, oldest.id, "the one row with the rarer word ranks first");
  assert.equal(vault.search("payment", { limit: 5, type: "incident" })[0]?.memory.id, oldest.id);
});
