// korva doctor on a healthy and on a broken setup.
import assert from "node:assert/strict";
import { chmodSync, statSync, writeFileSync } from "node:fs";
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

Deno.test("korva doctor fails on a token file others can read; korva init sets it to 0600", async () => {
  await using home = tempHome();
  const env = { ...home.env, PATH: "" };
  await runKorva(["init"], { env });
  const token = join(home.korvaHome, "token");
  chmodSync(token, 0o644);
  const doctor = await runKorva(["doctor", "--json"], { env });
  assert.equal(doctor.code, 1, doctor.stdout);
  const check = JSON.parse(doctor.stdout).checks.find((c: { id: string }) => c.id === "token");
  assert.deepEqual(check, {
    id: "token",
    status: "fail",
    message: `service token ${token} has mode 0644: other users can read it`,
    fix: `korva init (or chmod 600 ${token})`,
  });
  const init = await runKorva(["init"], { env });
  assert.equal(init.code, 0, init.stderr);
  assert.equal(
    init.stdout,
    `set ${token} to mode 0600 (it was 0644, readable by others)\n` +
      "next: `korva setup` connects your editors (and installs the git hooks in a repository with .korva/); `korva hooks install` in any other clone; `korva save --help` to add memories\n",
  );
  assert.equal(statSync(token).mode & 0o777, 0o600);
  const again = await runKorva(["doctor", "--json"], { env });
  const fixed = JSON.parse(again.stdout).checks.find((c: { id: string }) => c.id === "token");
  assert.equal(fixed.status, "ok");
});
