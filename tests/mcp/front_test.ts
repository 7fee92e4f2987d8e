// lib/mcp/front.ts answers initialize, ping and tools/list before the SDK loads: its answers must
// be the SDK server's, byte for byte, and whatever it leaves to the SDK, or hands over, must be
// answered by the SDK as it would have been without the front.
// @ts-types="@modelcontextprotocol/sdk/types"
import {
  LATEST_PROTOCOL_VERSION,
  SUPPORTED_PROTOCOL_VERSIONS,
} from "@modelcontextprotocol/sdk/types.js";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveSession } from "../../commands/mcp_session.ts";
import { defaultConfig } from "../../lib/config.ts";
import { FrontAnswers, serveFront } from "../../lib/mcp/front.ts";
import INITIALIZE from "../../lib/mcp/initialize.json" with { type: "json" };
import { DEFAULT_PROFILE, type Profile, PROFILES } from "../../lib/mcp/profiles.ts";
import { createServer } from "../../lib/mcp/server.ts";
import { LimitedStdioTransport } from "../../lib/mcp/stdio_transport.ts";
import { tempHome, testDeps } from "../_helpers.ts";

type Frame = Record<string, unknown>;
const VERSION = "0.0.0-test";

function initialize(params: Record<string, unknown>, id: string | number = 1): Frame {
  return { jsonrpc: "2.0", id, method: "initialize", params };
}

const PLAIN = {
  protocolVersion: "2025-06-18",
  capabilities: {},
  clientInfo: { name: "front-test", version: "1" },
};

/** Reads newline-delimited lines from a byte stream. */
function lineReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  return {
    async next(): Promise<string> {
      for (;;) {
        const newline = buffered.indexOf("\n");
        if (newline >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          return line;
        }
        const { done, value } = await reader.read();
        if (done) throw new Error(`the server closed its output; unread: ${buffered}`);
        buffered += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

/** The SDK server's reply lines to `frames` (requests only), over korva's stdio transport. */
async function sdkReplies(profile: Profile, frames: Frame[]): Promise<string[]> {
  await using home = tempHome();
  const korva = createServer(testDeps(home.path), { profile });
  const input = new TransformStream<Uint8Array, Uint8Array>();
  const output = new TransformStream<Uint8Array, Uint8Array>();
  await korva.connect(new LimitedStdioTransport(input.readable, output.writable));
  const writer = input.writable.getWriter();
  const lines = lineReader(output.readable);
  const replies: string[] = [];
  try {
    for (const frame of frames) {
      await writer.write(new TextEncoder().encode(JSON.stringify(frame) + "\n"));
      if ("id" in frame) replies.push(await lines.next());
    }
  } finally {
    await writer.close();
    await korva.close();
    await lines.cancel();
  }
  return replies;
}

/** The front's reply lines to `frames`; undefined for a frame it leaves to the SDK. */
function frontReplies(profile: Profile, frames: Frame[]): Array<string | undefined> {
  const answers = new FrontAnswers(profile, VERSION);
  return frames.map((frame) => {
    const step = answers.answer(JSON.stringify(frame));
    return step?.reply?.replace(/\n$/, "");
  });
}

Deno.test("lib/mcp/initialize.json holds the SDK's protocol versions and each profile's capabilities", async () => {
  const capabilities: Record<string, unknown> = {};
  for (const profile of PROFILES) {
    const [reply] = await sdkReplies(profile, [initialize(PLAIN)]);
    capabilities[profile] = JSON.parse(reply ?? "{}").result.capabilities;
  }
  const live = {
    latestProtocolVersion: LATEST_PROTOCOL_VERSION,
    supportedProtocolVersions: SUPPORTED_PROTOCOL_VERSIONS,
    capabilities,
  };
  if (Deno.env.get("KORVA_UPDATE_TOOLS_LIST")) {
    const file = fileURLToPath(new URL("../../lib/mcp/initialize.json", import.meta.url));
    writeFileSync(file, JSON.stringify(live, null, 2) + "\n");
  }
  assert.deepEqual(
    INITIALIZE,
    live,
    "regenerate: KORVA_UPDATE_TOOLS_LIST=1 deno test -A tests/mcp/front_test.ts",
  );
});

Deno.test("the front's default profile is config.json's default", () => {
  assert.equal(DEFAULT_PROFILE, defaultConfig().mcp.profile);
});

Deno.test("FrontAnswers answers initialize, ping and tools/list with the SDK's bytes, per profile", async (t) => {
  const versions = [...SUPPORTED_PROTOCOL_VERSIONS, "1999-01-01"];
  for (const profile of PROFILES) {
    for (const version of versions) {
      await t.step(`${profile}, protocol ${version}`, async () => {
        const frames = [
          initialize({ ...PLAIN, protocolVersion: version }, "init-1"),
          { jsonrpc: "2.0", id: 2, method: "ping" },
          { jsonrpc: "2.0", id: 3, method: "tools/list" },
          { jsonrpc: "2.0", id: 4, method: "tools/list", params: { cursor: "x", _meta: {} } },
          { jsonrpc: "2.0", id: 5, method: "ping", params: { _meta: { progressToken: 7 } } },
        ];
        assert.deepEqual(frontReplies(profile, frames), await sdkReplies(profile, frames));
      });
    }
  }
});

/** initialize requests the SDK accepts, in shapes editors send. */
const ACCEPTED: Array<[string, Record<string, unknown>]> = [
  ["roots, sampling, elicitation", {
    ...PLAIN,
    capabilities: { roots: { listChanged: true }, sampling: {}, elicitation: {} },
  }],
  ["elicitation form and url, experimental, extensions", {
    ...PLAIN,
    capabilities: {
      elicitation: { form: { applyDefaults: true }, url: {} },
      experimental: { x: {} },
      extensions: { "io.x/y": {} },
    },
  }],
  ["tasks", {
    ...PLAIN,
    capabilities: {
      tasks: { list: {}, cancel: {}, requests: { sampling: { createMessage: {} } } },
    },
  }],
  ["a full clientInfo and _meta", {
    ...PLAIN,
    _meta: { progressToken: "p" },
    clientInfo: {
      name: "n",
      version: "1",
      title: "t",
      websiteUrl: "https://example.org",
      description: "d",
      icons: [{ src: "data:,", mimeType: "image/png", sizes: ["48x48"], theme: "dark" }],
    },
  }],
  ["an unknown capability", { ...PLAIN, capabilities: { somethingNew: { a: 1 } } }],
];

/** initialize requests the SDK refuses: the front must leave every one to it. */
const REFUSED: Array<[string, Frame]> = [
  ["no params", { jsonrpc: "2.0", id: 1, method: "initialize" }],
  ["params null", { jsonrpc: "2.0", id: 1, method: "initialize", params: null }],
  ["protocolVersion a number", initialize({ ...PLAIN, protocolVersion: 20250618 })],
  ["no clientInfo", initialize({ protocolVersion: "2025-06-18", capabilities: {} })],
  ["clientInfo without version", initialize({ ...PLAIN, clientInfo: { name: "x" } })],
  [
    "roots.listChanged a string",
    initialize({
      ...PLAIN,
      capabilities: { roots: { listChanged: "yes" } },
    }),
  ],
  ["sampling an array", initialize({ ...PLAIN, capabilities: { sampling: [] } })],
  [
    "an icon without src",
    initialize({ ...PLAIN, clientInfo: { ...PLAIN.clientInfo, icons: [{}] } }),
  ],
  ["a fractional id", initialize(PLAIN, 1.5)],
  ["an extra top-level member", { ...initialize(PLAIN), extra: true }],
  ["a progressToken object", initialize({ ...PLAIN, _meta: { progressToken: {} } })],
];

Deno.test("FrontAnswers answers the initialize shapes editors send as the SDK does", async (t) => {
  for (const [name, params] of ACCEPTED) {
    await t.step(name, async () => {
      const frames = [initialize(params)];
      const front = frontReplies("agent", frames);
      assert.notEqual(front[0], undefined, "the front answers it");
      assert.deepEqual(front, await sdkReplies("agent", frames));
    });
  }
});

Deno.test("FrontAnswers leaves every initialize the SDK refuses to the SDK", async (t) => {
  for (const [name, frame] of REFUSED) {
    await t.step(name, async () => {
      assert.deepEqual(frontReplies("agent", [frame]), [undefined]);
      const [reply] = await sdkReplies("agent", [frame]);
      assert.ok(JSON.parse(reply ?? "{}").error, `the SDK refuses it too: ${reply}`);
    });
  }
});

Deno.test("FrontAnswers leaves to the SDK what comes before initialize and what it does not serve", () => {
  const answers = new FrontAnswers("agent", VERSION);
  const json = (frame: Frame) => JSON.stringify(frame);
  assert.equal(answers.answer(json({ jsonrpc: "2.0", id: 1, method: "tools/list" })), undefined);
  assert.equal(
    answers.answer(json({ jsonrpc: "2.0", method: "notifications/initialized" })),
    undefined,
  );
  assert.equal(answers.answer("{not json"), undefined);
  assert.deepEqual(answers.answer("  \r"), {}, "a blank line is skipped, as the transport does");
  assert.equal(answers.answer(json(initialize(PLAIN)))?.answered, "initialize");
  assert.equal(answers.answer(json(initialize(PLAIN, 2))), undefined, "a second initialize");
  for (
    const frame of [
      { jsonrpc: "2.0", id: 3, method: "prompts/list" },
      { jsonrpc: "2.0", id: 4, method: "tools/call", params: { name: "vault_stats" } },
      { jsonrpc: "2.0", id: 5, method: "tools/list", params: { cursor: 1 } },
      { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 1 } },
      {
        jsonrpc: "2.0",
        id: 6,
        method: "tools/list",
        params: { _meta: { "io.modelcontextprotocol/related-task": { taskId: "t" } } },
      },
    ]
  ) {
    assert.equal(answers.answer(json(frame)), undefined, json(frame));
  }
  assert.deepEqual(
    answers.answer(json({ jsonrpc: "2.0", method: "notifications/initialized" })),
    {},
  );
  assert.equal(
    answers.answer(json({ jsonrpc: "2.0", method: "notifications/initialized" })),
    undefined,
    "a second notifications/initialized",
  );
});

/** serveFront over in-memory streams, handing over to the real SDK session of `korva mcp`. */
function frontSession(profile: Profile, home: string) {
  const input = new TransformStream<Uint8Array, Uint8Array>();
  const output = new TransformStream<Uint8Array, Uint8Array>();
  const deps = testDeps(home);
  let loads = 0;
  const served = serveFront(input.readable, output.writable, {
    profile,
    version: VERSION,
    loadServer: () => {
      loads++;
      return Promise.resolve((handover) => serveSession(deps, profile, handover));
    },
  });
  const writer = input.writable.getWriter();
  const lines = lineReader(output.readable);
  return {
    write: (text: string) => writer.write(new TextEncoder().encode(text)),
    send: (frame: Frame) => writer.write(new TextEncoder().encode(JSON.stringify(frame) + "\n")),
    next: async () => JSON.parse(await lines.next()),
    loads: () => loads,
    /** Close the input and wait for the session to end. */
    end: async () => {
      await writer.close();
      await served;
      await lines.cancel();
    },
  };
}

Deno.test("serveFront hands over: the SDK server reads the client's capabilities and answers what follows", async () => {
  await using home = tempHome();
  const session = frontSession("readonly", home.path);
  await session.send(initialize({ ...PLAIN, capabilities: { roots: {} } }));
  assert.equal((await session.next()).result.serverInfo.name, "korva");
  await session.send({ jsonrpc: "2.0", method: "notifications/initialized" });
  await session.send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
  assert.equal((await session.next()).id, 2);
  // After the handover the SDK server, told the client has roots, asks for them.
  const rootsRequest = await session.next();
  assert.equal(rootsRequest.method, "roots/list");
  await session.send({ jsonrpc: "2.0", id: rootsRequest.id, result: { roots: [] } });
  await session.send({
    jsonrpc: "2.0",
    id: 3,
    method: "tools/call",
    params: { name: "vault_save", arguments: {} },
  });
  const refused = await session.next();
  assert.equal(refused.id, 3);
  assert.match(refused.result.content[0].text, /^Tool "vault_save" is not available/);
  await session.send({ jsonrpc: "2.0", id: 4, method: "prompts/list" });
  const prompts = await session.next();
  assert.deepEqual(
    [prompts.id, prompts.result.prompts.map((p: { name: string }) => p.name)],
    [4, ["korva-onboard"]],
  );
  await session.end();
  assert.equal(session.loads(), 1);
});

Deno.test("serveFront answers frames split across chunks and batched in one chunk", async () => {
  await using home = tempHome();
  const session = frontSession("agent", home.path);
  const text = [
    initialize(PLAIN),
    { jsonrpc: "2.0", method: "notifications/initialized" },
    { jsonrpc: "2.0", id: 2, method: "tools/list" },
    { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "vault_stats", arguments: {} } },
    { jsonrpc: "2.0", id: 4, method: "ping" },
  ].map((frame) => JSON.stringify(frame) + "\r\n").join("");
  await session.write(text.slice(0, 40));
  await session.write(text.slice(40, 300));
  await session.write(text.slice(300));
  const replies = [];
  for (let i = 0; i < 4; i++) replies.push(await session.next());
  // The front answers 1 and 2 in order; after it, the SDK answers the ping before the tool call.
  assert.deepEqual(replies.map((reply) => reply.id), [1, 2, 4, 3]);
  assert.equal(replies[3].result.structuredContent.total, 0);
  await session.end();
});

Deno.test("serveFront leaves a session that does not start with initialize to the SDK", async () => {
  await using home = tempHome();
  const session = frontSession("agent", home.path);
  await session.send({ jsonrpc: "2.0", id: "p", method: "ping" });
  await session.send({ jsonrpc: "2.0", id: "bad", method: "initialize" });
  // The transport refuses bad params at once, before the SDK answers the ping.
  const bad = await session.next();
  const ping = await session.next();
  assert.deepEqual(ping, { result: {}, jsonrpc: "2.0", id: "p" });
  assert.equal(bad.error.code, -32602);
  await session.end();
});

Deno.test("serveFront ends when the input ends before anything was sent", async () => {
  await using home = tempHome();
  const session = frontSession("agent", home.path);
  await session.end();
  assert.equal(session.loads(), 1, "the SDK session opens and closes as without the front");
});

Deno.test("serveFront treats an input that fails as its end, as the SDK transport does", async () => {
  await using home = tempHome();
  let first = true;
  const input = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!first) return controller.error(new Error("stdin broke"));
      first = false;
      controller.enqueue(new TextEncoder().encode(JSON.stringify(initialize(PLAIN)) + "\n"));
    },
  });
  const output = new TransformStream<Uint8Array, Uint8Array>();
  const lines = lineReader(output.readable);
  const deps = testDeps(home.path);
  const served = serveFront(input, output.writable, {
    profile: "agent",
    version: VERSION,
    loadServer: () => Promise.resolve((handover) => serveSession(deps, "agent", handover)),
  });
  assert.equal(JSON.parse(await lines.next()).id, 1);
  await served;
  await lines.cancel();
});
