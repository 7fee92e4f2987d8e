// Supersede chains stay whole on hard delete: no memory is left hidden behind a dangling link.
import assert from "node:assert/strict";
import { join } from "node:path";
import { openVault } from "../../lib/vault/mod.ts";
import { tempDir } from "../_helpers.ts";

function chain(dir: string) {
  const vault = openVault(join(dir, "vault.db"), { project: "p" });
  const a = vault.save({ type: "decision", title: "Retry 3 times", content: "three" }).memory;
  const b = vault.supersede(a.id, { type: "decision", title: "Retry 4 times", content: "four" })
    .next.memory;
  const c = vault.supersede(b.id, { type: "decision", title: "Retry 5 times", content: "five" })
    .next.memory;
  return { vault, a, b, c };
}

Deno.test("Vault.forget() hard on the middle of a chain links its neighbours", async () => {
  await using dir = tempDir();
  const { vault, a, b, c } = chain(dir.path);
  try {
    vault.forget(b.id, { hard: true });
    const old = vault.get(a.id)!;
    assert.deepEqual([old.status, old.superseded_by], ["superseded", c.id]);
    assert.equal(vault.get(c.id)?.supersedes, a.id);
  } finally {
    vault.close();
  }
});

Deno.test("Vault.forget() hard on the newest of a chain re-activates the one it replaced", async () => {
  await using dir = tempDir();
  const { vault, b, c } = chain(dir.path);
  try {
    vault.forget(c.id, { hard: true });
    const back = vault.get(b.id)!;
    assert.deepEqual([back.status, back.superseded_by], ["active", null]);
    assert.deepEqual(vault.list({ project: "p" }).map((m) => m.id), [b.id]);
  } finally {
    vault.close();
  }
});
