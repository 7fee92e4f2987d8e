// createApiHandler() behind a real Deno.serve on a free port: body limits and timeouts, spoken
// over raw sockets so the test controls exactly when each byte is sent.
import assert from "node:assert/strict";
import { BODY_TIMEOUT_MS, createApiHandler, MAX_BODY_BYTES } from "../../lib/service/api.ts";
import { openMemories, resolveRepoContext } from "../../lib/memory/mod.ts";
import { FIXED_NOW, tempHome, testDeps } from "../_helpers.ts";

const TOKEN = "t".repeat(64);

function serve(home: string, options: { bodyTimeoutMs?: number } = {}) {
  const deps = testDeps(home);
  const memories = openMemories(resolveRepoContext(deps), { client: "http", person: true });
  const handler = createApiHandler({
    deps,
    memories,
    token: TOKEN,
    startedAt: FIXED_NOW,
    ...options,
  });
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, handler);
  return {
    port: server.addr.port,
    [Symbol.asyncDispose]: async () => {
      await server.shutdown();
      memories.close();
    },
  };
}

/** Read until the status line arrives, or undefined when `ms` passes first. */
async function statusWithin(conn: Deno.Conn, ms: number): Promise<number | undefined> {
  const buffer = new Uint8Array(4096);
  const timer = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));
  const read = conn.read(buffer).then((n) =>
    Number(new TextDecoder().decode(buffer.subarray(0, n ?? 0)).match(/^HTTP\/1\.1 (\d+)/)?.[1])
  );
  const result = await Promise.race([read, timer]);
  return result;
}

const POST_HEAD = (extra: string) =>
  `POST /api/memories HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${TOKEN}\r\n${extra}\r\n`;

Deno.test("POST /api/memories with an endless chunked body gets 413 once the limit is passed", async () => {
  await using home = tempHome();
  await using api = serve(home.path);
  const conn = await Deno.connect({ hostname: "127.0.0.1", port: api.port });
  try {
    await conn.write(new TextEncoder().encode(POST_HEAD("Transfer-Encoding: chunked\r\n")));
    const chunk = new TextEncoder().encode(`10000\r\n${"x".repeat(0x10000)}\r\n`);
    let sent = 0;
    // Send 4 MiB at most, never the final chunk: only a server that stops at the limit answers.
    const status = statusWithin(conn, 10_000);
    let answered: number | undefined;
    void status.then((s) => answered = s);
    while (sent < 4 * 1024 * 1024 && answered === undefined) {
      try {
        await conn.write(chunk);
      } catch {
        break; // the server closed the connection after answering
      }
      sent += 0x10000;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    assert.equal(await status, 413);
    assert.ok(sent < 4 * 1024 * 1024, `answered only after ${sent} bytes`);
    assert.ok(sent >= MAX_BODY_BYTES);
  } finally {
    conn.close();
  }
});

Deno.test("POST /api/memories with a body that stops arriving gets 408 after the body timeout", async () => {
  await using home = tempHome();
  await using api = serve(home.path, { bodyTimeoutMs: 300 });
  const conn = await Deno.connect({ hostname: "127.0.0.1", port: api.port });
  try {
    await conn.write(new TextEncoder().encode(POST_HEAD("Content-Length: 100\r\n") + '{"ty'));
    assert.equal(await statusWithin(conn, 5_000), 408);
  } finally {
    conn.close();
  }
  assert.equal(BODY_TIMEOUT_MS, 10_000);
});
