// korva mcp over stdio, driven by the SDK Client: the way editors use it.
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/client/stdio"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { baseEnv, MAIN, runKorva, tempHome, writeFiles } from "../_helpers.ts";
import { INITIALIZE_REQUEST } from "../_mcp.ts";

async function spawnServer(env: Record<string, string>, profile = "agent") {
  const transport = new StdioClientTransport({
    command: Deno.execPath(),
    args: ["run", "-A", "--quiet", MAIN, "mcp", "--profile", profile],
    env: { ...baseEnv(), ...env },
    stderr: "pipe",
  });
  const client = new Client({ name: "e2e-client", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

Deno.test("korva mcp answers initialize and tools/list over stdio, per profile", async () => {
  await using home = tempHome();
  const client = await spawnServer(home.env, "readonly");
  try {
    assert.equal(client.getServerVersion()?.name, "korva");
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name).sort();
    assert.deepEqual(names, [
      "vault_candidates",
      "vault_context",
      "vault_get",
      "vault_search",
      "vault_stats",
      "vault_timeline",
    ]);
  } finally {
    await client.close();
  }
});

Deno.test("korva mcp saves and finds a memory the CLI then sees", async () => {
  await using home = tempHome();
  const client = await spawnServer(home.env);
  try {
    const saved = await client.callTool({
      name: "vault_save",
      arguments: {
        type: "decision",
        title: "Payment locks use payment_id",
        content: "Redis lock with 30 s TTL",
        project: "acme",
      },
    });
    const id = (saved.structuredContent as { id: string }).id;
    const found = await client.callTool({
      name: "vault_search",
      arguments: { query: "payment id lock" },
    });
    assert.equal(
      (found.structuredContent as { results: Array<{ id: string }> }).results[0]?.id,
      id,
    );
    const bad = await client.callTool({
      name: "vault_save",
      arguments: { type: "story", title: "t", content: "c" },
    });
    assert.equal(bad.isError, true);
  } finally {
    await client.close();
  }
  const cli = await runKorva(["list", "--project", "acme", "--json"], { env: home.env });
  assert.equal(JSON.parse(cli.stdout)[0].title, "Payment locks use payment_id");
});

Deno.test("two korva mcp servers write the same vault at once without losing a save", async () => {
  await using home = tempHome();
  const [a, b] = await Promise.all([spawnServer(home.env), spawnServer(home.env)]);
  try {
    const saves = (client: Client, label: string) =>
      Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          client.callTool({
            name: "vault_save",
            arguments: {
              type: "note",
              title: `${label} ${i}`,
              content: `from ${label}`,
              project: "p",
            },
          })),
      );
    const results = [...await saves(a, "a"), ...await saves(b, "b")].flat();
    assert.equal(results.filter((r) => r.isError).length, 0);
    const stats = await a.callTool({ name: "vault_stats", arguments: {} });
    assert.equal((stats.structuredContent as { total: number }).total, 50);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

Deno.test("korva mcp with an invalid config.json fails closed: it refuses to start and logs why", async () => {
  await using home = tempHome();
  // The config asks for readonly but has a typo elsewhere: the agent profile must not win.
  writeFiles(home.korvaHome, {
    "config.json": '{"mcp": {"profile": "readonly"}, "servce": {"port": 7437}}\n',
  });
  const config = join(home.korvaHome, "config.json");
  const reason =
    `Cannot start the MCP server: Cannot read config "${config}": Unrecognized key: "servce"`;
  for (const args of [["mcp"], ["mcp", "--profile", "agent"]]) {
    const result = await runKorva(args, { env: home.env, stdin: "" });
    assert.equal(result.code, 2, args.join(" "));
    assert.equal(result.stdout, "", "nothing on the protocol channel");
    assert.equal(
      result.stderr,
      `korva: ${reason}\nhint: fix config.json by hand (korva doctor names the field); korva never replaces it\n`,
    );
  }
  const log = readFileSync(join(home.korvaHome, "logs", "mcp.log"), "utf8").trim().split("\n")
    .map((line) => JSON.parse(line));
  assert.deepEqual(
    log.map((entry) => [entry.message, entry.reason]),
    [["mcp server refused to start", reason], ["mcp server refused to start", reason]],
  );
});

Deno.test("korva mcp with an invalid config.json serves no tool: it exits 2 after answering only initialize and tools/list", async () => {
  await using home = tempHome();
  writeFiles(home.korvaHome, {
    "config.json": '{"mcp": {"profile": "readonly"}, "servce": {"port": 7437}}\n',
  });
  const frames = [
    INITIALIZE_REQUEST,
    { jsonrpc: "2.0", method: "notifications/initialized" },
    { jsonrpc: "2.0", id: 2, method: "tools/list" },
    { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "vault_stats", arguments: {} } },
  ];
  const result = await runKorva(["mcp"], {
    env: home.env,
    stdin: frames.map((frame) => JSON.stringify(frame) + "\n").join(""),
  });
  assert.equal(result.code, 2);
  // The front answers from korva's own data while the config is validated; no tool runs.
  const replies = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.deepEqual(replies.map((reply) => reply.id), [1, 2]);
  assert.deepEqual(
    replies[1].result.tools.map((tool: { name: string }) => tool.name),
    [
      "vault_context",
      "vault_search",
      "vault_get",
      "vault_timeline",
      "vault_stats",
      "vault_candidates",
    ],
    "the readonly profile the file names",
  );
  const config = join(home.korvaHome, "config.json");
  assert.equal(
    result.stderr,
    `korva: Cannot start the MCP server: Cannot read config "${config}": Unrecognized key: "servce"\n` +
      "hint: fix config.json by hand (korva doctor names the field); korva never replaces it\n",
  );
});
