// compileKeywords(): every occurrence of every keyword, case-insensitively, with exact offsets.
import assert from "node:assert/strict";
import { compileKeywords } from "../../lib/privacy/keywords.ts";

function hits(keywords: string[], text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  compileKeywords(keywords)(text, (start, k) => out.push([start, keywords[k]!]));
  return out.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
}

Deno.test("compileKeywords() reports overlapping and nested keywords", () => {
  assert.deepEqual(hits(["secret", "client_secret", "sec"], "CLIENT_SECRET=x"), [
    [0, "client_secret"],
    [7, "sec"],
    [7, "secret"],
  ]);
  assert.deepEqual(hits(["aa"], "aaaa"), [[0, "aa"], [1, "aa"], [2, "aa"]]);
});

Deno.test("compileKeywords() keeps offsets exact around non-ASCII text", () => {
  const text = "İstanbul ключ ghp_ and GHP_ €";
  const found = hits(["ghp_"], text);
  assert.deepEqual(found.map(([at]) => text.slice(at, at + 4)), ["ghp_", "GHP_"]);
});

Deno.test("compileKeywords() refuses Latin keywords with diacritics (they are written in ASCII)", () => {
  assert.throws(
    () => compileKeywords(["clé"]),
    { message: 'keyword "clé" is not ASCII: write Latin letters without diacritics' },
  );
});

Deno.test("compileKeywords() finds keywords in other scripts, in either case, with exact offsets", () => {
  const text = "ПАРОЛЬ и пароль; 数据库密码是; 비밀번호는; Ο ΚΩΔΙΚΟΣ, ο κωδικος";
  assert.deepEqual(hits(["пароль", "密码", "비밀번호", "κωδικος"], text), [
    [0, "пароль"],
    [9, "пароль"],
    [20, "密码"],
    [25, "비밀번호"],
    [34, "κωδικος"],
    [45, "κωδικος"],
  ]);
});

Deno.test("compileKeywords() folds Latin letters with diacritics to their ASCII base", () => {
  const text = "Lösenord, CONTRASEÑA, Hasło, Schlüssel, Straße";
  // One code unit folds to one letter, so offsets stay exact: ß folds to "s".
  assert.deepEqual(hits(["losenord", "contrasena", "haslo", "schlussel", "strase"], text), [
    [0, "losenord"],
    [10, "contrasena"],
    [22, "haslo"],
    [29, "schlussel"],
    [40, "strase"],
  ]);
});
