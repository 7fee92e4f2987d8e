// korva doctor on a healthy and on a broken setup.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runKorva, tempHome, writeFiles } from "../_helpers.ts";

Deno.test("korva doctor passes on a healthy setup and names each problem on a broken one", async () => {
  await using home = tempHome();
  const env = { ...home.env, PATH: "" };
  await runKorva(["init"], { env });
  writeFiles(home.home, { ".cursor/mcp.json": "{}\n" });
  await runKorva(["setup", "--cursor"], { env });
  const healthy = await runKorva(["doctor", "--json"], { env });
  assert.equal(healthy.code, 0, healthy.stdout);
  const report = JSON.parse(healthy.stdout);
  assert.equal(report.ok, true);
  assert.ok(
    report.checks.some((c: { id: string; status: string }) =>
      c.id === "integrity" && c.status === "ok"
    ),
  );
  assert.ok(
    report.checks.some((c: { id: string; status: string }) =>
      c.id === "editor:cursor" && c.status === "ok"
    ),
  );

  writeFiles(home.home, {
    ".cursor/mcp.json": JSON.stringify({
      mcpServers: { korva: { command: "/nowhere/korva", args: ["mcp"] } },
    }),
  });
  writeFileSync(join(home.korvaHome, "config.json"), '{"version": 1, "mcp": {"profile": "root"}}');
  const broken = await runKorva(["doctor"], { env });
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, /FAIL .*config\.json.*"mcp\.profile"/);
  assert.match(
    broken.stdout,
    /FAIL +Cursor starts korva from \/nowhere\/korva, which does not exist/,
  );
  assert.match(broken.stdout, /fix: korva setup --cursor/);
});
