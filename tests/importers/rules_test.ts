// parseRules over each editor's rule file (tests/testdata/importers/rules) and korva's own block.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { isRuleFile, parseRules, withoutKorvaBlock } from "../../lib/importers/rules.ts";
import { BEGIN, END } from "../../lib/setup/edit.ts";

const dir = new URL("../testdata/importers/rules/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), "utf8");

Deno.test("parseRules() makes one convention per bullet and per section without bullets, skipping korva's block", () => {
  const items = parseRules("CLAUDE.md", read("CLAUDE.md"));
  assert.deepEqual(items.map((i) => [i.line, i.type, i.title, i.tags]), [
    [5, "convention", "Use `Result` types instead of throwing in `src/payments/`", ["code-style"]],
    [6, "convention", "Never log full card numbers; use the `maskPan()` helper", ["code-style"]],
    [8, "convention", "Tests: Run `deno task test` before committing", ["tests"]],
  ]);
  assert.ok(items.every((i) => i.dedupeByText && !/vault_context/.test(i.content)));
});

Deno.test("parseRules() makes a .mdc file's globs the anchors", () => {
  const items = parseRules(".cursor/rules/payments.mdc", read(".cursor/rules/payments.mdc"));
  assert.deepEqual(items.map((i) => i.content), [
    "Amounts are integers in minor units (cents); never floats.",
    "Every ledger write goes through `LedgerService.post()`.",
  ]);
  assert.deepEqual(items[0]?.files, ["src/payments/**/*.ts", "tests/payments/**"]);
});

Deno.test("parseRules() reads .cursorrules, GEMINI.md, Copilot and Windsurf rule files", async (t) => {
  const rows: [string, string[], string[]][] = [
    [".cursorrules", ["Always write SQL migrations as reversible pairs (up and down)."], []],
    ["GEMINI.md", ["Answer in British English in user-facing strings."], []],
    [".github/copilot-instructions.md", ["Every public function has a JSDoc sentence."], []],
    [
      ".github/instructions/api.instructions.md",
      ["Validate every request body with its zod schema."],
      ["src/api/**/*.ts"],
    ],
    [
      ".windsurf/rules/frontend.md",
      ["Components are function components with hooks; no class components."],
      ["web/**/*.tsx"],
    ],
  ];
  for (const [path, contents, files] of rows) {
    await t.step(path, () => {
      const items = parseRules(path, read(path));
      assert.deepEqual(items.map((i) => i.content), contents);
      assert.deepEqual(items[0]?.files, files);
    });
  }
});

Deno.test("parseRules() rejects a file that holds only korva's block", () => {
  const text = `${BEGIN}\n## Team memory (korva)\n\n- call vault_context\n${END}\n`;
  assert.throws(() => parseRules("AGENTS.md", text), {
    message: "it has no rules outside korva's own block",
  });
});

Deno.test("withoutKorvaBlock() keeps the line numbers of what follows", () => {
  const text = `- a\n${BEGIN}\nx\n${END}\n- b\n`;
  assert.equal(withoutKorvaBlock(text), "- a\n\n\n\n- b\n");
});

Deno.test("isRuleFile() knows each editor's rule files", async (t) => {
  const rows: [string, boolean][] = [
    ["CLAUDE.md", true],
    ["sub/AGENTS.md", true],
    ["GEMINI.md", true],
    [".cursorrules", true],
    [".cursor/rules/payments.mdc", true],
    [".github/copilot-instructions.md", true],
    [".windsurf/rules/frontend.md", true],
    ["README.md", false],
    ["docs/CLAUDE.txt", false],
  ];
  for (const [path, expected] of rows) {
    await t.step(path, () => assert.equal(isRuleFile(path), expected));
  }
});
