// lib/privacy/catalogue_index.json is generated from the detector files: each detector's data
// (ids, keywords, modes, tiers, windows; no patterns, hooks or examples), the keyword pass's list
// and its automaton. The redactor reads it so a hook builds only the detector files whose
// detectors run and no automaton (issue 19); it must equal what the files give.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import index from "../../lib/privacy/catalogue_index.json" with { type: "json" };
import { catalogueEntries } from "../../lib/privacy/catalogue.ts";
import { detectors } from "../../lib/privacy/detectors.ts";
import { buildKeywordTables, encodeKeywordTables } from "../../lib/privacy/keywords.ts";
import { keywordList } from "../../lib/privacy/redactor.ts";

const REGENERATE = "regenerate: KORVA_UPDATE_CATALOGUE_INDEX=1 deno test -A " +
  "tests/privacy/catalogue_index_test.ts";

Deno.test("lib/privacy/catalogue_index.json holds the detector files' data, keywords and automaton", () => {
  const entries = catalogueEntries();
  const keywords = keywordList(entries);
  const tables = encodeKeywordTables(buildKeywordTables(keywords));
  assert.ok(tables !== undefined, "the catalogue's automaton no longer fits 16-bit words");
  const live = { detectors: entries, keywords, tables };
  if (Deno.env.get("KORVA_UPDATE_CATALOGUE_INDEX")) {
    const file = fileURLToPath(new URL("../../lib/privacy/catalogue_index.json", import.meta.url));
    writeFileSync(file, JSON.stringify(live, null, 2) + "\n");
    return;
  }
  assert.deepEqual(index.detectors, live.detectors, REGENERATE);
  assert.deepEqual(index.keywords, live.keywords, REGENERATE);
  assert.equal(index.tables, live.tables, REGENERATE);
  assert.deepEqual(entries.map((e) => e.id), detectors.map((d) => d.id));
});
