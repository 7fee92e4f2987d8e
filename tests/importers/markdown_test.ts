// The shared Markdown sectioning: sections with lines, list items, mentioned paths.
import assert from "node:assert/strict";
import { listItems, mentionedPaths, sectionMarkdown } from "../../lib/importers/markdown.ts";

Deno.test("sectionMarkdown() gives each heading its line, after front matter, setext headings too", () => {
  const doc = sectionMarkdown("---\ntags: [a]\n---\nTitle\n=====\n\nintro\n\n## One\nbody\n");
  assert.deepEqual(doc.frontMatter, { tags: ["a"] });
  assert.deepEqual(doc.sections.map((s) => [s.level, s.heading, s.line, s.body, s.bodyLine]), [
    [1, "Title", 4, "intro", 7],
    [2, "One", 9, "body", 10],
  ]);
});

Deno.test("listItems() joins continuation lines and keeps each item's line", () => {
  assert.deepEqual(listItems("intro\n- one\n  more\n* two\n1. three", 10), [
    { text: "one\nmore", line: 11 },
    { text: "two", line: 13 },
    { text: "three", line: 14 },
  ]);
});

Deno.test("mentionedPaths() finds repository paths, not URLs, Markdown links or and/or words", () => {
  assert.deepEqual(
    mentionedPaths(
      "See `src/pay/charge.ts`, lib/** and docs/ but not https://x.io/a/b.ts, [ADR](0002-x.md), " +
        "read/write or ./docs/adr/0001-a.md",
    ),
    ["src/pay/charge.ts", "lib/**", "docs/"],
  );
});
