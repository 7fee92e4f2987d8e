// lib/privacy/keyword_tables.json is the built-in catalogue's keyword automaton, built ahead so a
// redactor costs no automaton at start-up (issue 19); it must equal the live construction.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import precomputed from "../../lib/privacy/keyword_tables.json" with { type: "json" };
import { detectors } from "../../lib/privacy/detectors.ts";
import {
  buildKeywordTables,
  compileKeywords,
  decodeKeywordTables,
  encodeKeywordTables,
  scannerOver,
} from "../../lib/privacy/keywords.ts";
import { keywordList } from "../../lib/privacy/redactor.ts";

const REGENERATE = "regenerate: KORVA_UPDATE_KEYWORD_TABLES=1 deno test -A " +
  "tests/privacy/keyword_tables_test.ts";

Deno.test("lib/privacy/keyword_tables.json holds the catalogue's keywords and automaton", () => {
  const keywords = keywordList(detectors);
  const tables = encodeKeywordTables(buildKeywordTables(keywords));
  assert.ok(tables !== undefined, "the catalogue's automaton no longer fits 16-bit words");
  if (Deno.env.get("KORVA_UPDATE_KEYWORD_TABLES")) {
    const file = fileURLToPath(new URL("../../lib/privacy/keyword_tables.json", import.meta.url));
    writeFileSync(file, JSON.stringify({ keywords, tables }, null, 2) + "\n");
    return;
  }
  assert.deepEqual(precomputed.keywords, keywords, REGENERATE);
  assert.equal(precomputed.tables, tables, REGENERATE);
});

Deno.test("decodeKeywordTables() reads back what encodeKeywordTables() wrote", () => {
  const tables = buildKeywordTables(["secret", "client_secret", "sec", "пароль", "密码", "ghp_"]);
  assert.deepEqual(decodeKeywordTables(encodeKeywordTables(tables)!), tables);
});

Deno.test("scannerOver() decoded tables finds what compileKeywords() finds", () => {
  const keywords = keywordList(detectors);
  const text =
    "CLIENT_SECRET=x; Lösenord: hunter2; ПАРОЛЬ и пароль; 数据库密码是; ghp_ [REDACTED:x] " +
    "<private>y</private> Authorization: Bearer z; api_key = 'q'; ΚΩΔΙΚΟΣ Straße";
  const hits = (scan: (t: string, on: (s: number, k: number) => void) => void) => {
    const out: Array<[number, number]> = [];
    scan(text, (start, k) => out.push([start, k]));
    return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  };
  const live = hits(compileKeywords(keywords));
  assert.ok(live.length >= 15, `only ${live.length} hits`);
  const tables = decodeKeywordTables(encodeKeywordTables(buildKeywordTables(keywords))!);
  assert.deepEqual(hits(scannerOver(keywords, tables)), live);
});
