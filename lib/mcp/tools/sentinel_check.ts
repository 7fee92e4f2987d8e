// sentinel_check: run the sentinel rules on given content or the staged change.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { ToolContext } from "../context.ts";
import { attempt, fail } from "../result.ts";

/** Register sentinel_check (answers that the sentinel is not available until it lands). */
export function registerSentinelCheckTool(server: McpServer, _ctx: ToolContext): void {
  server.registerTool("sentinel_check", {
    title: "Check a change against the team's rules",
    description:
      "Before proposing a commit, run the repository's sentinel rules on a file's new content " +
      "(path + content) or on the staged change (staged: true). Returns findings with the rule, " +
      "line, message and the memory that explains the rule.",
    inputSchema: {
      path: z.string().max(512).optional(),
      content: z.string().max(1_000_000).optional(),
      staged: z.boolean().optional(),
    },
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  }, () => attempt(() => fail("The sentinel is not available in this korva build")));
}
