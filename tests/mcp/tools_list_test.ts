// lib/mcp/tools_list.json is what the SDK itself answers to tools/list for each profile (the
// server serves the file so start-up does not convert every zod schema, issue 19).
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/inMemory"
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createServer } from "../../lib/mcp/server.ts";
import { type Profile, PROFILES } from "../../lib/mcp/profiles.ts";
import { tempHome, testDeps } from "../_helpers.ts";

async function listTools(profile: Profile, live: boolean): Promise<unknown[]> {
  await using home = tempHome();
  const korva = createServer(testDeps(home.path), { profile, liveToolsList: live });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await korva.connect(serverSide);
  const client = new Client({ name: "tools-list-test", version: "1" });
  try {
    await client.connect(clientSide);
    // As on the wire (stdio): JSON drops the SDK's undefined fields such as `_meta`.
    return JSON.parse(JSON.stringify((await client.listTools()).tools));
  } finally {
    await client.close();
    await korva.close();
  }
}

Deno.test("lib/mcp/tools_list.json answers tools/list as the SDK does, per profile", async (t) => {
  const live: Record<string, unknown[]> = {};
  for (const profile of PROFILES) live[profile] = await listTools(profile, true);
  if (Deno.env.get("KORVA_UPDATE_TOOLS_LIST")) {
    const file = fileURLToPath(new URL("../../lib/mcp/tools_list.json", import.meta.url));
    writeFileSync(file, JSON.stringify(live, null, 2) + "\n");
  }
  for (const profile of PROFILES) {
    await t.step(profile, async () => {
      assert.deepEqual(
        await listTools(profile, false),
        live[profile],
        "regenerate: KORVA_UPDATE_TOOLS_LIST=1 deno test -A tests/mcp/tools_list_test.ts",
      );
    });
  }
});
