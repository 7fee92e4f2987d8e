// Benchmarks never write into their cached vaults under bench/.data/: they work on copies.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { benchVault, cachedVaultPath, fakeMemory } from "../../bench/fixtures.ts";
import { tempDir } from "../_helpers.ts";

Deno.test("benchVault() saves into a copy and leaves the cached vault byte for byte", async () => {
  await using data = tempDir();
  const cached = cachedVaultPath(30, data.path);
  assert.equal(cached, join(data.path, "vault-30.db"));
  const before = readFileSync(cached);
  {
    using vault = benchVault(30, { dataDir: data.path });
    assert.equal(vault.stats().total, 30);
    vault.save({ ...fakeMemory(1_000), title: "written by a benchmark" });
    assert.equal(vault.stats().total, 31);
  }
  assert.deepEqual(readFileSync(cached), before);
  using again = benchVault(30, { dataDir: data.path });
  assert.equal(again.stats().total, 30);
});
