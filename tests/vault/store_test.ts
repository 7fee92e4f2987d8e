// Vault store: real SQLite files in temp dirs.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { KorvaError } from "../../lib/errors.ts";
import { openVault, SCHEMA_VERSION } from "../../lib/vault/mod.ts";
import { FIXED_NOW, tempDir } from "../_helpers.ts";

const clock = (start = FIXED_NOW.getTime()) => {
  let t = start;
  return () => new Date(t += 1000);
};

const incident = {
  type: "incident" as const,
  title: "Double charge in the payment processor",
  content: "Two concurrent payments of one user took the same lock; we key the lock by payment_id.",
  why:
    "Users with several cards pay concurrently; user_id serialises them and retries double-charge.",
  files: ["src/payments/**"],
  tags: ["payments", "Redis"],
};

Deno.test("openVault() creates the schema with WAL, foreign keys and the current version", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"));
  assert.equal(vault.stats().schemaVersion, SCHEMA_VERSION);
  assert.equal(vault.stats().total, 0);
  // Foreign keys on: a hard delete cascades to the memory's tags.
  const { memory } = vault.save({ type: "note", title: "t", content: "c", tags: ["x"] });
  vault.forget(memory.id, { hard: true });
  vault.close();
  const raw = new DatabaseSync(join(dir.path, "vault.db"), { readOnly: true });
  assert.equal(raw.prepare("PRAGMA journal_mode").get()?.journal_mode, "wal");
  assert.equal(raw.prepare("SELECT count(*) AS n FROM memory_tags").get()?.n, 0);
  raw.close();
});

Deno.test("Vault.save() stores every field and returns a time-sortable ULID", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { now: clock(), project: "acme/pay" });
  const first = vault.save(incident);
  const second = vault.save({ type: "note", title: "Second", content: "later" });
  assert.equal(first.duplicate, false);
  assert.match(first.memory.id, /^[0-9A-HJKMNP-TV-Z]{26}$/);
  assert.ok(first.memory.id < second.memory.id, "ids sort by time");
  const stored = vault.get(first.memory.id.toLowerCase());
  assert.ok(stored);
  assert.equal(stored.project, "acme/pay");
  assert.equal(stored.why, incident.why);
  assert.deepEqual(stored.tags, ["payments", "redis"]);
  assert.deepEqual(stored.files, ["src/payments/**"]);
  assert.equal(stored.scope, "private");
  assert.equal(stored.status, "active");
  assert.equal(stored.source, "cli");
  assert.equal(stored.content_hash.length, 64);
  assert.equal(stored.created_at, new Date(FIXED_NOW.getTime() + 1000).toISOString());
});

Deno.test("Vault.save() returns the existing memory for the same title and content", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { project: "p" });
  const first = vault.save(incident);
  const again = vault.save({ ...incident, tags: ["other"] });
  assert.equal(again.duplicate, true);
  assert.equal(again.memory.id, first.memory.id);
  assert.equal(vault.stats().total, 1);
  const otherProject = vault.save({ ...incident, project: "q" });
  assert.equal(otherProject.duplicate, false);
});

Deno.test("Vault.save() rejects bad input with the field and reason, storing nothing", async (t) => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"));
  const cases: Array<[string, unknown, RegExp]> = [
    ["empty title", { type: "note", title: "  ", content: "x" }, /"title" must not be empty/],
    ["unknown type", { type: "story", title: "t", content: "x" }, /"type" must be one of decision/],
    ["missing content", { type: "note", title: "t" }, /"content"/],
    [
      "content over the limit",
      { type: "note", title: "t", content: "x".repeat(70_000) },
      /"content" must be at most 65536 characters/,
    ],
    ["bad scope", { type: "note", title: "t", content: "x", scope: "public" }, /"scope"/],
  ];
  for (const [name, input, message] of cases) {
    await t.step(name, () => {
      assert.throws(
        () => vault.save(input as never),
        (error) =>
          error instanceof KorvaError && error.exitCode === 2 && message.test(error.message),
      );
    });
  }
  assert.equal(vault.stats().total, 0);
});

Deno.test("Vault.update() changes fields, reindexes and keeps the old version in history", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { now: clock() });
  const { memory } = vault.save(incident);
  const updated = vault.update(memory.id, { title: "Lock by payment id", tags: ["locks"] });
  assert.equal(updated.title, "Lock by payment id");
  assert.deepEqual(updated.tags, ["locks"]);
  assert.notEqual(updated.updated_at, memory.updated_at);
  assert.notEqual(updated.content_hash, memory.content_hash);
  assert.equal(vault.search("locks", { tag: "locks" })[0]?.memory.id, memory.id);
  assert.equal(vault.list({ tag: "payments" }).length, 0);
  const history = vault.history(memory.id);
  assert.equal(history.length, 1);
  assert.equal(history[0]?.title, incident.title);
  assert.throws(() => vault.update(memory.id, { type: "story" as never }), /"type"/);
  assert.throws(() => vault.update("01ZZZZZZZZZZZZZZZZZZZZZZZZ", { title: "x" }), /No memory/);
});

Deno.test("Vault.supersede() saves the replacement and marks the old one, atomically", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { now: clock() });
  const { memory: old } = vault.save(incident);
  const { next } = vault.supersede(old.id, { ...incident, content: "Now keyed by order_id." });
  assert.equal(next.memory.supersedes, old.id);
  const stored = vault.get(old.id);
  assert.equal(stored?.status, "superseded");
  assert.equal(stored?.superseded_by, next.memory.id);
  assert.deepEqual(vault.search("double charge").map((h) => h.memory.id), [next.memory.id]);
  assert.throws(
    () => vault.supersede(old.id, { ...incident, content: "again" }),
    /already superseded/,
  );
  assert.equal(vault.stats().total, 2, "the failed supersede wrote nothing");
});

Deno.test("Vault.forget() archives by default and deletes with hard", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"));
  const a = vault.save(incident).memory;
  const b = vault.save({ type: "note", title: "b", content: "payment note" }).memory;
  vault.forget(a.id);
  assert.equal(vault.get(a.id)?.status, "archived");
  assert.equal(vault.list().length, 1);
  assert.equal(vault.list({ status: "archived" })[0]?.id, a.id);
  vault.forget(b.id, { hard: true });
  assert.equal(vault.get(b.id), undefined);
  assert.equal(vault.search("payment note").length, 0);
  assert.deepEqual(vault.integrityCheck(), []);
});

Deno.test("Vault.list() filters by project, type, tag, file anchor and time", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { now: clock(), project: "p" });
  vault.save(incident);
  const middle = vault.save({
    type: "decision",
    title: "Use zod",
    content: "schemas",
    files: ["lib/types.ts"],
  }).memory.created_at;
  vault.save({ type: "note", title: "Other", content: "x", project: "q", files: ["src/"] });
  assert.equal(vault.list().length, 3);
  assert.deepEqual(vault.list({ project: "q" }).map((m) => m.title), ["Other"]);
  assert.deepEqual(vault.list({ type: "decision" }).map((m) => m.title), ["Use zod"]);
  assert.deepEqual(vault.list({ tag: "REDIS" }).map((m) => m.type), ["incident"]);
  assert.deepEqual(
    vault.list({ file: "src/payments/payments.ts" }).map((m) => m.title).sort(),
    ["Double charge in the payment processor", "Other"],
  );
  assert.deepEqual(vault.list({ file: "lib/types.ts" }).map((m) => m.title), ["Use zod"]);
  assert.deepEqual(vault.list({ file: "lib/other.ts" }), []);
  assert.equal(vault.list({ limit: 1 }).length, 1);
  assert.equal(vault.list({ limit: 1 })[0]?.title, "Other", "newest first");
  const titles = (filter: { since?: string; until?: string }) =>
    vault.list(filter).map((m) => m.title);
  assert.deepEqual(titles({ since: middle }), ["Other", "Use zod"]);
  assert.deepEqual(titles({ until: middle }), [
    "Use zod",
    "Double charge in the payment processor",
  ]);
  assert.deepEqual(titles({ since: middle, until: middle }), ["Use zod"]);
});

Deno.test("Vault.importLines() validates everything first and writes all or nothing", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { project: "p" });
  assert.throws(
    () =>
      vault.importLines([
        { type: "note", title: "ok", content: "fine" },
        { type: "note", title: "", content: "x" },
        { type: "bogus", title: "t", content: "x" },
      ]),
    /2 invalid lines \(line 2: "title" must not be empty; line 3: "type"/,
  );
  assert.equal(vault.stats().total, 0);
  const exported = vault.save(incident).memory;
  const result = vault.importLines([
    exported,
    { ...exported, id: "01J00000000000000000000000", title: "Imported copy", project: "p2" },
    { type: "note", title: "new", content: "from a file", created_at: "2025-01-02T03:04:05Z" },
  ]);
  assert.deepEqual(result, { imported: 2, duplicates: 1 });
  const copy = vault.get("01J00000000000000000000000");
  assert.equal(copy?.project, "p2");
  assert.equal(copy?.why, incident.why);
  assert.equal(
    vault.list({ project: "p" }).find((m) => m.title === "new")?.created_at,
    "2025-01-02T03:04:05.000Z",
  );
});

Deno.test("Vault sessions tag saves and end with a summary memory", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { project: "p" });
  const session = vault.startSession("p", "fix the retry policy");
  const saved = vault.save({ type: "note", title: "t", content: "c", session_id: session.id });
  assert.equal(saved.memory.session_id, session.id);
  const ended = vault.endSession(session.id, "Retries now back off exponentially.");
  assert.ok(ended.summary_id);
  const summary = vault.get(ended.summary_id);
  assert.equal(summary?.type, "learning");
  assert.equal(summary?.session_id, session.id);
  assert.throws(() => vault.endSession(session.id), /already ended/);
});

Deno.test("openVault() refuses a vault written by a newer korva and leaves it untouched", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  openVault(path).close();
  const db = new DatabaseSync(path);
  db.exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  db.close();
  const before = readFileSync(path);
  assert.throws(
    () => openVault(path),
    (error) =>
      error instanceof KorvaError && error.exitCode === 3 &&
      error.message.endsWith(`(schema 99, this korva knows ${SCHEMA_VERSION})`),
  );
  assert.deepEqual(readFileSync(path), before);
});

Deno.test("openVault() reports a corrupted file clearly and does not modify it", async () => {
  await using dir = tempDir();
  const path = join(dir.path, "vault.db");
  writeFileSync(path, "this is not a database, just text that someone wrote here\n".repeat(100));
  const before = readFileSync(path);
  assert.throws(
    () => openVault(path),
    (error) => error instanceof KorvaError && /damaged|not a korva vault/.test(error.message),
  );
  assert.deepEqual(readFileSync(path), before);
});

Deno.test("openVault() reports an unwritable folder in one sentence", async () => {
  await using dir = tempDir();
  const blocker = join(dir.path, "file");
  writeFileSync(blocker, "x");
  assert.throws(
    () => openVault(join(blocker, "vault.db")),
    (error) => error instanceof KorvaError && /Cannot create the vault folder/.test(error.message),
  );
});

Deno.test("Vault.addedPerWeek() counts memories per week starting Monday, zeros included", async () => {
  await using dir = tempDir();
  const days = ["2026-05-18T10:00:00Z", "2026-05-24T23:00:00Z", "2026-05-25T00:00:00Z"];
  let i = 0;
  using vault = openVault(join(dir.path, "vault.db"), { now: () => new Date(days[i++]!) });
  for (const _ of days) vault.save({ type: "note", title: `n${i}`, content: `c${i}` });
  assert.deepEqual(vault.addedPerWeek(3, new Date("2026-05-27T12:00:00Z")), [
    { week: "2026-05-11", count: 0 },
    { week: "2026-05-18", count: 2 },
    { week: "2026-05-25", count: 1 },
  ]);
});

Deno.test("Vault.stats() counts by type, project, scope and status, largest first", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { project: "a" });
  vault.save({ type: "note", title: "1", content: "1" });
  vault.save({ type: "note", title: "2", content: "2", scope: "team" });
  const old = vault.save({ type: "decision", title: "3", content: "3", project: "b" });
  vault.supersede(old.memory.id, { type: "decision", title: "4", content: "4" });
  const stats = vault.stats();
  assert.equal(stats.total, 4);
  assert.deepEqual(Object.entries(stats.byType), [["decision", 2], ["note", 2]]);
  assert.deepEqual(Object.entries(stats.byProject), [["a", 2], ["b", 2]]);
  assert.deepEqual(Object.entries(stats.byScope), [["private", 3], ["team", 1]]);
  assert.deepEqual(Object.entries(stats.byStatus), [["active", 3], ["superseded", 1]]);
});

Deno.test("Vault.list() with skip returns the same page without the skipped ids", async () => {
  await using dir = tempDir();
  let t = FIXED_NOW.getTime();
  using vault = openVault(join(dir.path, "vault.db"), { now: () => new Date(t += 1000) });
  const ids = Array.from(
    { length: 6 },
    (_, i) =>
      vault.save({ type: "note", title: `Note ${i}`, content: `body ${i}`, files: ["src/a.ts"] })
        .memory.id,
  );
  const page = vault.list({ anchors: ["src/a.ts"], limit: 4 }).map((m) => m.title);
  assert.deepEqual(page, ["Note 5", "Note 4", "Note 3", "Note 2"]);
  const skipped = vault.list({ anchors: ["src/a.ts"], limit: 4 }, { skip: new Set([ids[4]!]) });
  // Note 1 does not move up into the page: skipping never widens it.
  assert.deepEqual(skipped.map((m) => m.title), ["Note 5", "Note 3", "Note 2"]);
  assert.deepEqual(vault.list({ limit: 2 }, { skip: new Set() }).map((m) => m.title), [
    "Note 5",
    "Note 4",
  ]);
});
