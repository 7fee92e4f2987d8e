// serveGuarded(): the header deadline and idle timeout Deno.serve lacks, over raw sockets.
import assert from "node:assert/strict";
import { serveGuarded } from "../../lib/service/guard.ts";

/** Resolves with what the server sent before closing, or "open" when `ms` passes first. */
async function closedWithin(conn: Deno.Conn, ms: number): Promise<string> {
  const buffer = new Uint8Array(4096);
  let text = "";
  const deadline = new Promise<"open">((resolve) => setTimeout(() => resolve("open"), ms));
  const drain = (async () => {
    for (;;) {
      const n = await conn.read(buffer).catch(() => null);
      if (n === null) return text;
      text += new TextDecoder().decode(buffer.subarray(0, n));
    }
  })();
  return await Promise.race([drain, deadline]);
}

function guarded() {
  const server = serveGuarded(
    { hostname: "127.0.0.1", port: 0, headerTimeoutMs: 300, idleTimeoutMs: 600 },
    async (request) => new Response(`got ${(await request.text()).length}`),
  );
  return { ...server, [Symbol.asyncDispose]: () => server.shutdown(100) };
}

Deno.test("serveGuarded() closes a connection that does not finish its headers in time", async () => {
  await using server = guarded();
  const conn = await Deno.connect({ hostname: "127.0.0.1", port: server.port });
  try {
    await conn.write(new TextEncoder().encode("GET / HTTP/1.1\r\nHost: local"));
    assert.equal(await closedWithin(conn, 3_000), "");
  } finally {
    conn.close();
  }
});

Deno.test("serveGuarded() serves a complete request and closes the connection once idle", async () => {
  await using server = guarded();
  const conn = await Deno.connect({ hostname: "127.0.0.1", port: server.port });
  try {
    await conn.write(
      new TextEncoder().encode(
        "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\nabc",
      ),
    );
    const text = await closedWithin(conn, 3_000);
    assert.match(text, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(text, /\r\n\r\ngot 3$/);
  } finally {
    conn.close();
  }
});

Deno.test("serveGuarded() answers fetch() like Deno.serve", async () => {
  await using server = guarded();
  const response = await fetch(`http://127.0.0.1:${server.port}/`, { method: "POST", body: "xy" });
  assert.equal(await response.text(), "got 2");
});
