// Upgrading a vault written by the first release (schema 1, team state created ad hoc) to the
// current schema: nothing lost, provenance defaults filled in, indexes consistent.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { openVault, SCHEMA_VERSION } from "../../lib/vault/mod.ts";
import { runKorva, tempDir, tempHome } from "../_helpers.ts";

/** Made with korva 0.1.0 (commit 19a0cac): two saves, a share, an update and a supersede. */
const SCHEMA_1 = new URL("../testdata/vault/schema1.db", import.meta.url);

Deno.test("openVault() upgrades a schema-1 vault without losing memories, history or team state", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  copyFileSync(SCHEMA_1, path);
  using vault = openVault(path);
  const stats = vault.stats();
  assert.equal(stats.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(stats.byStatus, { active: 2, superseded: 1 });
  assert.deepEqual(stats.byScope, { team: 2, private: 1 });
  const superseded = vault.list({ status: "superseded" })[0];
  assert.equal(superseded?.title, "Double charge");
  assert.equal(superseded?.content, "retries doubled charges; fixed by idempotency keys");
  assert.equal(vault.history(superseded?.id ?? "").length, 2, "updates kept their versions");
  assert.equal(superseded?.confirmed, true, "memories saved with the CLI count as confirmed");
  assert.equal(superseded?.commit, null);
  assert.deepEqual(superseded?.flags, []);
  const successor = vault.get(superseded?.superseded_by ?? "");
  assert.equal(successor?.supersedes, superseded?.id);
  assert.deepEqual(
    vault.search("idempotency").map((hit) => hit.memory.id),
    [successor?.id],
  );
  assert.deepEqual([...vault.team.states("/tmp/v1repo").keys()], [superseded?.id]);
  assert.deepEqual(vault.integrityCheck(), []);
});

Deno.test("korva get --json on an upgraded vault includes the provenance fields", async () => {
  await using home = tempHome();
  Deno.mkdirSync(home.korvaHome, { recursive: true });
  copyFileSync(SCHEMA_1, join(home.korvaHome, "vault.db"));
  const list = await runKorva(["list", "--type", "decision", "--json"], { env: home.env });
  assert.equal(list.code, 0, list.stderr);
  const [decision] = JSON.parse(list.stdout);
  const got = await runKorva(["get", decision.id, "--json"], { env: home.env });
  const memory = JSON.parse(got.stdout);
  assert.equal(memory.title, "Lock by payment_id");
  assert.deepEqual(
    {
      commit: memory.commit,
      confirmed: memory.confirmed,
      review_by: memory.review_by,
      owner: memory.owner,
    },
    { commit: null, confirmed: true, review_by: null, owner: null },
  );
});
