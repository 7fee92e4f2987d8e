// Team memory files: round trip, hand-written files, malformed and future files.
import assert from "node:assert/strict";
import {
  parseTeamFile,
  renderTeamFile,
  TeamFileError,
  teamFileName,
} from "../../lib/team/format.ts";

const memory = {
  id: "01J9ZK4M8X2Q7R5T3V1W0Y6B8C",
  type: "incident" as const,
  title: "Double charge: lock by payment_id",
  content: "The lock was keyed by user_id.\n\nNow payment_id.",
  why: "Users pay with several cards at once.",
  tags: ["payments"],
  files: ["src/payments/**"],
  status: "active" as const,
  supersedes: null,
  author: "ada",
  created_at: "2026-05-01T10:00:00.000Z",
  updated_at: "2026-05-02T10:00:00.000Z",
};

Deno.test("renderTeamFile() and parseTeamFile() round-trip every field", () => {
  const text = renderTeamFile(memory);
  assert.match(text, /^---\nschema: 1\nid: 01J9ZK4M8X2Q7R5T3V1W0Y6B8C\n/);
  assert.match(text, /\n## Why\n\nUsers pay/);
  const parsed = parseTeamFile(text);
  assert.equal(parsed.id, memory.id);
  assert.equal(parsed.content, memory.content);
  assert.equal(parsed.why, memory.why);
  assert.deepEqual(parsed.files, memory.files);
  assert.equal(parsed.created, memory.created_at);
  assert.equal(
    renderTeamFile({
      ...memory,
      ...parsed,
      id: parsed.id ?? "",
      created_at: parsed.created ?? "",
      updated_at: parsed.updated ?? "",
    }),
    text,
  );
});

Deno.test("parseTeamFile() accepts a hand-written file without id or dates", () => {
  const parsed = parseTeamFile(
    "---\ntype: convention\ntitle: Use zod\n---\nAll schemas use zod v4.\n",
  );
  assert.equal(parsed.id, undefined);
  assert.equal(parsed.type, "convention");
  assert.equal(parsed.why, null);
  assert.deepEqual(parsed.tags, []);
});

Deno.test("parseTeamFile() explains malformed and future files", async (t) => {
  const cases: Array<[string, string, RegExp]> = [
    ["no front matter", "just text", /no YAML front matter/],
    ["bad yaml", "---\ntitle: [\n---\nbody\n", /not valid YAML/],
    ["bad type", "---\ntype: story\ntitle: t\n---\nbody\n", /"type"/],
    ["empty body", "---\ntype: note\ntitle: t\n---\n\n", /body .* is empty/],
    ["future schema", "---\nschema: 9\ntype: note\ntitle: t\n---\nbody\n", /schema 9 is newer/],
  ];
  for (const [name, text, message] of cases) {
    await t.step(name, () => {
      assert.throws(
        () => parseTeamFile(text),
        (e) => e instanceof TeamFileError && message.test(e.message),
      );
    });
  }
});

Deno.test("teamFileName() is <ULID>-<slug>.md", () => {
  assert.equal(
    teamFileName(memory.id, "Double charge: lock by payment_id!"),
    `${memory.id}-double-charge-lock-by-payment-id.md`,
  );
});
