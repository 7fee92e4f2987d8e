// lib/posix_path.ts gives node:path's answers (POSIX) on a table of ordinary and odd paths.
import assert from "node:assert/strict";
import * as node from "node:path";
import * as posix from "../lib/posix_path.ts";

const PATHS = [
  "",
  ".",
  "..",
  "/",
  "//",
  "///a",
  "a",
  "a/",
  "a//b",
  "/a/b/c",
  "/a/b/c/",
  "/a//b/",
  "a/./b",
  "a/../b",
  "../a/b",
  "a/../../b",
  "/../a",
  "/a/b/../../..",
  "./src/payments/payments.ts",
  "src/payments/",
  "/tmp/x.y/z.json",
  "//a",
  "a/b/c/..",
  ".hidden/.x",
  "..x",
  "...",
  "a..",
  "a.b.c",
  "/a.b/",
  "x/..y.z",
  "file.TS",
];

Deno.test("normalize, isAbsolute, dirname, basename and extname answer as node:path does", () => {
  for (const path of PATHS) {
    assert.equal(posix.normalize(path), node.normalize(path), `normalize ${path}`);
    assert.equal(posix.isAbsolute(path), node.isAbsolute(path), `isAbsolute ${path}`);
    assert.equal(posix.dirname(path), node.dirname(path), `dirname ${path}`);
    assert.equal(posix.basename(path), node.basename(path), `basename ${path}`);
    assert.equal(posix.extname(path), node.extname(path), `extname ${path}`);
  }
});

Deno.test("join, resolve and relative answer as node:path does", () => {
  for (const a of PATHS) {
    for (const b of PATHS) {
      assert.equal(posix.join(a, b), node.join(a, b), `join ${a} ${b}`);
      assert.equal(posix.resolve(a, b), node.resolve(a, b), `resolve ${a} ${b}`);
      assert.equal(posix.relative(a, b), node.relative(a, b), `relative ${a} ${b}`);
    }
  }
  assert.equal(posix.join(), node.join());
  assert.equal(posix.resolve(), node.resolve());
  assert.equal(posix.join("a", "", "b", "c/"), node.join("a", "", "b", "c/"));
});
