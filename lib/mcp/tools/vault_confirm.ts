// vault_confirm: a person, through an admin-profile client, vouches for a draft.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { confirmMemory } from "../../memory/mod.ts";
import type { ToolContext } from "../context.ts";
import { attempt, ok } from "../result.ts";
import { IdIn, MemoryOut } from "../schemas.ts";

/** Register vault_confirm. */
export function registerVaultConfirmTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_confirm", {
    title: "Confirm a draft memory",
    description:
      "Mark drafts as confirmed by a person. Only call this when the user has read the memory " +
      "and explicitly asked you to confirm it: confirmed memories, including flagged ones, are " +
      "shown to assistants in every session.",
    inputSchema: { ids: z.array(IdIn).min(1).max(20) },
    outputSchema: { memories: z.array(MemoryOut) },
    annotations: {
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
  }, (args) =>
    attempt(() => {
      const memories = ctx.memories();
      const confirmed = args.ids.map((id) => ctx.out(confirmMemory(memories, id).memory));
      return ok(
        { memories: confirmed },
        confirmed.map((m) => `Confirmed ${m.id}: ${m.title}`).join("\n"),
      );
    }));
}
