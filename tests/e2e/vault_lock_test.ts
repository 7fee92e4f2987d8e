// A writer that cannot get the vault's write lock in time gets one sentence and exit 3, and
// nothing is written; a NUL byte is refused at the boundary instead of cutting reads short.
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { runKorva, tempHome } from "../_helpers.ts";

Deno.test("korva save while another process holds the write lock fails in one sentence and writes nothing", async () => {
  await using home = tempHome();
  assert.equal((await runKorva(["init"], { env: home.env })).code, 0);
  const path = join(home.korvaHome, "vault.db");
  const holder = new DatabaseSync(path);
  holder.exec("BEGIN IMMEDIATE");
  try {
    const result = await runKorva(
      ["save", "--type", "note", "--title", "t", "--content", "c"],
      { env: { ...home.env, KORVA_LOCK_TIMEOUT_MS: "200" } },
    );
    assert.equal(result.code, 3);
    assert.equal(
      result.stderr,
      `korva: Cannot write to the vault "${path}": another process held its write lock for over 200 ms\n` +
        "hint: try again in a moment; nothing was written\n",
    );
  } finally {
    holder.exec("ROLLBACK");
    holder.close();
  }
  const list = await runKorva(["list", "--json"], { env: home.env });
  assert.deepEqual(JSON.parse(list.stdout), []);
});

Deno.test("korva save and import refuse a NUL byte in any text field with the field named", async () => {
  await using home = tempHome();
  const save = await runKorva(
    ["save", "--type", "note", "--title", "t", "--content", "-"],
    { env: home.env, stdin: "before\u0000after" },
  );
  assert.equal(save.code, 2);
  assert.equal(
    save.stderr,
    'korva: Cannot save memory: "content" must not contain control characters (such as NUL)\n',
  );
  const line = JSON.stringify({ type: "note", title: "t\u0000x", content: "c" });
  const imported = await runKorva(["import", "-"], { env: home.env, stdin: line + "\n" });
  assert.equal(imported.code, 2);
  assert.equal(
    imported.stderr,
    'korva: Cannot import: 1 invalid line (line 1: "title" must not contain control characters (such as NUL))\n' +
      "hint: nothing was imported; fix those lines and run it again\n",
  );
  const list = await runKorva(["list", "--json"], { env: home.env });
  assert.deepEqual(JSON.parse(list.stdout), []);
});
