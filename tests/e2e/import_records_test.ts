// `korva import adr|postmortem|rules` through the real CLI, in a git repository made by the test
// from the fixtures in tests/testdata/importers.
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runKorva, tempHome, tempRepo } from "../_helpers.ts";

const DATA = fileURLToPath(new URL("../testdata/importers/", import.meta.url));

function repoWith(...folders: [from: string, to: string][]) {
  const repo = tempRepo({ "README.md": "# demo\n" });
  for (const [from, to] of folders) {
    cpSync(join(DATA, from), join(repo.path, to), { recursive: true });
  }
  return repo;
}

async function korvaJson(args: string[], env: Record<string, string>, cwd: string) {
  const result = await runKorva([...args, "--json"], { env, cwd });
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
}

Deno.test("korva import adr DIR imports decisions found by korva search, with supersede chain and archive", async () => {
  await using home = tempHome();
  await using repo = repoWith(["adr", "docs/adr"]);
  const result = await runKorva(["import", "adr", "docs/adr"], { env: home.env, cwd: repo.path });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(
    result.stdout,
    "Imported 8 memories from 8 adr files: 8 created, 0 updated, 0 unchanged, 2 superseded, 1 archived\n",
  );
  assert.equal(result.stderr, "");
  const hits = await korvaJson(["search", "CockroachDB ledger"], home.env, repo.path);
  const top = hits[0];
  assert.equal(top.type, "decision");
  assert.equal(top.title, "Use CockroachDB for the payments ledger");
  assert.equal(top.source, "adr:docs/adr/0004-use-cockroachdb-for-the-payments-ledger.md:1");
  const all = await korvaJson(["list", "--status", "all", "--limit", "50"], home.env, repo.path);
  const byTitle = new Map(all.map((m: { title: string }) => [m.title, m]));
  const postgres = byTitle.get("Use Postgres for the payments ledger") as Record<string, unknown>;
  assert.equal(postgres.status, "superseded");
  assert.equal(postgres.superseded_by, top.id);
  const uuid = byTitle.get("Use UUIDv4 for event ids") as Record<string, unknown>;
  assert.equal(uuid.status, "superseded");
  assert.equal(uuid.superseded_by, (byTitle.get("Use ULIDs for event ids") as { id: string }).id);
  assert.equal(
    (byTitle.get("Use SOAP for the partner API") as { status: string }).status,
    "archived",
  );
  const shown = await runKorva(["get", String(postgres.id)], { env: home.env, cwd: repo.path });
  assert.match(shown.stdout, /^from: {5}docs\/adr\/0002-use-postgres-for-payments\.md:1$/m);
});

Deno.test("korva import adr twice changes nothing; after an edit it updates the same memory", async () => {
  await using home = tempHome();
  await using repo = repoWith(["adr", "docs/adr"]);
  await korvaJson(["import", "adr", "docs/adr"], home.env, repo.path);
  const again = await korvaJson(["import", "adr", "docs/adr"], home.env, repo.path);
  assert.deepEqual(
    [again.created, again.updated, again.unchanged, again.superseded, again.archived],
    [0, 0, 8, 0, 0],
  );
  const file = join(repo.path, "docs/adr/0001-record-architecture-decisions.md");
  writeFileSync(
    file,
    readFileSync(file, "utf8").replace("Michael Nygard.", "Michael Nygard, in docs/adr/."),
  );
  const edited = await korvaJson(["import", "adr", "docs/adr"], home.env, repo.path);
  assert.deepEqual([edited.created, edited.updated, edited.unchanged], [0, 1, 7]);
  const item = edited.items.find((i: { action: string }) => i.action === "update");
  assert.deepEqual(item.changed, ["content", "files"]);
  const all = await korvaJson(["list", "--status", "all", "--limit", "50"], home.env, repo.path);
  assert.equal(all.length, 8);
  const memory = all.find((m: { id: string }) => m.id === item.id);
  assert.equal(
    memory.content,
    "We will use Architecture Decision Records, as described by Michael Nygard, in docs/adr/.",
  );
});

Deno.test("korva import adr with bad files imports nothing, names each file and reason, leaves the files alone", async () => {
  await using home = tempHome();
  await using repo = repoWith(["adr", "docs/adr"], ["bad", "docs/adr/bad"]);
  const before = readFileSync(join(repo.path, "docs/adr/bad/no-title.md"), "utf8");
  const result = await runKorva(["import", "adr", "docs/adr"], { env: home.env, cwd: repo.path });
  assert.equal(result.code, 2);
  assert.equal(result.stdout, "");
  assert.equal(
    result.stderr,
    'korva: Cannot import 3 of 11 paths: "docs/adr/bad/bad-front-matter.md": front matter is not valid YAML: ' +
      "Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 18; " +
      '"docs/adr/bad/no-decision.md": it has no "Decision" section and no Y-statement; ' +
      '"docs/adr/bad/no-title.md": it has no title heading\n' +
      "hint: nothing was imported; fix or leave out those files and run it again\n",
  );
  const all = await korvaJson(["list", "--status", "all"], home.env, repo.path);
  assert.deepEqual(all, []);
  assert.equal(readFileSync(join(repo.path, "docs/adr/bad/no-title.md"), "utf8"), before);
});

Deno.test("korva import adr --dry-run --json plans without writing", async () => {
  await using home = tempHome();
  await using repo = repoWith(["adr", "docs/adr"]);
  const plan = await korvaJson(
    [
      "import",
      "adr",
      "docs/adr/0002-use-postgres-for-payments.md",
      "docs/adr/0004-use-cockroachdb-for-the-payments-ledger.md",
      "--dry-run",
    ],
    home.env,
    repo.path,
  );
  assert.equal(plan.dryRun, true);
  assert.deepEqual(
    plan.items.map((
      i: Record<string, unknown>,
    ) => [i.action, i.type, i.status, i.provenance, i.id]),
    [
      ["create", "decision", "superseded", "docs/adr/0002-use-postgres-for-payments.md:1", null],
      [
        "create",
        "decision",
        "active",
        "docs/adr/0004-use-cockroachdb-for-the-payments-ledger.md:1",
        null,
      ],
    ],
  );
  assert.equal(plan.superseded, 1);
  assert.deepEqual(await korvaJson(["list", "--status", "all"], home.env, repo.path), []);
});

Deno.test("korva import adr redacts secrets before storing and a re-run stays unchanged", async () => {
  await using home = tempHome();
  await using repo = repoWith();
  const token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
  writeFileSync(
    join(repo.path, "0001-ci.md"),
    `# Use GitHub Actions\n\n## Decision\n\nThe deploy job uses GITHUB_TOKEN=${token} from the vault.\n`,
  );
  const first = await korvaJson(["import", "adr", "0001-ci.md"], home.env, repo.path);
  assert.deepEqual(first.redacted, { "vcs-token": 1 });
  const [memory] = await korvaJson(["list"], home.env, repo.path);
  assert.ok(!memory.content.includes(token));
  assert.match(memory.content, /GITHUB_TOKEN=ghp_…\[REDACTED:github-token\] from the vault\.$/);
  const second = await korvaJson(["import", "adr", "0001-ci.md"], home.env, repo.path);
  assert.equal(second.unchanged, 1);
});

Deno.test("korva import rules . de-duplicates conventions across files and against the vault, skipping korva's block", async () => {
  await using home = tempHome();
  await using repo = repoWith(["rules", "."]);
  const saved = await runKorva(
    [
      "save",
      "--type",
      "convention",
      "--title",
      "Small PRs",
      "--content",
      "Prefer small pull requests (under 400 changed lines).",
    ],
    { env: home.env, cwd: repo.path },
  );
  assert.equal(saved.code, 0, saved.stderr);
  const result = await korvaJson(["import", "rules", "."], home.env, repo.path);
  assert.equal(result.files, 8);
  assert.equal(result.created, 10);
  assert.equal(result.duplicates, 2);
  const conventions = await korvaJson(
    ["list", "--type", "convention", "--limit", "50"],
    home.env,
    repo.path,
  );
  assert.equal(conventions.length, 11);
  assert.ok(conventions.every((m: { content: string }) => !m.content.includes("vault_context")));
  const mdc = conventions.find((m: { content: string }) =>
    m.content.startsWith("Amounts are integers")
  );
  assert.deepEqual(mdc.files, ["src/payments/**/*.ts", "tests/payments/**"]);
  assert.equal(mdc.source, "rules:.cursor/rules/payments.mdc:7#c6edd068");
  const again = await korvaJson(["import", "rules", "."], home.env, repo.path);
  assert.deepEqual([again.created, again.unchanged, again.duplicates], [0, 10, 2]);
});

Deno.test("korva import rules archives a rule removed from its file on the next import", async () => {
  await using home = tempHome();
  await using repo = repoWith(["rules/AGENTS.md", "AGENTS.md"]);
  await korvaJson(["import", "rules", "AGENTS.md"], home.env, repo.path);
  writeFileSync(
    join(repo.path, "AGENTS.md"),
    "# AGENTS.md\n\n- Prefer small pull requests (under 400 changed lines).\n",
  );
  const result = await korvaJson(["import", "rules", "AGENTS.md"], home.env, repo.path);
  assert.deepEqual(
    [result.created, result.updated, result.unchanged, result.archived],
    [0, 1, 0, 1],
  );
  const active = await korvaJson(["list", "--type", "convention"], home.env, repo.path);
  assert.deepEqual(active.map((m: { content: string }) => m.content), [
    "Prefer small pull requests (under 400 changed lines).",
  ]);
});

Deno.test("korva import postmortem PATH makes an incident and notes with provenance", async () => {
  await using home = tempHome();
  await using repo = repoWith(["postmortem", "docs/postmortems"]);
  const result = await korvaJson(["import", "postmortem", "docs/postmortems"], home.env, repo.path);
  assert.deepEqual(
    result.items.map((i: Record<string, unknown>) => [i.type, i.title, i.provenance]),
    [
      [
        "incident",
        "Checkout outage on 2024-03-12",
        "docs/postmortems/2024-03-12-checkout-outage.md:1",
      ],
      ["note", "Payments team notes: On-call handover", "docs/postmortems/team-notes.md:3"],
      ["note", "Payments team notes: Refund limits", "docs/postmortems/team-notes.md:7"],
    ],
  );
  const [incident] = await korvaJson(["list", "--type", "incident"], home.env, repo.path);
  assert.match(
    incident.why,
    /^The connection pool in `src\/checkout\/db_pool\.ts` was capped at 10/,
  );
});

Deno.test("korva import FILE.jsonl still imports JSONL next to the import kinds", async () => {
  await using home = tempHome();
  await using repo = repoWith();
  writeFileSync(
    join(repo.path, "backup.jsonl"),
    JSON.stringify({ type: "note", title: "From JSONL", content: "kept working" }) + "\n",
  );
  const result = await runKorva(["import", "backup.jsonl"], { env: home.env, cwd: repo.path });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, "Imported 1 memories\n");
  const json = await runKorva(["import", "backup.jsonl", "--json"], {
    env: home.env,
    cwd: repo.path,
  });
  assert.deepEqual(JSON.parse(json.stdout), { imported: 0, duplicates: 1 });
});

Deno.test("korva import adr reads the real MADR and log4brains decision logs (tests/testdata/importers/real)", async () => {
  await using home = tempHome();
  await using repo = repoWith(["real", "adr"]);
  const result = await korvaJson(
    ["import", "adr", "adr/madr", "adr/log4brains"],
    home.env,
    repo.path,
  );
  assert.deepEqual([result.files, result.created, result.superseded], [28, 28, 1]);
  const superseded = await korvaJson(["list", "--status", "superseded"], home.env, repo.path);
  assert.deepEqual(superseded.map((m: { title: string }) => m.title), [
    "Use the ADR number as its unique ID",
  ]);
  const hits = await korvaJson(["search", "YAML front matter"], home.env, repo.path);
  assert.equal(hits[0].title, "Use YAML front matter for metadata");
});

Deno.test("korva import adr marks a record superseded by an unknown one and warns on stderr", async () => {
  await using home = tempHome();
  await using repo = repoWith();
  writeFileSync(
    join(repo.path, "0001-old.md"),
    "# 1. Old way\n\n## Status\n\nSuperseded by ADR-0099\n\n## Decision\n\nDo it the old way.\n",
  );
  const result = await runKorva(["import", "adr", "0001-old.md"], {
    env: home.env,
    cwd: repo.path,
  });
  assert.equal(result.code, 0);
  assert.equal(
    result.stdout,
    "Imported 1 memories from 1 adr files: 1 created, 0 updated, 0 unchanged\n",
  );
  assert.equal(
    result.stderr,
    "korva: warning: no record answers the reference 0001-old.md: 0099\n",
  );
  const [memory] = await korvaJson(["list", "--status", "superseded"], home.env, repo.path);
  assert.equal(memory.title, "Old way");
});
