// The optional embeddings server: a real HTTP server on 127.0.0.1 started by the test, speaking
// the OpenAI embeddings API with a toy model (one dimension per topic word).
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/inMemory"
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import assert from "node:assert/strict";
import { createServer } from "../../lib/mcp/server.ts";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { embed, embeddingEndpoint } from "../../lib/recall/embeddings.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { runKorva, tempHome, testDeps } from "../_helpers.ts";

const TOPICS = [
  ["refund", "money back", "reimburse", "rückerstattung"],
  ["session", "login"],
  ["deploy", "release"],
];

/** One dimension per topic: 1 when the text mentions any of its words. */
function toyEmbedding(text: string): number[] {
  const lower = text.toLowerCase();
  return TOPICS.map((words) => (words.some((w) => lower.includes(w)) ? 1 : 0.01));
}

function startServer() {
  const requests: { model: string; input: string[] }[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
    const body = await req.json() as { model: string; input: string[] };
    requests.push(body);
    return Response.json({
      object: "list",
      data: body.input.map((text, index) => ({
        object: "embedding",
        index,
        embedding: toyEmbedding(text),
      })),
      model: body.model,
    });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}/v1/embeddings`,
    requests,
    [Symbol.asyncDispose]: () => server.shutdown(),
  };
}

/**
 * A refund decision written in German (korva's own word vectors know no German, so only the
 * embeddings can connect it to an English question) and a note that shares the word "money" with
 * the test's question.
 */
function seedVault(korvaHome: string): void {
  using vault = openVault(join(korvaHome, "vault.db"), { project: "shop" });
  vault.save({
    type: "decision",
    title: "Rückerstattung",
    content: "Rückerstattungen laufen über den Anbieter.",
  });
  vault.save({ type: "note", title: "Guarantee wording", content: "Say money is never lost." });
}

function useServer(korvaHome: string, url: string): void {
  writeFileSync(
    join(korvaHome, "config.json"),
    JSON.stringify({ recall: { embeddings: { url, model: "toy" } } }),
  );
}

Deno.test("korva search with recall.embeddings also finds a memory by the local server's embeddings", async () => {
  await using home = tempHome();
  await using server = startServer();
  seedVault(home.korvaHome);
  const query = ["search", "give", "customers", "their", "money", "back", "--json"];
  const plain = await runKorva(query, { env: home.env });
  assert.equal(plain.code, 0, plain.stderr);
  const titles = (stdout: string) =>
    (JSON.parse(stdout) as { title: string }[]).map((m) => m.title);
  assert.deepEqual(titles(plain.stdout), ["Guarantee wording"]);
  useServer(home.korvaHome, server.url);
  const result = await runKorva(query, { env: home.env });
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(titles(result.stdout), ["Guarantee wording", "Rückerstattung"]);
  assert.deepEqual(server.requests.map((r) => [r.model, r.input.length]), [["toy", 2], ["toy", 1]]);
  const again = await runKorva(query, { env: home.env });
  assert.equal(again.code, 0, again.stderr);
  assert.equal(
    server.requests.length,
    3,
    "memories are embedded once; later searches embed only the query",
  );
});

Deno.test("embeddingEndpoint() refuses a server that is not on this machine", () => {
  assert.throws(
    () => embeddingEndpoint({ url: "https://api.example.com/v1/embeddings", model: "m" }),
    {
      message:
        'Cannot use the embeddings server "https://api.example.com/v1/embeddings": korva only calls a server on this machine (127.0.0.1, localhost or [::1])',
    },
  );
});

Deno.test("embed() names the server in one sentence when nothing listens there", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  await assert.rejects(
    () => embed({ url: `http://127.0.0.1:${port}/v1/embeddings`, model: "m" }, ["x"]),
    (error: Error) =>
      error.message.startsWith(
        `Cannot get embeddings from "http://127.0.0.1:${port}/v1/embeddings": `,
      ) &&
      !error.message.includes("\n"),
  );
});

Deno.test("Vault keeps one embedding per memory and drops it when the memory's text changes", async () => {
  await using home = tempHome();
  using vault = openVault(join(home.korvaHome, "vault.db"));
  const id =
    vault.save({ type: "note", title: "Release train", content: "Every Tuesday." }).memory.id;
  assert.deepEqual(vault.missingEmbeddings("toy", 10), [{
    id,
    text: "Release train\nEvery Tuesday.",
  }]);
  vault.storeEmbeddings("toy", [{ id, vector: Int8Array.from([1, 2, 3]) }]);
  assert.deepEqual(vault.missingEmbeddings("toy", 10), []);
  assert.deepEqual([...(vault.embeddings("toy")?.get(id) ?? [])], [1, 2, 3]);
  vault.update(id, { content: "Every Thursday." });
  assert.equal(vault.embeddings("toy")?.size, 0);
  assert.equal(vault.missingEmbeddings("toy", 10).length, 1);
});

Deno.test("vault_search with recall.embeddings also finds a memory by the local server's embeddings", async () => {
  await using home = tempHome();
  await using server = startServer();
  seedVault(home.korvaHome);
  useServer(home.korvaHome, server.url);
  const korva = createServer(testDeps(home.korvaHome), { profile: "agent" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "t", version: "1" });
  await Promise.all([korva.connect(b), client.connect(a)]);
  try {
    const result = await client.callTool({
      name: "vault_search",
      arguments: { query: "give customers their money back" },
    });
    const results = (result.structuredContent as { results: { title: string }[] }).results;
    assert.deepEqual(results.map((r) => r.title), ["Guarantee wording", "Rückerstattung"]);
  } finally {
    await client.close();
    await korva.close();
  }
});
