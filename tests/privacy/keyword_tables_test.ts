// The keyword automaton's tables written out and read back (the catalogue's are precomputed in
// lib/privacy/catalogue_index.json, issue 19) scan exactly as the live construction does.
import assert from "node:assert/strict";
import { detectors } from "../../lib/privacy/detectors.ts";
import {
  buildKeywordTables,
  compileKeywords,
  decodeKeywordTables,
  encodeKeywordTables,
  scannerOver,
} from "../../lib/privacy/keywords.ts";
import { keywordList } from "../../lib/privacy/redactor.ts";

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
