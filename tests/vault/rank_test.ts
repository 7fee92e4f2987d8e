// Vault search at scale: words in most memories, filters that select few or no rows, and the
// best-matches-first join, over a real FTS5 index with more rows than the common-word bound.
import assert from "node:assert/strict";
import { join } from "node:path";
import { type NewMemory, openVault, type Vault } from "../../lib/vault/mod.ts";
import { FIXED_NOW, tempDir } from "../_helpers.ts";

/**
 * 3 old incidents, then 3,300 notes that all say "alpha" (a word in every memory); every third
 * also says "gamma" (1,100: a rarer word), every hundredth is tagged "hundred".
 */
function bigVault(path: string): Vault {
  return importedVault(
    path,
    Array.from({ length: 3 }, (_, i): NewMemory => ({
      type: "incident",
      title: `Incident ${i}`,
      content: `alpha outage number ${i}`,
    })),
    Array.from({ length: 3300 }, (_, i): NewMemory => ({
      type: "note",
      title: `Note ${i}`,
      content: `alpha detail ${i}${i % 3 === 0 ? " gamma" : ""}${
        i % 7 === 0 ? " alpha again" : ""
      }`,
      tags: i % 100 === 0 ? ["hundred"] : [],
    })),
  );
}

/** A vault at `path` holding each batch in turn, imported one second apart from FIXED_NOW. */
function importedVault(path: string, ...batches: NewMemory[][]): Vault {
  let t = FIXED_NOW.getTime();
  const vault = openVault(path, { now: () => new Date(t += 1000) });
  for (const batch of batches) vault.importLines(batch);
  return vault;
}

Deno.test("Vault.search() at 3,300 memories", async (t) => {
  await using dir = tempDir();
  using vault = bigVault(join(dir.path, "vault.db"));

  await t.step("a word in every memory is left out when a rarer word remains", () => {
    const both = vault.search("alpha gamma", { limit: 10 });
    const rarer = vault.search("gamma", { limit: 10 });
    assert.equal(both.length, 10);
    assert.deepEqual(
      both.map((hit) => [hit.memory.id, hit.score]),
      rarer.map((hit) => [hit.memory.id, hit.score]),
    );
  });

  await t.step("a word in every memory alone still ranks (newest matches first)", () => {
    const hits = vault.search("alpha", { limit: 5 });
    assert.equal(hits.length, 5);
    assert.ok(hits.every((hit) => hit.memory.content.includes("alpha")));
  });

  await t.step("a filter that selects no memory returns nothing", () => {
    assert.deepEqual(vault.search("alpha", { project: "nowhere" }), []);
    assert.deepEqual(vault.search("alpha gamma", { type: "decision" }), []);
  });

  await t.step("a filter that selects only old memories widens the window to them", () => {
    const hits = vault.search("alpha", { type: "incident" });
    assert.deepEqual(hits.map((hit) => hit.memory.title).sort(), [
      "Incident 0",
      "Incident 1",
      "Incident 2",
    ]);
  });

  await t.step("a tag filter returns only memories with that tag", () => {
    const hits = vault.search("alpha", { tag: "hundred", limit: 50 });
    assert.equal(hits.length, 33);
    assert.ok(hits.every((hit) => hit.memory.tags.includes("hundred")));
  });
});

Deno.test("Vault.search() returns the best active memories when the best matches are archived", async () => {
  await using dir = tempDir();
  let t = FIXED_NOW.getTime();
  using vault = openVault(join(dir.path, "vault.db"), { now: () => new Date(t += 1000) });
  const active = Array.from(
    { length: 5 },
    (_, i) => vault.save({ type: "note", title: `Note ${i}`, content: `delta in the body ${i}` }),
  ).map((saved) => saved.memory.id);
  // 60 better matches (the word in the title too), archived: more than the few joined first.
  for (let i = 0; i < 60; i++) {
    const saved = vault.save({ type: "note", title: `Delta ${i}`, content: `delta delta ${i}` });
    vault.forget(saved.memory.id);
  }
  const hits = vault.search("delta");
  assert.deepEqual(hits.map((hit) => hit.memory.id).sort(), [...active].sort());
  assert.equal(vault.search("delta", { status: "archived", limit: 100 }).length, 60);
});

Deno.test("Vault.search() counts a word again after this connection or another saves it", async (t) => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  using vault = bigVault(path);
  using other = openVault(path);
  const titles = (query: string) => vault.search(query, { limit: 5 }).map((h) => h.memory.title);

  await t.step("a save through the same vault", () => {
    assert.deepEqual(titles("zeta"), []);
    vault.save({ type: "note", title: "Zeta here", content: "zeta appears" });
    assert.deepEqual(titles("zeta"), ["Zeta here"]);
  });

  await t.step("a save through another connection", () => {
    assert.deepEqual(titles("omega"), []);
    other.save({ type: "note", title: "Omega here", content: "omega appears" });
    assert.deepEqual(titles("omega"), ["Omega here"]);
  });

  await t.step("a word that became common ranks the newest rows", () => {
    // "delta" goes from no memory to 2,100 (more than the 2,000 rare-word bound): the newest win.
    assert.deepEqual(titles("delta"), []);
    other.importLines(
      Array.from({ length: 2100 }, (_, i): NewMemory => ({
        type: "note",
        title: `Delta ${i}`,
        content: "delta",
      })),
    );
    assert.equal(vault.search("delta", { limit: 3 }).length, 3);
  });
});

/**
 * 5,500 notes that all say "alpha" (a word in every memory); before 5,400, those numbered 2-22
 * in each fifty also say "beta" (2,268: common, in 42 % of them, so its IDF is real); every 50th
 * from the second on is an incident, without "beta" except the last four.
 */
function halfVault(path: string): Vault {
  return importedVault(
    path,
    Array.from({ length: 5500 }, (_, i): NewMemory => {
      const incident = i % 50 === 1;
      const beta = (i % 50 >= 2 && i % 50 <= 22 && i < 5400) || (incident && i > 5300);
      return {
        type: incident ? "incident" : "note",
        title: `${incident ? "Incident" : "Note"} ${i}`,
        content: `alpha detail ${i}${beta ? " beta" : ""}`,
      };
    }),
  );
}

Deno.test("Vault.search() beside a word in 40-45 % of the memories", async (t) => {
  await using dir = tempDir();
  using vault = halfVault(join(dir.path, "vault.db"));

  await t.step("a word in every memory matches but is not scored", () => {
    // FTS5 gives "alpha" an IDF of 1e-6: the scores are "beta"'s alone, in the same window.
    const both = vault.search("alpha beta", { limit: 5 });
    assert.deepEqual(both.map((hit) => hit.memory.title), [
      "Incident 5451",
      "Incident 5401",
      "Note 5372",
      "Note 5371",
      "Note 5370",
    ]);
    const beta = new Map(vault.search("beta", { limit: 50 }).map((h) => [h.memory.id, h.score]));
    assert.deepEqual(both.map((hit) => hit.score), both.map((hit) => beta.get(hit.memory.id)));
  });

  await t.step("rows holding only the unscored word come after, newest first", () => {
    const hits = vault.search("alpha beta", { type: "incident", limit: 5 });
    assert.deepEqual(hits.map((hit) => [hit.memory.title, hit.score > 0]), [
      ["Incident 5451", true],
      ["Incident 5401", true],
      ["Incident 5351", true],
      ["Incident 5301", true],
      ["Incident 5251", false],
    ]);
  });
});

/**
 * 4,400 notes that all say "alpha"; the even ones also say "beta" (half of them, so FTS5's IDF
 * for it is 1e-6); those numbered 3 in each hundred have "beta" in their title instead, and
 * those numbered 5 in each thousand are tagged "rare".
 */
function unselectiveVault(path: string): Vault {
  return importedVault(
    path,
    Array.from({ length: 4400 }, (_, i): NewMemory => ({
      type: "note",
      title: i % 100 === 3 ? `Beta note ${i}` : `Note ${i}`,
      content: `alpha detail ${i}${i % 2 === 0 ? " beta" : ""}`,
      tags: i % 1000 === 5 ? ["rare"] : [],
    })),
  );
}

Deno.test("Vault.search() when every word is in nearly half the memories or more", async (t) => {
  await using dir = tempDir();
  using vault = unselectiveVault(join(dir.path, "vault.db"));

  await t.step("the newest memories holding every word come first, unscored", () => {
    const hits = vault.search("alpha beta", { limit: 3 });
    assert.deepEqual(hits.map((hit) => [hit.memory.title, hit.score]), [
      ["Note 4398", 0],
      ["Note 4396", 0],
      ["Note 4394", 0],
    ]);
  });

  await t.step("then those holding a word in their title, then the newest other matches", () => {
    const titles = vault.search("beta", { limit: 50 }).map((hit) => hit.memory.title);
    assert.deepEqual(titles.slice(0, 2), ["Beta note 4303", "Beta note 4203"]);
    assert.deepEqual(titles.slice(43), [
      "Beta note 3",
      "Note 4398",
      "Note 4396",
      "Note 4394",
      "Note 4392",
      "Note 4390",
      "Note 4388",
    ]);
  });

  await t.step("a filter applies to every tier", () => {
    assert.deepEqual(vault.search("alpha beta", { type: "decision" }), []);
  });

  await t.step("a filter that selects a few old memories still finds them, newest first", () => {
    assert.deepEqual(
      vault.search("alpha beta", { tag: "rare" }).map((hit) => hit.memory.title),
      ["Note 4005", "Note 3005", "Note 2005", "Note 1005", "Note 5"],
    );
  });
});
