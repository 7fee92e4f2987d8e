// An in-process MCP session: createServer(deps) linked to an SDK Client (InMemoryTransport).
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/inMemory"
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { Deps } from "../lib/deps.ts";
import type { Profile } from "../lib/mcp/profiles.ts";
import { createServer } from "../lib/mcp/server.ts";

/** A connected client over a server for `deps`; `await using` closes both. */
export async function connectMcp(
  deps: Deps,
  profile: Profile,
): Promise<{ client: Client } & AsyncDisposable> {
  const korva = createServer(deps, { profile });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "test-client", version: "1.0.0" });
  await Promise.all([korva.connect(serverSide), client.connect(clientSide)]);
  return {
    client,
    [Symbol.asyncDispose]: async () => {
      await client.close();
      await korva.close();
    },
  };
}

/** The initialize request a client sends first, as a raw JSON-RPC frame's object. */
export const INITIALIZE_REQUEST = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "raw", version: "1" },
  },
};
