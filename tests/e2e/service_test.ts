// korva vault start|stop|status: real HTTP requests against the background service.
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { freePort, rawHttpStatus, runKorva, tempHome } from "../_helpers.ts";

Deno.test("korva vault start serves the API with a token, Host check, origin check and size limit", async () => {
  await using home = tempHome();
  await runKorva(["init"], { env: home.env });
  const token = readFileSync(join(home.korvaHome, "token"), "utf8").trim();
  assert.equal(statSync(join(home.korvaHome, "token")).mode & 0o777, 0o600);
  const port = freePort();
  const started = await runKorva(["vault", "start", "--port", String(port)], { env: home.env });
  assert.equal(started.code, 0, started.stderr);
  try {
    const base = `http://127.0.0.1:${port}`;
    const auth = { authorization: `Bearer ${token}` };
    const health = await fetch(`${base}/health`);
    assert.equal(health.status, 200);
    assert.equal((await health.json()).ok, true);

    const noToken = await fetch(`${base}/api/stats`);
    assert.equal(noToken.status, 401);
    assert.match((await noToken.json()).error, /token/);
    // fetch() will not send a forged Host header, so speak HTTP over a raw socket.
    const request = (host: string) =>
      `GET /api/stats HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`;
    assert.equal(await rawHttpStatus(port, request("attacker.example")), 421);
    assert.equal(await rawHttpStatus(port, request(`attacker.example:${port}`)), 421);
    assert.equal(await rawHttpStatus(port, request(`localhost:${port}`)), 200);
    const crossOrigin = await fetch(`${base}/api/memories`, {
      method: "POST",
      headers: { ...auth, origin: "https://attacker.example" },
      body: "{}",
    });
    assert.equal(crossOrigin.status, 403);
    await crossOrigin.body?.cancel();
    const huge = await fetch(`${base}/api/memories`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ type: "note", title: "t", content: "x".repeat(300_000) }),
    });
    assert.equal(huge.status, 413);
    await huge.body?.cancel();
    const invalid = await fetch(`${base}/api/memories`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ type: "story", title: "t", content: "c" }),
    });
    assert.equal(invalid.status, 400);
    assert.match((await invalid.json()).error, /"type"/);

    const secret = "ghp_" + "Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8";
    const created = await fetch(`${base}/api/memories`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({
        type: "decision",
        title: "Payment lock by payment_id",
        content: `Redis lock, token ${secret}`,
        files: ["src/payments/**"],
      }),
    });
    assert.equal(created.status, 201);
    const { id, redacted } = await created.json();
    assert.ok(Object.keys(redacted).length > 0, "the token was redacted on the way in");
    const got = await (await fetch(`${base}/api/memories/${id}`, { headers: auth })).json();
    assert.equal(got.content.includes(secret), false);
    const search = await (await fetch(`${base}/api/search?q=payment+lock`, { headers: auth }))
      .json();
    assert.equal(search.results[0].id, id);
    const context =
      await (await fetch(`${base}/api/context?file=src/payments/pay.ts`, { headers: auth })).json();
    assert.equal(context.memories[0].id, id);
    const missing = await fetch(`${base}/api/memories/01ZZZZZZZZZZZZZZZZZZZZZZZZ`, {
      headers: auth,
    });
    assert.equal(missing.status, 404);
    await missing.body?.cancel();

    const again = await runKorva(["vault", "start", "--port", String(port)], { env: home.env });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already running/);
    const status = JSON.parse(
      (await runKorva(["vault", "status", "--json"], { env: home.env })).stdout,
    );
    assert.equal(status.running, true);
    assert.equal(status.port, port);
  } finally {
    const stopped = await runKorva(["vault", "stop"], { env: home.env });
    assert.match(stopped.stdout, /stopped the vault service/);
  }
  const after = JSON.parse(
    (await runKorva(["vault", "status", "--json"], { env: home.env })).stdout,
  );
  assert.equal(after.running, false);
});

Deno.test("korva ui --print-url reuses a running service and names its port", async () => {
  await using home = tempHome();
  const port = freePort();
  const started = await runKorva(["vault", "start", "--port", String(port)], { env: home.env });
  assert.equal(started.code, 0, started.stderr);
  try {
    const ui = await runKorva(["ui", "--port", String(freePort()), "--print-url"], {
      env: home.env,
    });
    assert.equal(ui.code, 0, ui.stderr);
    assert.equal(ui.stderr, "");
    assert.match(
      ui.stdout,
      new RegExp(`^http://127\\.0\\.0\\.1:${port}/login\\?code=[0-9a-f]{64}\\n$`),
    );
    const second = await runKorva(["ui", "--print-url"], { env: home.env });
    assert.notEqual(second.stdout, ui.stdout, "each call mints a new one-time link");
  } finally {
    await runKorva(["vault", "stop"], { env: home.env });
  }
});
