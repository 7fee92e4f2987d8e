// MCP over stdio: cold start (spawn → initialize → tools/list) and vault_search round trips at
// 10k memories, against the bare `deno` floor. Run: deno run -A bench/mcp_stdio.ts
// deno-lint-ignore-file no-console
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/client/stdio"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchEnv, MAIN, summary, timeDenoFloor } from "./_process.ts";
import { BENCH_QUERIES, copyBenchVault } from "./fixtures.ts";

const home = mkdtempSync(join(tmpdir(), "korva-mcp-bench-"));
const env = benchEnv(home);
async function connect(): Promise<Client> {
  const transport = new StdioClientTransport({
    command: Deno.execPath(),
    args: ["run", "-A", "--quiet", MAIN, "mcp"],
    env,
    stderr: "ignore",
  });
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(transport);
  return client;
}
try {
  copyBenchVault(10_000, join(home, "vault.db"));
  const floor = summary(Array.from({ length: 10 }, timeDenoFloor));
  const starts: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    const client = await connect();
    await client.listTools();
    starts.push(performance.now() - started);
    await client.close();
  }
  const cold = summary(starts);
  console.log(
    `cold start to tools/list (deno run): p50 ${cold.p50} ms, p95 ${cold.p95} ms (${
      (cold.p50 / floor.p50).toFixed(1)
    }× the bare deno floor of ${floor.p50} ms)`,
  );
  const client = await connect();
  const queries = BENCH_QUERIES;
  const rounds: number[] = [];
  for (let i = 0; i < 220; i++) {
    const started = performance.now();
    await client.callTool({
      name: "vault_search",
      arguments: { query: queries[i % queries.length], limit: 10 },
    });
    if (i >= 20) rounds.push(performance.now() - started);
  }
  await client.close();
  const s = summary(rounds);
  console.log(
    `vault_search round trip at 10k (${rounds.length} calls): p50 ${s.p50} ms, p95 ${s.p95} ms`,
  );
} finally {
  rmSync(home, { recursive: true, force: true });
}
