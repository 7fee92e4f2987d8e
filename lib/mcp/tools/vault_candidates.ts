// vault_candidates: commits `korva mine git` proposed for a file, so the AI can ask the developer
// "why was this changed?" and save the answer as a decision or incident.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { listCandidates } from "../../memory/mod.ts";
import { GitCandidate } from "../../vault/mod.ts";
import type { ToolContext } from "../context.ts";
import { attempt, ok } from "../result.ts";
import { ProjectIn } from "../schemas.ts";

/** Register vault_candidates. */
export function registerVaultCandidatesTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_candidates", {
    title: "Commits worth asking about",
    description:
      "List draft candidates mined from git history by `korva mine git` (fixes, reverts, hotfixes, " +
      "concurrency, data loss, security, performance or outage changes) for a file or folder, " +
      "strongest first. They are not memories: ask the developer why the change was made, then " +
      "save the answer with vault_save (a decision or incident, citing the commit SHA).",
    inputSchema: {
      file: z.string().min(1).max(512).optional().describe("a path or folder; default: all"),
      project: ProjectIn.optional().describe("default: the server's repository"),
      limit: z.number().int().min(1).max(100).optional().describe("default 10"),
    },
    outputSchema: { project: z.string(), candidates: z.array(GitCandidate) },
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  }, (args) =>
    attempt(() => {
      const project = args.project ?? ctx.project();
      const candidates = listCandidates(ctx.memories(), {
        project,
        file: args.file,
        limit: args.limit ?? 10,
      })
        .map(({ project: _p, state: _s, mined_at: _m, ...c }) => ({
          ...c,
          subject: ctx.outText(c.subject),
          message: ctx.outText(c.message),
          excerpt: ctx.outText(c.excerpt),
        }));
      const text = candidates.length === 0
        ? `No candidates${
          args.file ? ` for ${args.file}` : ""
        }. Run \`korva mine git\` in the repository first.`
        : candidates.map((c) =>
          `${c.sha.slice(0, 10)} (score ${c.score}; ${c.reasons.join(", ")}) ${c.subject}\n` +
          `  files: ${c.files.slice(0, 5).join(", ")}${c.files.length > 5 ? ", …" : ""}`
        ).join("\n");
      return ok({ project, candidates }, text);
    }));
}
