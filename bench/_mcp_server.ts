// A korva MCP server (admin profile) on stdio with a chosen transport, for bench/mcp_big_frame.ts:
// `sdk` is the SDK's StdioServerTransport, `korva` the LimitedStdioTransport `korva mcp` uses.
// @ts-types="@modelcontextprotocol/sdk/server/stdio"
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
// @ts-types="@modelcontextprotocol/sdk/shared/transport"
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import process from "node:process";
import { createServer } from "../lib/mcp/server.ts";
import { LimitedStdioTransport } from "../lib/mcp/stdio_transport.ts";
import { processDeps } from "../main.ts";

const korva = createServer(processDeps(), { profile: "admin" });
const transport: Transport = Deno.args[0] === "sdk"
  ? new StdioServerTransport()
  : new LimitedStdioTransport(Deno.stdin.readable, Deno.stdout.writable);
const closed = new Promise<void>((resolve) => transport.onclose = () => resolve());
if (Deno.args[0] === "sdk") process.stdin.on("end", () => void transport.close());
await korva.connect(transport);
await closed;
await korva.close();
Deno.exit(0);
