// The relevance set: 40 team memories among 200 distractors, 40 file opens and 40 task questions.
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildContext } from "../../lib/discovery/context.ts";
import { relevanceMetrics } from "../../lib/discovery/evaluate.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { FIXED_NOW, tempDir } from "../_helpers.ts";
import { FILE_OPENS, relevanceMemories, SEEDS, TASKS } from "./relevance_data.ts";

/** Build the vault and return a function that ranks memory keys for a query. */
export function relevanceHarness(path: string) {
  let t = FIXED_NOW.getTime() - 400 * 86_400_000;
  const vault = openVault(path, { now: () => new Date(t += 3_600_000), project: "shop" });
  const { lines } = relevanceMemories("shop");
  vault.importLines(lines);
  const keyOf = new Map<string, string>();
  for (const [key, , title] of SEEDS) {
    const id = vault.search(title, { limit: 1 })[0]?.memory.id;
    if (id) keyOf.set(id, key);
  }
  const rank = (input: { files?: string[]; task?: string }) =>
    buildContext(vault, { project: "shop", ...input, maxTokens: 20_000, now: FIXED_NOW }).memories
      .map((m) => keyOf.get(m.id) ?? m.id);
  return { vault, rank };
}

Deno.test("discovery relevance: recall@5 ≥ 0.9 and MRR ≥ 0.8 on file opens, recall@5 ≥ 0.8 on task questions", async () => {
  await using dir = tempDir();
  const { vault, rank } = relevanceHarness(join(dir.path, "vault.db"));
  try {
    const files = relevanceMetrics(
      FILE_OPENS.map(([file, expected]) => ({ ranked: rank({ files: [file] }), expected })),
    );
    const tasks = relevanceMetrics(
      TASKS.map(([task, expected]) => ({ ranked: rank({ task }), expected })),
    );
    // The set this test's name and header promise: 40 team memories among 200 distractors.
    assert.deepEqual([SEEDS.length, FILE_OPENS.length, TASKS.length], [40, 40, 40]);
    assert.equal(vault.stats().total, SEEDS.length + 200);
    assert.ok(files.recallAtK >= 0.9, `file opens recall@5 ${files.recallAtK}`);
    assert.ok(files.mrr >= 0.8, `file opens MRR ${files.mrr}`);
    assert.ok(tasks.recallAtK >= 0.8, `tasks recall@5 ${tasks.recallAtK}`);
  } finally {
    vault.close();
  }
});
