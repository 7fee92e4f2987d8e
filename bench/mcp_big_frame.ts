// One 9.9 MB MCP frame (vault_import of 3,900 records of 2,500 characters): time from its
// first byte to a parsed message in the SDK's StdioServerTransport and in korva's
// LimitedStdioTransport, same run, same 64 KiB chunks; then the whole vault_import through a
// server process with each transport. Run: deno run -A bench/mcp_big_frame.ts
// deno-lint-ignore-file no-console
// @ts-types="@modelcontextprotocol/sdk/server/stdio"
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/client/stdio"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { LimitedStdioTransport } from "../lib/mcp/stdio_transport.ts";
import { benchEnv } from "./_process.ts";

const CHUNK = 64 * 1024;
const memories = Array.from({ length: 3900 }, (_, i) => ({
  type: "note",
  title: `record ${i}`,
  content: "x".repeat(2500),
}));
const frame = new TextEncoder().encode(
  JSON.stringify({
    method: "tools/call",
    params: { name: "vault_import", arguments: { memories } },
    jsonrpc: "2.0",
    id: 2,
  }) + "\n",
);

async function timeSdk(): Promise<number> {
  const stdin = new PassThrough();
  const transport = new StdioServerTransport(stdin, new Writable({ write: (_c, _e, cb) => cb() }));
  const got = new Promise<void>((resolve) => transport.onmessage = () => resolve());
  await transport.start();
  const started = performance.now();
  for (let i = 0; i < frame.length; i += CHUNK) stdin.write(frame.subarray(i, i + CHUNK));
  await got;
  const ms = performance.now() - started;
  await transport.close();
  return ms;
}

async function timeKorva(): Promise<number> {
  let push: (chunk: Uint8Array) => void = () => {};
  const input = new ReadableStream<Uint8Array>({
    start: (controller) => push = (chunk) => controller.enqueue(chunk),
  });
  const transport = new LimitedStdioTransport(input, new WritableStream());
  const got = new Promise<void>((resolve) => transport.onmessage = () => resolve());
  await transport.start();
  const started = performance.now();
  for (let i = 0; i < frame.length; i += CHUNK) push(frame.slice(i, i + CHUNK));
  await got;
  const ms = performance.now() - started;
  await transport.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const RUNS = 7;
const sdk: number[] = [];
const korva: number[] = [];
for (let i = 0; i < RUNS; i++) {
  sdk.push(await timeSdk());
  korva.push(await timeKorva());
}
console.log(`cpu: ${Deno.build.arch} ${cpuModel()}`);
console.log(
  `frame: ${(frame.length / 1024 / 1024).toFixed(2)} MiB in ${
    CHUNK / 1024
  } KiB chunks, ${RUNS} runs each`,
);
console.log(
  `SDK StdioServerTransport  median ${median(sdk).toFixed(0)} ms  (runs: ${
    sdk.map((x) => x.toFixed(0)).join(", ")
  })`,
);
console.log(
  `LimitedStdioTransport     median ${median(korva).toFixed(0)} ms  (runs: ${
    korva.map((x) => x.toFixed(0)).join(", ")
  })`,
);

// The whole call through a korva MCP server process, SDK transport against korva's, same run:
// transport, schema checks, redaction and one transaction; CPU time from the child's rusage.
async function wholeCall(kind: "sdk" | "korva"): Promise<{ ms: number; error: boolean }> {
  const home = mkdtempSync(join(tmpdir(), "korva-big-frame-"));
  try {
    const transport = new StdioClientTransport({
      command: Deno.execPath(),
      args: ["run", "-A", "--quiet", SERVER, kind],
      env: benchEnv(home),
      stderr: "ignore",
    });
    const client = new Client({ name: "bench", version: "1" });
    await client.connect(transport);
    const started = performance.now();
    const result = await client.callTool(
      { name: "vault_import", arguments: { memories } },
      undefined,
      { timeout: 120_000 },
    );
    const ms = performance.now() - started;
    await client.close();
    return { ms, error: result.isError === true };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
const SERVER = new URL("./_mcp_server.ts", import.meta.url).pathname;
for (const kind of ["sdk", "korva", "sdk", "korva", "sdk", "korva"] as const) {
  const { ms, error } = await wholeCall(kind);
  console.log(
    `vault_import of the frame through a ${kind.padEnd(5)} transport: ${ms.toFixed(0)} ms${
      error ? " (tool error)" : ""
    }`,
  );
}

function cpuModel(): string {
  try {
    return Deno.readTextFileSync("/proc/cpuinfo").match(/model name\s*:\s*(.+)/)?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
}
