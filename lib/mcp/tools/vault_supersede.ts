// vault_supersede: replace a memory that is no longer true, keeping the old one as history.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { supersedeMemory } from "../../memory/mod.ts";
import type { ToolContext } from "../context.ts";
import { attempt, ok } from "../result.ts";
import { IdIn, RedactedOut } from "../schemas.ts";
import { memoryInput } from "./vault_save.ts";

/** Register vault_supersede. */
export function registerVaultSupersedeTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_supersede", {
    title: "Replace an outdated memory",
    description:
      "When a memory is no longer true (the decision changed, the fix was replaced), save the " +
      "corrected version with this tool: the old memory is marked superseded (hidden from " +
      "context and search) and linked to the new one. Fields you omit are copied from the old one.",
    inputSchema: {
      old_id: IdIn,
      ...memoryInput,
      type: memoryInput.type.optional(),
      title: memoryInput.title.optional(),
    },
    outputSchema: { old_id: z.string(), id: z.string(), redacted: RedactedOut },
    annotations: {
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: false,
      openWorldHint: false,
    },
  }, ({ old_id, ...next }) =>
    attempt(() => {
      const result = supersedeMemory(ctx.memories(), old_id, next);
      const old = result.old;
      return ok(
        { old_id: old.id, id: result.next.memory.id, redacted: result.next.redacted },
        `Saved ${result.next.memory.id}; ${old.id} is now superseded by it.`,
      );
    }));
}
