// vault_forget: archive a memory, or delete it for good (admin profile only).
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { forgetMemory } from "../../memory/mod.ts";
import type { ToolContext } from "../context.ts";
import { attempt, ok } from "../result.ts";
import { IdIn } from "../schemas.ts";

/** Register vault_forget. */
export function registerVaultForgetTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_forget", {
    title: "Archive or delete a memory",
    description:
      "Archive a memory that should no longer be shown (it stays in the vault), or with " +
      "hard: true delete it and its history permanently. Prefer vault_supersede when the " +
      "memory is outdated rather than wrong.",
    inputSchema: { id: IdIn, hard: z.boolean().optional().describe("delete permanently") },
    outputSchema: { id: z.string(), action: z.enum(["archived", "deleted"]) },
    annotations: {
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
      openWorldHint: false,
    },
  }, (args) =>
    attempt(() => {
      const { memory } = forgetMemory(ctx.memories(), args.id, { hard: args.hard ?? false });
      const action = args.hard ? "deleted" : "archived";
      return ok(
        { id: memory.id, action },
        `${action === "deleted" ? "Deleted" : "Archived"} ${memory.id}.`,
      );
    }));
}
