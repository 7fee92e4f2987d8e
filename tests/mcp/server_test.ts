// createServer() linked to an SDK Client in process (InMemoryTransport): tools, profiles, errors.
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/inMemory"
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import assert from "node:assert/strict";
import { mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createServer } from "../../lib/mcp/server.ts";
import { type Profile, toolsFor } from "../../lib/mcp/profiles.ts";
import { recordFileUse } from "../../lib/capture/session_log.ts";
import { tempHome, tempRepo, testDeps } from "../_helpers.ts";
import { connectMcp } from "../_mcp.ts";

function connect(home: string, profile: Profile) {
  return connectMcp(testDeps(home), profile);
}

type Structured = Record<string, unknown>;
const structured = (result: unknown) =>
  (result as { structuredContent: Structured }).structuredContent;
const text = (result: unknown) =>
  ((result as { content: Array<{ text: string }> }).content[0]?.text) ?? "";

Deno.test("createServer() lists exactly the tools of each profile", async (t) => {
  await using home = tempHome();
  for (const profile of ["readonly", "agent", "admin"] as const) {
    await t.step(profile, async () => {
      await using session = await connect(home.korvaHome, profile);
      const { tools } = await session.client.listTools();
      assert.deepEqual(tools.map((tool) => tool.name).sort(), [...toolsFor(profile)].sort());
      for (const tool of tools) {
        assert.ok(
          tool.description && tool.description.length > 40,
          `${tool.name} has a description`,
        );
        assert.ok(tool.annotations, `${tool.name} has annotations`);
      }
    });
  }
});

Deno.test("vault_save, vault_search, vault_get and vault_context work together", async () => {
  await using home = tempHome();
  await using session = await connect(home.korvaHome, "agent");
  const { client } = session;
  const saved = await client.callTool({
    name: "vault_save",
    arguments: {
      type: "incident",
      title: "Double charge: lock by payment_id",
      content: "Keyed the Redis lock by payment_id; token ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
      why: "users pay with several cards concurrently",
      files: ["src/payments/**"],
      project: "acme",
    },
  });
  assert.equal(saved.isError, undefined, text(saved));
  const { id, duplicate, redacted } = structured(saved) as {
    id: string;
    duplicate: boolean;
    redacted: Record<string, number>;
  };
  assert.equal(duplicate, false);
  assert.ok(Object.values(redacted).reduce((a, b) => a + b, 0) >= 1, "the token was redacted");

  const search = await client.callTool({
    name: "vault_search",
    arguments: { query: "payment lock" },
  });
  const results =
    (structured(search) as { results: Array<{ id: string; snippet: string }> }).results;
  assert.equal(results[0]?.id, id);

  const got = await client.callTool({
    name: "vault_get",
    arguments: { ids: [id, "01ZZZZZZZZZZZZZZZZZZZZZZZZ"] },
  });
  const { memories, missing } = structured(got) as {
    memories: Array<{ content: string }>;
    missing: string[];
  };
  assert.match(memories[0]?.content ?? "", /\[REDACTED:/);
  assert.doesNotMatch(memories[0]?.content ?? "", /ghp_A1b2/);
  assert.deepEqual(missing, ["01ZZZZZZZZZZZZZZZZZZZZZZZZ"]);

  const context = await client.callTool({
    name: "vault_context",
    arguments: { project: "acme", files: ["src/payments/payments.ts"] },
  });
  const ctx = structured(context) as {
    memories: Array<{ id: string; reasons: string[] }>;
    text: string;
  };
  assert.equal(ctx.memories[0]?.id, id);
  assert.ok(ctx.memories[0]?.reasons.includes("anchored to src/payments/**"));
  const delta = await client.callTool({
    name: "vault_context",
    arguments: { project: "acme", files: ["src/payments/payments.ts"], delta: true },
  });
  assert.deepEqual((structured(delta) as { memories: unknown[] }).memories, [], "already seen");
});

Deno.test("vault_update, vault_supersede, sessions and vault_timeline", async () => {
  await using home = tempHome();
  await using session = await connect(home.korvaHome, "agent");
  const { client } = session;
  const start = await client.callTool({
    name: "vault_session_start",
    arguments: { goal: "retries", project: "p" },
  });
  const sessionId = (structured(start) as { session_id: string }).session_id;
  const saved = await client.callTool({
    name: "vault_save",
    arguments: { type: "decision", title: "Retry 3 times", content: "fixed delay", project: "p" },
  });
  const id = (structured(saved) as { id: string }).id;
  const updated = await client.callTool({
    name: "vault_update",
    arguments: { id, tags: ["retry"] },
  });
  const memory = (structured(updated) as { memory: { tags: string[]; session_id: string } }).memory;
  assert.deepEqual(memory.tags, ["retry"]);
  assert.equal(memory.session_id, sessionId);
  const sup = await client.callTool({
    name: "vault_supersede",
    arguments: { old_id: id, content: "exponential backoff with jitter" },
  });
  assert.equal((structured(sup) as { old_id: string }).old_id, id);
  const end = await client.callTool({
    name: "vault_session_end",
    arguments: { summary: "moved to backoff" },
  });
  assert.ok((structured(end) as { summary_id: string | null }).summary_id);
  const timeline = await client.callTool({ name: "vault_timeline", arguments: { project: "p" } });
  const titles = (structured(timeline) as { memories: Array<{ title: string }> }).memories.map((
    m,
  ) => m.title);
  assert.ok(titles.includes("Retry 3 times"));
  assert.ok(titles.some((t) => t.startsWith("Session summary")));
  const stats = await client.callTool({ name: "vault_stats", arguments: {} });
  assert.equal((structured(stats) as { total: number }).total, 3);
});

Deno.test("invalid arguments, unknown ids and tools outside the profile are tool errors", async () => {
  await using home = tempHome();
  await using session = await connect(home.korvaHome, "readonly");
  const { client } = session;
  const refused = await client.callTool({
    name: "vault_save",
    arguments: { type: "note", title: "t", content: "c" },
  });
  assert.equal(refused.isError, true);
  assert.equal(
    text(refused),
    'Tool "vault_save" is not available: this korva server runs the readonly profile and ' +
      "vault_save needs the agent profile. Ask the user to enable it in the editor's MCP " +
      "settings if it is needed; do not retry.",
  );
  const forget = await client.callTool({ name: "vault_forget", arguments: { id: "x".repeat(26) } });
  assert.match(text(forget), /vault_forget needs the admin profile/);
  await assert.rejects(
    client.callTool({ name: "constructor", arguments: {} }),
    (error: Error) =>
      error.message ===
        'MCP error -32602: Unknown tool "constructor": call tools/list for the tools',
  );
  const bad = await client.callTool({ name: "vault_search", arguments: { query: "", limit: 500 } });
  assert.equal(bad.isError, true);
  assert.match(text(bad), /query|limit/);
  const missing = await client.callTool({
    name: "vault_get",
    arguments: { ids: ["01ZZZZZZZZZZZZZZZZZZZZZZZZ"] },
  });
  assert.equal(missing.isError, true);
  assert.match(text(missing), /No memory with id/);
});

Deno.test("tool errors speak to the model: what was wrong and which tool to call, no CLI hints", async () => {
  await using home = tempHome();
  await using session = await connect(home.korvaHome, "admin");
  const { client } = session;
  const unknown = "01ZZZZZZZZZZZZZZZZZZZZZZZZ";
  for (
    const [name, args] of [
      ["vault_update", { id: unknown, title: "x" }],
      ["vault_forget", { id: unknown }],
      ["vault_supersede", { old_id: unknown, content: "x" }],
    ] as const
  ) {
    const result = await client.callTool({ name, arguments: args });
    assert.equal(result.isError, true, name);
    assert.equal(
      text(result),
      `No memory with id "${unknown}": call vault_search to find the id`,
      name,
    );
  }
  const session2 = await client.callTool({
    name: "vault_session_end",
    arguments: { session_id: unknown, summary: "s" },
  });
  assert.equal(
    text(session2),
    `No session with id "${unknown}": call vault_session_start first and use the id it returns`,
  );
});

Deno.test("a server whose vault cannot be opened still lists tools and answers with the reason", async () => {
  await using home = tempHome();
  writeFileSync(join(home.path, "blocker"), "a file, not a folder");
  const deps = testDeps(join(home.path, "blocker", "korva"));
  const korva = createServer(deps, { profile: "agent" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "t", version: "1" });
  await Promise.all([korva.connect(b), client.connect(a)]);
  try {
    const { tools } = await client.listTools();
    assert.ok(tools.length > 5);
    const result = await client.callTool({ name: "vault_stats", arguments: {} });
    assert.equal(result.isError, true);
    assert.match(text(result), /Cannot create the vault folder/);
  } finally {
    await client.close();
    await korva.close();
  }
});

Deno.test("resources and the korva-onboard prompt", async () => {
  await using home = tempHome();
  await using session = await connect(home.korvaHome, "agent");
  const { client } = session;
  const saved = await client.callTool({
    name: "vault_save",
    arguments: {
      type: "convention",
      title: "Use zod for schemas",
      content: "always",
      files: ["lib/**"],
    },
  });
  const id = (structured(saved) as { id: string }).id;
  const memory = await client.readResource({ uri: `korva://memory/${id}` });
  assert.match(String((memory.contents[0] as { text: string }).text), /Use zod for schemas/);
  const context = await client.readResource({ uri: "korva://context/lib/types.ts" });
  assert.match(String((context.contents[0] as { text: string }).text), /Use zod/);
  const prompt = await client.getPrompt({ name: "korva-onboard", arguments: {} });
  assert.match(JSON.stringify(prompt.messages), /vault_context/);
});

Deno.test("sentinel_check finds a debugger statement in given content", async () => {
  await using home = tempHome();
  await using session = await connect(home.korvaHome, "agent");
  const result = await session.client.callTool({
    name: "sentinel_check",
    arguments: { path: "src/app.ts", content: "const a = 1;\ndebugger;\n" },
  });
  assert.equal(result.isError, undefined, text(result));
  const out = structured(result) as { findings: Array<{ ruleId: string; line: number }> };
  assert.deepEqual(out.findings.map((f) => `${f.ruleId}:${f.line}`), [
    "hygiene/debugger-statement:2",
  ]);
  const missing = await session.client.callTool({ name: "sentinel_check", arguments: {} });
  assert.equal(missing.isError, true);
});

Deno.test("vault_save without scope takes defaultScope from config.json", async () => {
  await using home = tempHome();
  mkdirSync(home.korvaHome, { recursive: true });
  writeFileSync(
    join(home.korvaHome, "config.json"),
    JSON.stringify({ version: 1, defaultScope: "team" }),
  );
  await using session = await connect(home.korvaHome, "agent");
  const save = (title: string, scope?: string) =>
    session.client.callTool({
      name: "vault_save",
      arguments: {
        type: "note",
        title,
        content: title,
        project: "acme",
        ...(scope ? { scope } : {}),
      },
    });
  const { id } = structured(await save("no scope given")) as { id: string };
  const { id: explicit } = structured(await save("explicit", "private")) as { id: string };
  const got = await session.client.callTool({
    name: "vault_get",
    arguments: { ids: [id, explicit] },
  });
  const memories = (structured(got) as { memories: Array<{ id: string; scope: string }> }).memories;
  assert.deepEqual(memories.map((m) => [m.id, m.scope]), [[id, "team"], [explicit, "private"]]);
});

Deno.test("vault_save without files is anchored to what the session edited, and says what is missing", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "src/pay.ts": "x\n" });
  const run = join(home.korvaHome, "run");
  recordFileUse(run, "claude-1", {
    at: new Date().toISOString(),
    file: "src/pay.ts",
    edit: true,
    root: realpathSync(repo.path),
  });
  const korva = createServer(testDeps(home.korvaHome, { cwd: repo.path, now: new Date() }), {
    profile: "agent",
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "test-client", version: "1.0.0" });
  await Promise.all([korva.connect(serverSide), client.connect(clientSide)]);
  try {
    const saved = await client.callTool({
      name: "vault_save",
      arguments: { type: "decision", title: "Lock by payment_id", content: "Redis lock" },
    });
    const out = structured(saved) as { id: string; files: string[]; missing: string[] };
    assert.deepEqual(out.files, ["src/pay.ts"]);
    assert.deepEqual(out.missing, [
      "the why (the constraint or incident that forced the choice)",
      "the alternatives rejected and why",
    ]);
    assert.equal(
      text(saved),
      `Saved ${out.id}. Anchored to the files this session edited: src/pay.ts. To make it ` +
        "useful later, add the why (the constraint or incident that forced the choice); the " +
        `alternatives rejected and why (vault_update with id ${out.id}).`,
    );
  } finally {
    await client.close();
    await korva.close();
  }
});
