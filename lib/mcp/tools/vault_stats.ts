// vault_stats: counts by type, project, scope and status; vault size.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { ToolContext } from "../context.ts";
import { attempt, ok } from "../result.ts";

const Counts = z.record(z.string(), z.number());

/** Register vault_stats. */
export function registerVaultStatsTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_stats", {
    title: "Vault statistics",
    description:
      "How many memories the vault holds, by type, project, scope and status, and its size.",
    inputSchema: {},
    outputSchema: {
      total: z.number(),
      byType: Counts,
      byProject: Counts,
      byScope: Counts,
      byStatus: Counts,
      sizeBytes: z.number(),
      schemaVersion: z.number(),
    },
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  }, () =>
    attempt(() => {
      const { path: _path, ...stats } = ctx.vault().stats();
      const text = `${stats.total} memories (${
        Object.entries(stats.byType).map(([k, n]) => `${n} ${k}`).join(", ") || "none"
      }); ${(stats.sizeBytes / 1024).toFixed(0)} KiB`;
      return ok(stats, text);
    }));
}
