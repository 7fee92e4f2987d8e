// korva mcp at the protocol's edges: oversize frames and invalid JSON-RPC requests, over real
// stdio (raw bytes, and the SDK Client).
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/client/stdio"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
// @ts-types="@modelcontextprotocol/sdk/types"
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { baseEnv, MAIN, tempHome } from "../_helpers.ts";
import { INITIALIZE_REQUEST } from "../_mcp.ts";

const INITIALIZE = JSON.stringify(INITIALIZE_REQUEST);

/** Spawn korva mcp, write lines, and collect response lines until every id in `ids` answered. */
async function exchange(env: Record<string, string>, lines: string[], ids: unknown[]) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", MAIN, "mcp", "--profile", "admin"],
    env: { ...baseEnv(), ...env },
    clearEnv: true,
    stdin: "piped",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(lines.map((l) => l + "\n").join("")));
  const replies = new Map<unknown, Record<string, unknown>>();
  let buffered = "";
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  const deadline = setTimeout(() => void writer.close().catch(() => {}), 20_000);
  while (ids.some((id) => !replies.has(id))) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += value;
    let newline: number;
    while ((newline = buffered.indexOf("\n")) !== -1) {
      const message = JSON.parse(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      replies.set(message.id, message);
    }
  }
  clearTimeout(deadline);
  await writer.close().catch(() => {});
  await reader.cancel();
  const status = await child.status;
  return { replies, code: status.code };
}

Deno.test("korva mcp answers invalid JSON-RPC requests that carry an id with the JSON-RPC error", async () => {
  await using home = tempHome();
  const cases: Array<[string, number, number, string]> = [
    [
      '{"jsonrpc":"2.0","id":7,"method":42}',
      7,
      -32600,
      'Invalid Request: "method" must be a string',
    ],
    [
      '{"jsonrpc":"1.0","id":8,"method":"tools/list"}',
      8,
      -32600,
      'Invalid Request: "jsonrpc" must be "2.0"',
    ],
    [
      '{"jsonrpc":"2.0","id":"nine","method":"tools/call","params":{"arguments":{}}}',
      "nine" as unknown as number,
      -32602,
      'Invalid params for tools/call: "params.name": Invalid input: expected string, received undefined',
    ],
    ['{"jsonrpc":"2.0","method":"tools/list","id":10,}', 10, -32700, ""],
  ];
  const { replies, code } = await exchange(
    home.env,
    [INITIALIZE, ...cases.map(([line]) => line)],
    [1, ...cases.map(([, id]) => id)],
  );
  assert.equal(code, 0);
  for (const [line, id, errorCode, message] of cases) {
    const reply = replies.get(id) as { error?: { code: number; message: string } } | undefined;
    assert.equal(reply?.error?.code, errorCode, line);
    if (message) assert.equal(reply?.error?.message, message);
    else assert.match(reply?.error?.message ?? "", /^Parse error: /);
  }
});

Deno.test("korva mcp refuses a vault_import over 10 MiB with an error the client sees, and keeps serving", async () => {
  await using home = tempHome();
  const transport = new StdioClientTransport({
    command: Deno.execPath(),
    args: ["run", "-A", "--quiet", MAIN, "mcp", "--profile", "admin"],
    env: { ...baseEnv(), ...home.env },
    stderr: "pipe",
  });
  const client = new Client({ name: "e2e-client", version: "1.0.0" });
  await client.connect(transport);
  try {
    const { tools } = await client.listTools();
    assert.match(
      tools.find((t) => t.name === "vault_import")?.description ?? "",
      /under 10 MiB of JSON/,
    );
    // The issue's figure: 5,000 records of 2,500 characters, 12.8 MB.
    const memories = Array.from({ length: 5000 }, (_, i) => ({
      type: "note",
      title: `record ${i}`,
      content: "x".repeat(2500),
    }));
    await assert.rejects(
      client.callTool({ name: "vault_import", arguments: { memories } }),
      (error: unknown) => {
        assert.ok(error instanceof McpError);
        assert.equal(error.code, -32600);
        assert.match(
          error.message,
          /^MCP error -32600: Request too large: 12\.\d MiB is over korva's 10\.0 MiB limit per message; send it in smaller parts \(vault_import: fewer records per call\)$/,
        );
        return true;
      },
    );
    const stats = await client.callTool({ name: "vault_stats", arguments: {} });
    assert.equal((stats.structuredContent as { total: number }).total, 0);
  } finally {
    await client.close();
  }
  const log = readFileSync(join(home.korvaHome, "logs", "mcp.log"), "utf8").trim().split("\n")
    .map((line) => JSON.parse(line));
  const refused = log.find((entry) => entry.message === "mcp request refused");
  assert.match(refused?.reason ?? "", /^Request too large: 12\.\d MiB/);
  assert.ok(refused.bytes > 10 * 1024 * 1024);
});
