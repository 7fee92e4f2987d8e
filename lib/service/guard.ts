// A TCP front for the HTTP service that enforces what Deno.serve cannot be told: a client must
// send its first request's headers within a deadline, and a connection idle in both directions
// is closed. Behind it, Deno.serve listens on an ephemeral loopback port.

/** How long a new connection may take to send its first request's headers. */
export const HEADER_TIMEOUT_MS = 10_000;
/** How long a connection may stay silent in both directions. */
export const IDLE_TIMEOUT_MS = 30_000;

/** Options for serveGuarded (tests shorten the timeouts). */
export interface GuardOptions {
  hostname: string;
  port: number;
  headerTimeoutMs?: number;
  idleTimeoutMs?: number;
}

/** A guarded server: its public address, and a stop that closes every connection. */
export interface GuardedServer {
  port: number;
  finished: Promise<void>;
  /**
   * Stop accepting and let open requests finish; after `graceMs` every connection still open
   * is closed.
   */
  shutdown(graceMs: number): Promise<void>;
}

const HEADER_END = [13, 10, 13, 10];

/** Serve `handler` behind the guard; throws like Deno.listen when the port is taken. */
export function serveGuarded(
  options: GuardOptions,
  handler: (request: Request) => Response | Promise<Response>,
): GuardedServer {
  const listener = Deno.listen({ hostname: options.hostname, port: options.port });
  const inner = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, handler);
  const open = new Set<Deno.Conn>();
  const headerTimeout = options.headerTimeoutMs ?? HEADER_TIMEOUT_MS;
  const idleTimeout = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;

  const relay = async (client: Deno.Conn) => {
    let upstream: Deno.Conn;
    try {
      upstream = await Deno.connect({ hostname: "127.0.0.1", port: inner.addr.port });
    } catch {
      client.close();
      return;
    }
    open.add(client).add(upstream);
    // Relayed writes come in pieces (headers, then body): Nagle would hold them back.
    (client as Deno.TcpConn).setNoDelay?.(true);
    (upstream as Deno.TcpConn).setNoDelay?.(true);
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearTimeout(header);
      clearTimeout(idle);
      for (const conn of [client, upstream]) {
        open.delete(conn);
        try {
          conn.close();
        } catch {
          // Already closed by the other side.
        }
      }
    };
    const header = setTimeout(close, headerTimeout);
    let idle = setTimeout(close, idleTimeout);
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(close, idleTimeout);
    };
    let matched = 0;
    let headersSeen = false;
    const watchRequest = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        touch();
        if (!headersSeen) {
          for (const byte of chunk) {
            matched = byte === HEADER_END[matched] ? matched + 1 : byte === 13 ? 1 : 0;
            if (matched === HEADER_END.length) {
              headersSeen = true;
              clearTimeout(header);
              break;
            }
          }
        }
        controller.enqueue(chunk);
      },
    });
    const watchResponse = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        touch();
        controller.enqueue(chunk);
      },
    });
    await Promise.allSettled([
      // A client that half-closes after its request still gets the response.
      client.readable.pipeThrough(watchRequest).pipeTo(upstream.writable, { preventClose: true })
        .then(() => upstream.closeWrite()),
      upstream.readable.pipeThrough(watchResponse).pipeTo(client.writable),
    ]);
    close();
  };

  const accepting = (async () => {
    try {
      for await (const conn of listener) void relay(conn);
    } catch {
      // The listener was closed by shutdown().
    }
  })();

  return {
    port: (listener.addr as Deno.NetAddr).port,
    finished: Promise.all([accepting, inner.finished]).then(() => {}),
    shutdown: async (graceMs) => {
      try {
        listener.close();
      } catch {
        // Already closed.
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<void>((resolve) => timer = setTimeout(resolve, graceMs));
      await Promise.race([inner.shutdown(), grace]);
      clearTimeout(timer);
      for (const conn of [...open]) {
        try {
          conn.close();
        } catch {
          // Already closed.
        }
      }
      open.clear();
      await Promise.race([inner.finished, new Promise((resolve) => setTimeout(resolve, 500))]);
    },
  };
}
