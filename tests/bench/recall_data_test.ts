// The retrieval evaluation's question files: a key that names no record would count as a miss
// without a word, so every file is checked against the records it asks about.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadAdrs, loadQuestions, RECALL_DATA } from "../../bench/recall_data.ts";

const files = readdirSync(RECALL_DATA).filter((name) => /^questions.*\.tsv$/.test(name)).sort();

Deno.test("every question file names records that exist, with a query", () => {
  const keys = new Set(loadAdrs().map((adr) => adr.key));
  const bad = files.flatMap((name) =>
    loadQuestions(join(RECALL_DATA, name), { split: false })
      .filter((q) => !keys.has(q.expected) || q.query.trim() === "")
      .map((q) => `${name}: ${q.expected}\t${q.query}`)
  );
  assert.deepEqual(bad, []);
});

Deno.test("the sixth blind batch holds 20 keyword, 25 question and 35 paraphrase queries", () => {
  const counts: Record<string, number> = {};
  for (const q of loadQuestions(join(RECALL_DATA, "questions_blind6.tsv"), { split: false })) {
    counts[q.style] = (counts[q.style] ?? 0) + 1;
  }
  assert.deepEqual(counts, { keyword: 20, question: 25, paraphrase: 35 });
  assert.ok(files.includes("questions_blind6.tsv"));
});
