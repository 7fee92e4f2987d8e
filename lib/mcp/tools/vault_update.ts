// vault_update: change fields of a memory; the previous version is kept.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { LIMITS } from "../../vault/types.ts";
import { updateMemory } from "../../memory/mod.ts";
import type { ToolContext } from "../context.ts";
import { attempt, fail, ok } from "../result.ts";
import { FilesIn, IdIn, MemoryOut, RedactedOut, ScopeIn, TagsIn, TypeIn } from "../schemas.ts";

/** Register vault_update. */
export function registerVaultUpdateTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_update", {
    title: "Correct a memory",
    description:
      "Change fields of an existing memory (fix a title, add files or tags, refine the why). " +
      "The previous version is kept in its history. To replace a memory that is no longer true, " +
      "use vault_supersede instead.",
    inputSchema: {
      id: IdIn,
      type: TypeIn.optional(),
      title: z.string().min(1).max(LIMITS.title).optional(),
      content: z.string().min(1).max(LIMITS.content).optional(),
      why: z.string().max(LIMITS.why).optional(),
      tags: TagsIn.optional(),
      files: FilesIn.optional(),
      scope: ScopeIn.optional(),
    },
    outputSchema: { memory: MemoryOut, redacted: RedactedOut },
    annotations: {
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
  }, ({ id, ...patch }) =>
    attempt(() => {
      if (Object.keys(patch).length === 0) {
        return fail("Nothing to update: pass at least one field besides id");
      }
      const { memory: stored, redacted } = updateMemory(ctx.memories(), id, patch);
      const memory = ctx.out(stored);
      return ok({ memory, redacted }, `Updated ${memory.id}: ${memory.title}`);
    }));
}
