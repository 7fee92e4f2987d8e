// vault_session_start / vault_session_end: a working session whose saves carry its id, ended by
// a summary that is itself saved as a memory.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { endSession, resolveRepoContext, startSession, withVault } from "../../memory/mod.ts";
import type { ToolContext } from "../context.ts";
import { attempt, fail, ok } from "../result.ts";
import { ProjectIn } from "../schemas.ts";

/** Register vault_session_start. */
export function registerVaultSessionStartTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_session_start", {
    title: "Start a working session",
    description:
      "Start a working session with its goal. Memories saved until vault_session_end carry the " +
      "session id, so the work can be reviewed together later.",
    inputSchema: {
      goal: z.string().min(1).max(500).describe("what this session is for, in one sentence"),
      project: ProjectIn.optional(),
    },
    outputSchema: { session_id: z.string(), project: z.string(), started_at: z.string() },
    annotations: {
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: false,
      openWorldHint: false,
    },
  }, (args) =>
    attempt(() => {
      const memories = args.project
        ? withVault(resolveRepoContext(ctx.deps, { project: args.project }), ctx.vault(), {
          client: ctx.clientName(),
          person: false,
        })
        : ctx.memories();
      const session = startSession(memories, args.goal);
      const project = session.project;
      ctx.session.id = session.id;
      return ok(
        { session_id: session.id, project, started_at: session.started_at },
        `Session ${session.id} started for ${project}.`,
      );
    }));
}

/** Register vault_session_end. */
export function registerVaultSessionEndTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_session_end", {
    title: "End the working session",
    description:
      "End the working session. Pass a summary of what was done and learned (decisions, " +
      "root causes, follow-ups); it is saved as a memory of type learning.",
    inputSchema: {
      summary: z.string().min(1).max(16_000).optional(),
      session_id: z.string().max(40).optional().describe(
        "default: the session this server started",
      ),
    },
    outputSchema: {
      session_id: z.string(),
      ended_at: z.string(),
      summary_id: z.string().nullable(),
    },
    annotations: {
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: false,
      openWorldHint: false,
    },
  }, (args) =>
    attempt(() => {
      const id = args.session_id ?? ctx.session.id;
      if (!id) return fail("No session to end: call vault_session_start first or pass session_id");
      const session = endSession(ctx.memories(), id, args.summary);
      if (ctx.session.id === session.id) ctx.session.id = undefined;
      return ok(
        {
          session_id: session.id,
          ended_at: session.ended_at ?? "",
          summary_id: session.summary_id,
        },
        `Session ${session.id} ended` +
          (session.summary_id ? `; summary saved as ${session.summary_id}.` : "."),
      );
    }));
}
