// vault_context: what the AI should know before working on files or a task.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { memoryContext } from "../../memory/mod.ts";
import type { ToolContext } from "../context.ts";
import { attempt, ok } from "../result.ts";
import { FilesIn, ProjectIn } from "../schemas.ts";

/** Register vault_context. */
export function registerVaultContextTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_context", {
    title: "Load the team's memory for this work",
    description:
      "Call at the start of every task and before editing a file you have not seen in this " +
      "session. Returns the decisions, incidents, conventions and patterns relevant to the files " +
      "and task, best first, each with the reasons it was chosen, rendered within max_tokens. " +
      "Pass `files` (paths you will read or edit) and `task` (one sentence). Use `delta: true` " +
      "to get only memories not returned earlier in this session. Use vault_get for full text.",
    inputSchema: {
      project: ProjectIn.optional().describe("project name; default: the server's repository"),
      files: FilesIn.optional().describe("paths open or about to be edited"),
      task: z.string().max(2000).optional().describe("what you are about to do"),
      max_tokens: z.number().int().min(100).max(20_000).optional()
        .describe("budget for the text (about 4 characters per token); default 1500"),
      delta: z.boolean().optional().describe("skip memories already returned in this session"),
    },
    outputSchema: {
      project: z.string(),
      memories: z.array(z.object({
        id: z.string(),
        type: z.string(),
        title: z.string(),
        why: z.string().nullable(),
        age: z.string(),
        author: z.string().nullable(),
        confirmed: z.boolean(),
        flags: z.array(z.string()),
        reasons: z.array(z.string()),
        score: z.number(),
      })),
      text: z.string(),
      tokens: z.number(),
    },
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  }, (args) =>
    attempt(() => {
      for (const file of args.files ?? []) if (ctx.adoptPath(file)) break;
      // The read-only profile never writes: team files are read in by the other profiles.
      const result = memoryContext(ctx.memories(), {
        project: args.project,
        files: args.files,
        task: args.task,
        maxTokens: args.max_tokens,
        delta: args.delta ?? false,
        seen: ctx.seen,
        refresh: ctx.profile !== "readonly",
      });
      const project = result.project;
      if (!args.delta) { for (const m of result.memories) ctx.seen.add(m.id); }
      const text = ctx.outText(result.text) ||
        `No memories for ${project} yet. Save decisions and incidents with vault_save.`;
      return ok({
        project,
        memories: result.memories.map((m) => ({
          id: m.id,
          type: m.type,
          title: ctx.outText(m.title),
          why: m.why === null ? null : ctx.outText(m.why),
          age: m.age,
          author: m.author === null ? null : ctx.outText(m.author),
          confirmed: m.confirmed,
          flags: m.flags,
          reasons: m.reasons,
          score: m.score,
        })),
        text,
        tokens: result.tokens,
      }, text);
    }));
}
