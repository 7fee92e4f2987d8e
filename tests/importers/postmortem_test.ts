// parsePostmortem: incident write-ups become one incident; other Markdown one note per section.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parsePostmortem } from "../../lib/importers/postmortem.ts";

const dir = new URL("../testdata/importers/postmortem/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), "utf8");

Deno.test("parsePostmortem() turns a write-up into one incident with the root cause as why", () => {
  const [item, ...rest] = parsePostmortem(
    "pm/2024-03-12-checkout-outage.md",
    read("2024-03-12-checkout-outage.md"),
  );
  assert.equal(rest.length, 0);
  assert.ok(item);
  assert.equal(item.type, "incident");
  assert.equal(item.key, "postmortem:pm/2024-03-12-checkout-outage.md");
  assert.equal(item.title, "Checkout outage on 2024-03-12");
  assert.equal(
    item.why,
    "The connection pool in `src/checkout/db_pool.ts` was capped at 10 while the sale tripled traffic;\n" +
      "requests queued until the load balancer timed them out.",
  );
  assert.equal(
    item.content,
    "Summary:\nCheckout returned HTTP 500 for 42 minutes during the spring sale.\n\n" +
      "Impact:\nAbout 3,100 orders failed; 12% of the day's revenue was delayed.\n\n" +
      "Resolution:\nRaised the pool to 50 and added a queue-length alert.\n\n" +
      "Action items:\n- [ ] Load-test checkout at 5x traffic before each sale (owner: Bo)\n" +
      "- [ ] Make the pool size configurable per environment",
  );
  assert.deepEqual(item.files, ["src/checkout/db_pool.ts"]);
});

Deno.test("parsePostmortem() falls back to one note per top-level section, skipping empty ones", () => {
  const items = parsePostmortem("notes.md", read("team-notes.md"));
  assert.deepEqual(items.map((i) => [i.key, i.line, i.type, i.title, i.content]), [
    [
      "postmortem:notes.md#on-call-handover",
      3,
      "note",
      "Payments team notes: On-call handover",
      "Write the handover in #payments-oncall before 10:00 UTC.",
    ],
    [
      "postmortem:notes.md#refund-limits",
      7,
      "note",
      "Payments team notes: Refund limits",
      "Refunds above 10,000 EUR need a second approver in the back office.",
    ],
  ]);
});

Deno.test("parsePostmortem() names sections with the same heading apart", () => {
  const items = parsePostmortem("a.md", "# A\n\ntext a\n\n# A\n\ntext b\n");
  assert.deepEqual(items.map((i) => i.key), ["postmortem:a.md#a", "postmortem:a.md#a-2"]);
});

Deno.test("parsePostmortem() rejects an empty file", () => {
  assert.throws(() => parsePostmortem("e.md", "\n\n"), { message: "it is empty" });
});
