// vault_timeline: a project's memories in a time window, newest first.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { formatAge } from "../../discovery/context.ts";
import type { ToolContext } from "../context.ts";
import { attempt, memoryLine, ok } from "../result.ts";
import { MemoryRef, ProjectIn, TypeIn } from "../schemas.ts";

/** Register vault_timeline. */
export function registerVaultTimelineTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_timeline", {
    title: "What happened recently",
    description:
      "List a project's memories in a time window, newest first: what was decided, broken and " +
      "fixed lately. Times are ISO 8601 (e.g. 2026-05-01 or 2026-05-01T12:00:00Z).",
    inputSchema: {
      project: ProjectIn.optional().describe("default: the server's repository"),
      since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      until: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      type: TypeIn.optional(),
      limit: z.number().int().min(1).max(200).optional().describe("default 30"),
    },
    outputSchema: { project: z.string(), memories: z.array(MemoryRef) },
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  }, (args) =>
    attempt(() => {
      const project = args.project ?? ctx.project();
      const now = ctx.deps.now();
      const memories = ctx.vault().list({
        project,
        type: args.type,
        since: args.since,
        until: args.until,
        limit: args.limit ?? 30,
      }).map((m) => ({
        id: m.id,
        type: m.type,
        title: ctx.outText(m.title),
        project: m.project,
        created_at: m.created_at,
        age: formatAge(m.created_at, now),
      }));
      const text = memories.length === 0
        ? `No memories for ${project} in that window.`
        : memories.map((m) => `${m.created_at.slice(0, 10)} ${memoryLine(m)}`).join("\n");
      return ok({ project, memories }, text);
    }));
}
