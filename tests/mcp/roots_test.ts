// Project identity without a working directory: the client's roots and absolute paths in tool
// arguments name the repository, so memories are not filed under the default project.
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/inMemory"
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
// @ts-types="@modelcontextprotocol/sdk/types"
import { ListRootsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createServer } from "../../lib/mcp/server.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { tempDir, tempHome, tempRepo, testDeps } from "../_helpers.ts";

const SAVE = {
  type: "decision",
  title: "Keep payments idempotent",
  content: "Keyed by payment_id.",
};

async function saveThrough(client: Client, args: Record<string, unknown>): Promise<string> {
  const result = await client.callTool({ name: "vault_save", arguments: { ...SAVE, ...args } });
  return (result.structuredContent as { id: string }).id;
}

Deno.test("an MCP server started outside a repository files saves under the client's root", async () => {
  await using home = tempHome();
  await using outside = tempDir();
  await using repo = tempRepo({ ".korva/config.yml": "project: shop\n" });
  const korva = createServer(testDeps(home.korvaHome, { cwd: outside.path }), { profile: "agent" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "t", version: "1" }, { capabilities: { roots: {} } });
  client.setRequestHandler(ListRootsRequestSchema, () => ({
    roots: [{ uri: pathToFileURL(repo.path).href, name: "shop" }],
  }));
  await Promise.all([korva.connect(b), client.connect(a)]);
  try {
    await new Promise((resolve) => setTimeout(resolve, 50)); // roots are asked after initialized
    const id = await saveThrough(client, {});
    using vault = openVault(join(home.korvaHome, "vault.db"));
    assert.equal(vault.get(id)?.project, "shop");
  } finally {
    await client.close();
    await korva.close();
  }
});

Deno.test("an MCP server without roots takes the repository from an absolute path in vault_save", async () => {
  await using home = tempHome();
  await using outside = tempDir();
  await using repo = tempRepo({ ".korva/config.yml": "project: shop\n", "src/pay.ts": "x\n" });
  const korva = createServer(testDeps(home.korvaHome, { cwd: outside.path }), { profile: "agent" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "t", version: "1" });
  await Promise.all([korva.connect(b), client.connect(a)]);
  try {
    const id = await saveThrough(client, { files: [join(repo.path, "src", "pay.ts")] });
    using vault = openVault(join(home.korvaHome, "vault.db"));
    assert.equal(vault.get(id)?.project, "shop");
  } finally {
    await client.close();
    await korva.close();
  }
});
