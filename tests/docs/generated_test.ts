// The generated sections of docs/ (MCP tool table, config reference) match the code: the
// generator runs in memory and its output is compared with the files on disk.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOCS_COMMAND, renderDocs, replaceSection, ROOT } from "../../scripts/gen_docs.ts";
import { COMMANDS } from "../../commands/mod.ts";
import { TOOL_PROFILES } from "../../lib/mcp/profiles.ts";

Deno.test("docs/mcp.md, docs/configuration.md and docs/cli.md are what `deno task docs` generates", async () => {
  for (const [file, expected] of await renderDocs()) {
    const actual = readFileSync(join(ROOT, file), "utf8");
    assert.ok(
      actual === expected,
      `${file} is out of date with the code: run \`${DOCS_COMMAND}\` and commit the result`,
    );
  }
});

Deno.test("renderDocs() lists every MCP tool, config key and command", async () => {
  const docs = await renderDocs();
  const mcp = docs.get("docs/mcp.md") ?? "";
  for (const tool of Object.keys(TOOL_PROFILES)) {
    assert.match(
      mcp,
      new RegExp(`\\| \`${tool}\` +\\| ${TOOL_PROFILES[tool as keyof typeof TOOL_PROFILES]} `),
    );
  }
  const config = docs.get("docs/configuration.md") ?? "";
  for (
    const key of ["defaultScope", "privacy.custom[].category", "service.port", "sentinel.overrides"]
  ) {
    assert.ok(config.includes(`| \`${key}\``), `the reference has a row for ${key}`);
  }
  const cli = docs.get("docs/cli.md") ?? "";
  for (const [name] of COMMANDS) {
    assert.match(
      cli,
      new RegExp(`^### \`korva ${name}[ \`]`, "m"),
      `the reference has korva ${name}`,
    );
  }
  assert.match(cli, /^\| `--review-by <date>` +\| date by which a person should review it/m);
  // A command with its own arguments and subcommands (korva import FILE, korva import adr …).
  assert.match(cli, /^### `korva import <file>`$/m);
});

Deno.test("replaceSection() replaces only the text between its markers", () => {
  const text = "a\n<!-- generated:x:begin -->\nold\n<!-- generated:x:end -->\nb\n";
  assert.equal(
    replaceSection(text, "x", "new"),
    "a\n<!-- generated:x:begin -->\n\nnew\n\n<!-- generated:x:end -->\nb\n",
  );
  assert.throws(
    () => replaceSection("no markers", "x", "new"),
    { message: "Cannot find the markers <!-- generated:x:begin --> … <!-- generated:x:end -->" },
  );
});
