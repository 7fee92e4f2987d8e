// korva vault start|stop|status: real HTTP requests against the background service.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { alive } from "../../lib/service/daemon.ts";
import { freePort, rawHttpStatus, runKorva, tempHome, writeFiles } from "../_helpers.ts";

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

/** A stale pid file naming a live process that is not korva's service. */
function writeStalePidFile(korvaHome: string, pid: number, port: number): void {
  mkdirSync(join(korvaHome, "run"), { recursive: true });
  writeFileSync(
    join(korvaHome, "run", "vault-service.json"),
    JSON.stringify({ pid, port, startedAt: "2026-01-01T00:00:00.000Z" }) + "\n",
  );
}

Deno.test("korva vault status/stop/start with a stale pid file naming an unrelated process", async () => {
  await using home = tempHome();
  await runKorva(["init"], { env: home.env });
  const sleeper = new Deno.Command("sleep", { args: ["60"], stdout: "null", stderr: "null" })
    .spawn();
  try {
    const port = freePort();
    writeStalePidFile(home.korvaHome, sleeper.pid, port);
    const status = await runKorva(["vault", "status"], { env: home.env });
    assert.equal(status.code, 0, status.stderr);
    assert.match(
      status.stdout,
      /^not running \(stale state removed\) \(vault \d+ KiB\); start it with korva vault start\n$/,
    );

    writeStalePidFile(home.korvaHome, sleeper.pid, port);
    const stop = await runKorva(["vault", "stop"], { env: home.env });
    assert.equal(stop.code, 0, stop.stderr);
    assert.equal(stop.stdout, "the vault service was not running\n");
    assert.equal(alive(sleeper.pid), true, "stop must never signal a foreign pid");

    writeStalePidFile(home.korvaHome, sleeper.pid, port);
    const start = await runKorva(["vault", "start", "--port", String(port)], { env: home.env });
    assert.equal(start.code, 0, start.stderr);
    try {
      const running = JSON.parse(
        (await runKorva(["vault", "status", "--json"], { env: home.env })).stdout,
      );
      assert.equal(running.running, true);
      assert.notEqual(running.pid, sleeper.pid);
    } finally {
      const stopped = await runKorva(["vault", "stop"], { env: home.env });
      assert.match(stopped.stdout, /^stopped the vault service \(pid \d+\)\n$/);
    }
    assert.equal(alive(sleeper.pid), true);
  } finally {
    sleeper.kill("SIGKILL");
    await sleeper.status;
  }
});

Deno.test({
  name: "korva vault stop/status with a stale pid file naming another user's process (pid 1) " +
    "never reach kill EPERM (skipped as root: root may signal any process)",
  ignore: Deno.uid() === 0,
  async fn() {
    await using home = tempHome();
    await runKorva(["init"], { env: home.env });
    writeStalePidFile(home.korvaHome, 1, freePort());
    const stop = await runKorva(["vault", "stop"], { env: home.env });
    assert.equal(stop.code, 0, stop.stderr);
    assert.equal(stop.stdout, "the vault service was not running\n");
    assert.equal(stop.stderr, "");
    writeStalePidFile(home.korvaHome, 1, freePort());
    const status = await runKorva(["vault", "status"], { env: home.env });
    assert.match(status.stdout, /^not running \(stale state removed\)/);
  },
});

Deno.test("korva vault start --foreground with an invalid config says serving never, only the error", async () => {
  await using home = tempHome();
  writeFiles(home.korvaHome, { "config.json": '{"mcp": {"profile": "readonly"}, "bogus": 1}\n' });
  const result = await runKorva(["vault", "start", "--foreground", "--port", String(freePort())], {
    env: home.env,
  });
  assert.equal(result.code, 2);
  assert.doesNotMatch(result.stderr, /serving/);
  assert.match(result.stderr, /^korva: Cannot read config ".*config\.json": /);
});

Deno.test("korva vault stop with a client stuck mid-body and one mid-headers stops without SIGKILL", async () => {
  await using home = tempHome();
  await runKorva(["init"], { env: home.env });
  const token = readFileSync(join(home.korvaHome, "token"), "utf8").trim();
  const port = freePort();
  const started = await runKorva(["vault", "start", "--port", String(port)], { env: home.env });
  assert.equal(started.code, 0, started.stderr);
  const body = await Deno.connect({ hostname: "127.0.0.1", port });
  const headers = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    await body.write(
      new TextEncoder().encode(
        `POST /api/memories HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\nContent-Length: 1000\r\n\r\n{"type"`,
      ),
    );
    await headers.write(new TextEncoder().encode("GET /api/stats HTTP/1.1\r\nHost: local"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopped = await runKorva(["vault", "stop"], { env: home.env });
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /^stopped the vault service \(pid \d+\)\n$/);
  } finally {
    body.close();
    headers.close();
  }
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
