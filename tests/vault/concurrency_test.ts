// Several processes write one vault at once without "database is locked" failures.
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openVault } from "../../lib/vault/mod.ts";
import { tempDir } from "../_helpers.ts";

const WRITER = fileURLToPath(new URL("../testdata/vault_writer.ts", import.meta.url));

Deno.test("three processes saving into one vault at once all succeed and lose nothing", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  const per = 500;
  // Labels are words that occur nowhere else, so a search for one finds only that writer's rows.
  const labels = ["alpha", "bravo", "charlie"];
  const children = labels.map((label) =>
    new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--quiet", WRITER, path, String(per), label],
      stdout: "piped",
      stderr: "piped",
    }).output()
  );
  const results = await Promise.all(children);
  for (const result of results) {
    assert.equal(result.code, 0, new TextDecoder().decode(result.stderr));
  }
  using vault = openVault(path);
  assert.equal(vault.stats().total, per * 3);
  assert.deepEqual(vault.integrityCheck(), []);
  for (const label of labels) {
    const titles = vault.search(label, { limit: 1000 }).map((hit) => hit.memory.title);
    const expected = Array.from({ length: per }, (_, i) => `${label} ${i}`);
    assert.deepEqual(titles.sort(), expected.sort(), `search finds exactly ${label}'s rows`);
  }
});
