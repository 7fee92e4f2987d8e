// htmlToMarkdown over a Confluence and a Notion export page, and parseFile on HTML records.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { htmlToMarkdown } from "../../lib/importers/html.ts";
import { parseFile } from "../../lib/importers/run.ts";

const dir = new URL("../testdata/importers/html/", import.meta.url);
const CONFLUENCE = "confluence/ADR-0010-Use-Kafka-for-order-events_98305.html";
const NOTION = "notion/Use feature branches 4f1c2a9e8b7d4c3a9e1f2b3c4d5e6f70.html";
const read = (name: string) => readFileSync(new URL(name, dir), "utf8");

Deno.test("htmlToMarkdown() keeps a Confluence page's title and main content, not its chrome or scripts", () => {
  const { markdown, lines } = htmlToMarkdown(read(CONFLUENCE));
  assert.equal(
    markdown,
    "# ADR-0010 Use Kafka for order events\n\n## Status\n\nAccepted\n\n## Context\n\n" +
      "Order events are consumed by billing, shipping and analytics; `services/orders/publisher.go` calls each one over HTTP.\n\n" +
      "## Decision\n\nWe will publish order events to a Kafka topic **orders.v1** and let consumers subscribe.\n\n" +
      "## Consequences\n\n- Consumers must be idempotent.\n- We run a Kafka cluster.\n",
  );
  assert.equal(lines[0], 18);
  assert.equal(lines[2], 24);
});

Deno.test("htmlToMarkdown() turns a Notion page's properties into key: value lines", () => {
  const { markdown } = htmlToMarkdown(read(NOTION));
  assert.equal(
    markdown,
    "# Use feature branches\n\nStatus: Deprecated\nTags: git, workflow\n\n## Context\n\n" +
      "Long-lived branches caused painful merges.\n\n## Decision\n\n" +
      "Each change lives on a short feature branch merged within two days.\n",
  );
});

Deno.test("parseFile() reads exported HTML decision records with HTML line numbers", () => {
  const [kafka] = parseFile("adr", `exports/${CONFLUENCE}`, read(CONFLUENCE));
  assert.equal(kafka?.title, "Use Kafka for order events");
  assert.equal(
    kafka?.content,
    "We will publish order events to a Kafka topic **orders.v1** and let consumers subscribe.",
  );
  assert.deepEqual(kafka?.files, ["services/orders/publisher.go"]);
  assert.equal(kafka?.line, 18);
  const [branches] = parseFile("adr", NOTION, read(NOTION));
  assert.equal(branches?.status, "archived");
  assert.deepEqual(branches?.tags, ["git", "workflow"]);
});

Deno.test("htmlToMarkdown() decodes entities and nested lists", () => {
  const { markdown } = htmlToMarkdown(
    "<body><p>a &amp; b</p><ul><li>one<ul><li>two</li></ul></li></ul></body>",
  );
  assert.equal(markdown, "a & b\n\n- one\n  - two\n");
});
