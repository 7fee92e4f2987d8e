// parseAdr over the fixtures of each format (tests/testdata/importers/adr) and bad records.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseAdr, refsIn, statusOf } from "../../lib/importers/adr.ts";

const dir = new URL("../testdata/importers/adr/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), "utf8");

Deno.test("parseAdr() reads a Nygard record: title without its number, decision, context and consequences as why", () => {
  const item = parseAdr(
    "docs/adr/0001-record-architecture-decisions.md",
    read("0001-record-architecture-decisions.md"),
  );
  assert.equal(item.key, "adr:docs/adr/0001-record-architecture-decisions.md");
  assert.equal(item.type, "decision");
  assert.equal(item.title, "Record architecture decisions");
  assert.equal(
    item.content,
    "We will use Architecture Decision Records, as described by Michael Nygard.",
  );
  assert.equal(
    item.why,
    "Context: We need to record the architectural decisions made on this project.\n\n" +
      "Consequences:\nSee Michael Nygard's article, linked above. For a lightweight ADR toolset, see adr-tools.",
  );
  assert.equal(item.status, "active");
  assert.equal(item.line, 1);
});

Deno.test("parseAdr() takes anchors from the file paths a record mentions", () => {
  const item = parseAdr(
    "0002-use-postgres-for-payments.md",
    read("0002-use-postgres-for-payments.md"),
  );
  assert.deepEqual(item.files, ["src/payments/ledger.ts", "db/migrations/"]);
});

Deno.test("parseAdr() maps superseded and deprecated statuses and reads supersede links both ways", () => {
  const old = parseAdr(
    "0002-use-postgres-for-payments.md",
    read("0002-use-postgres-for-payments.md"),
  );
  assert.equal(old.status, "superseded");
  assert.deepEqual(old.supersededBy, ["0004-use-cockroachdb-for-the-payments-ledger.md"]);
  const next = parseAdr("0004-x.md", read("0004-use-cockroachdb-for-the-payments-ledger.md"));
  assert.equal(next.status, "active");
  assert.deepEqual(next.supersedes, ["0002-use-postgres-for-payments.md"]);
  const deprecated = parseAdr("0003.md", read("0003-use-soap-for-partner-api.md"));
  assert.equal(deprecated.status, "archived");
});

Deno.test("parseAdr() reads MADR 2: bullet status, drivers, positive/negative consequences, rejected options", () => {
  const item = parseAdr("0005.md", read("0005-madr2-feature-flags.md"));
  assert.equal(item.title, "Use LaunchDarkly for feature flags");
  assert.equal(
    item.content,
    'Chosen option: "LaunchDarkly", because it is the only option with an audit trail out of the box.',
  );
  assert.equal(
    item.why,
    "Context: Releases are blocked by half-finished features. How do we ship dark?\n\n" +
      "Decision drivers:\n* Percentage rollouts\n* Audit trail\n\n" +
      "Positive Consequences:\n* Product can toggle flags without a deploy.\n\n" +
      "Negative Consequences:\n* A yearly licence cost.\n\n" +
      "Rejected options: Unleash (self-hosted); Environment variables.",
  );
  assert.equal(item.status, "active");
});

Deno.test("parseAdr() reads MADR 3 front matter tags and keeps Consequences out of the decision", () => {
  const item = parseAdr("0006.md", read("0006-madr3-http-client.md"));
  assert.deepEqual(item.tags, ["http", "resilience"]);
  assert.equal(
    item.content,
    'Chosen option: "Shared client in `lib/http/client.ts`", because it retries only idempotent methods.',
  );
  assert.deepEqual(item.files, ["lib/http/client.ts"]);
  assert.equal(item.line, 7);
  assert.match(item.why ?? "", /Rejected options: Retry logic per call site\.$/);
});

Deno.test("parseAdr() reads a MADR 4 'superseded by ADR-0008' front matter status", () => {
  const item = parseAdr("0007.md", read("0007-madr4-event-ids.md"));
  assert.equal(item.status, "superseded");
  assert.deepEqual(item.supersededBy, ["0008"]);
  assert.equal(item.content, 'Chosen option: "UUIDv4", because every language has it.');
  assert.equal(
    item.why,
    "Context: Events need globally unique ids.\n\nConsequences:\n* Bad, because ids do not sort by time.\n\nRejected options: ULID.",
  );
});

Deno.test("parseAdr() reads a Y-statement: the chosen option as decision, the rest as why", () => {
  const item = parseAdr("0008.md", read("0008-y-statement-event-ids.md"));
  assert.equal(item.title, "Use ULIDs for event ids");
  assert.equal(item.content, "We decided for ULIDs.");
  assert.equal(
    item.why,
    "In the context of the event store, facing the need to read events in time order without a second index.\n\n" +
      "To achieve time-sortable ids generated without coordination, accepting that ids leak their creation time.\n\n" +
      "Rejected options: UUIDv4 and database sequences.",
  );
});

Deno.test("parseAdr() rejects what is not a decision record, with the reason", async (t) => {
  const rows: [string, string][] = [
    ["Just text.\n\n## Decision\n\nSomething.\n", "it has no title heading"],
    [
      "# Thinking about caches\n\n## Context\n\nMaybe.\n",
      'it has no "Decision" section and no Y-statement',
    ],
    [
      "---\nstatus: [accepted\n---\n# T\n\n## Decision\n\nX.\n",
      "front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 18",
    ],
  ];
  for (const [text, reason] of rows) {
    await t.step(reason, () => assert.throws(() => parseAdr("x.md", text), { message: reason }));
  }
});

Deno.test("parseAdr() ignores headings inside code fences", () => {
  const text =
    "# Real title\n\n## Decision\n\nUse X.\n\n```markdown\n## Decision\n\nNot this.\n```\n";
  const item = parseAdr("x.md", text);
  assert.equal(item.content, "Use X.\n\n```markdown\n## Decision\n\nNot this.\n```");
});

Deno.test("statusOf() and refsIn() read status lines", async (t) => {
  const rows: [string, string, string[], string[]][] = [
    ["Accepted", "active", [], []],
    ["Proposed", "active", [], []],
    ["Rejected", "archived", [], []],
    ["Deprecated", "archived", [], []],
    ["superseded by [20201016-x](20201016-x.md)", "superseded", ["20201016-x.md"], []],
    ["Superseded by ADR-0012", "superseded", ["0012"], []],
    ["Accepted\n\nSupersedes [1. Foo](0001-foo.md)", "active", [], ["0001-foo.md"]],
  ];
  for (const [raw, status, by, supersedes] of rows) {
    await t.step(raw.replace(/\n/g, " "), () => {
      assert.deepEqual(statusOf(raw), { status, supersededBy: by, supersedes });
    });
  }
  assert.deepEqual(refsIn("see https://example.com/x"), []);
});
