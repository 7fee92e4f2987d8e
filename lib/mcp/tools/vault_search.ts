// vault_search: full-text search with filters.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { formatAge } from "../../discovery/context.ts";
import { recordRecalls } from "../../memory/usage.ts";
import { recallSearch } from "../../recall/embeddings.ts";
import { memoryFlags } from "../../trust/provenance.ts";
import type { ToolContext } from "../context.ts";
import { attempt, memoryLine, ok } from "../result.ts";
import { ProjectIn, TypeIn } from "../schemas.ts";

/** Register vault_search. */
export function registerVaultSearchTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_search", {
    title: "Search the team's memory",
    description:
      "Full-text search over saved memories (any word may match; best matches first). Use it " +
      "for questions about history: why something is done a certain way, past incidents, " +
      "earlier decisions. A few specific keywords work best. Returns ids, titles, a snippet " +
      "with the match in [brackets], a score and the age; call vault_get for full records.",
    inputSchema: {
      query: z.string().min(1).max(500).describe("keywords or a question"),
      type: TypeIn.optional(),
      tag: z.string().max(64).optional(),
      file: z.string().max(512).optional().describe("only memories anchored to this path"),
      project: ProjectIn.optional().describe("only this project (default: every project)"),
      limit: z.number().int().min(1).max(50).optional().describe("default 10"),
    },
    outputSchema: {
      results: z.array(z.object({
        id: z.string(),
        type: z.string(),
        title: z.string(),
        project: z.string(),
        snippet: z.string(),
        score: z.number(),
        age: z.string(),
        author: z.string().nullable(),
        confirmed: z.boolean(),
        flags: z.array(z.string()),
      })),
    },
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  }, (args) =>
    attempt(async () => {
      const hits = await recallSearch(ctx.vault(), args.query, {
        type: args.type,
        tag: args.tag,
        file: args.file,
        project: args.project,
        limit: args.limit ?? 10,
      }, ctx.repo.config.recall?.embeddings);
      recordRecalls(ctx.memories(), hits.map((hit) => hit.memory.id));
      const now = ctx.deps.now();
      const results = hits.map((hit) => ({
        id: hit.memory.id,
        type: hit.memory.type,
        title: ctx.outText(hit.memory.title),
        project: hit.memory.project,
        snippet: ctx.outText(hit.snippet),
        score: hit.score,
        age: formatAge(hit.memory.created_at, now),
        author: hit.memory.author === null ? null : ctx.outText(hit.memory.author),
        confirmed: hit.memory.confirmed,
        flags: memoryFlags(hit.memory),
      }));
      const text = results.length === 0
        ? `No memories match "${args.query}".`
        : results.map((r) =>
          `${memoryLine(r)} (${r.age} · by ${r.author ?? "unknown"} · ${
            r.confirmed ? "confirmed" : "draft"
          }${r.flags.length ? ` · flagged: ${r.flags.join(", ")}` : ""})\n  > ${r.snippet}`
        ).join("\n");
      return ok({ results }, text);
    }));
}
