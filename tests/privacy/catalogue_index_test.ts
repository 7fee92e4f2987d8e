// lib/privacy/catalogue_index.json is the detector files' data (ids, keywords, modes, tiers,
// windows) without patterns, hooks or examples: the redactor reads it to build only the detector
// files whose detectors run (issue 19), so it must equal what the files hold.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import index from "../../lib/privacy/catalogue_index.json" with { type: "json" };
import { catalogueIndex } from "../../lib/privacy/catalogue.ts";
import { detectors } from "../../lib/privacy/detectors.ts";

Deno.test("lib/privacy/catalogue_index.json holds every detector's data, in catalogue order", () => {
  const live = catalogueIndex();
  if (Deno.env.get("KORVA_UPDATE_CATALOGUE_INDEX")) {
    const file = fileURLToPath(new URL("../../lib/privacy/catalogue_index.json", import.meta.url));
    writeFileSync(file, JSON.stringify(live, null, 2) + "\n");
    return;
  }
  assert.deepEqual(
    index,
    live,
    "regenerate: KORVA_UPDATE_CATALOGUE_INDEX=1 deno test -A tests/privacy/catalogue_index_test.ts",
  );
  assert.deepEqual(live.map((e) => e.id), detectors.map((d) => d.id));
});
