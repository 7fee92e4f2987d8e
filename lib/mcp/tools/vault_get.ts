// vault_get: full records by id.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { ToolContext } from "../context.ts";
import { attempt, fail, ok } from "../result.ts";
import { IdIn, MemoryOut } from "../schemas.ts";

/** Register vault_get. */
export function registerVaultGetTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_get", {
    title: "Read memories in full",
    description:
      "Return the full records (content, why, files, tags, history links) of one or several " +
      "memory ids, e.g. ids returned by vault_context or vault_search.",
    inputSchema: { ids: z.array(IdIn).min(1).max(20) },
    outputSchema: { memories: z.array(MemoryOut), missing: z.array(z.string()) },
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  }, (args) =>
    attempt(() => {
      const vault = ctx.vault();
      const memories = args.ids.map((id) => vault.get(id));
      const found = memories.filter((m) => m !== undefined).map(ctx.out);
      const missing = args.ids.filter((_, i) => memories[i] === undefined);
      if (found.length === 0) {
        return fail(`No memory with id ${missing.map((id) => `"${id}"`).join(", ")}`);
      }
      const text = found.map((m) =>
        `# ${m.title}\nid ${m.id} · ${m.type} · ${m.status} · ${m.created_at}` +
        (m.files.length ? `\nfiles: ${m.files.join(", ")}` : "") +
        `\n\n${m.content}` + (m.why ? `\n\nWhy: ${m.why}` : "")
      ).join("\n\n---\n\n") + (missing.length ? `\n\nNot found: ${missing.join(", ")}` : "");
      return ok({ memories: found, missing }, text);
    }));
}
