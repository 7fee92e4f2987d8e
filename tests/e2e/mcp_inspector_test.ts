// The official MCP Inspector (CLI mode) against korva mcp; needs the npm registry, so it runs
// only with KORVA_INSPECTOR=1.
import assert from "node:assert/strict";
import { join } from "node:path";
import { baseEnv, ROOT } from "../_helpers.ts";

Deno.test({
  name: "MCP Inspector --cli lists korva's tools and calls vault_save (KORVA_INSPECTOR=1)",
  ignore: Deno.env.get("KORVA_INSPECTOR") !== "1",
  fn: () => {
    const out = new Deno.Command("bash", {
      args: [join(ROOT, "tests/e2e/mcp_inspector.sh")],
      env: { ...baseEnv(), HOME: Deno.env.get("HOME") ?? "" },
      stdout: "piped",
      stderr: "piped",
    }).outputSync();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    assert.match(new TextDecoder().decode(out.stdout), /tools\/list and tools\/call ok/);
  },
});
