// sentinel_check: run the sentinel rules on given content or on the staged change.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { runSentinel } from "../../sentinel/mod.ts";
import type { ToolContext } from "../context.ts";
import { attempt, fail, ok } from "../result.ts";

/** Register sentinel_check. */
export function registerSentinelCheckTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("sentinel_check", {
    title: "Check a change against the team's rules",
    description:
      "Before proposing a commit, check your change against the repository's sentinel rules " +
      "(the team's known mistakes, secrets, conflict markers…). Pass `path` and the file's new " +
      "`content`, or `staged: true` to check what is staged in git. Findings name the rule, the " +
      "line, the message, a fix and the memory that explains the rule; errors would block the commit.",
    inputSchema: {
      path: z.string().min(1).max(512).optional().describe("repo-relative path of the file"),
      content: z.string().max(1_000_000).optional().describe("the file's full new content"),
      staged: z.boolean().optional().describe("check the staged change instead"),
    },
    outputSchema: {
      findings: z.array(z.object({
        ruleId: z.string(),
        severity: z.string(),
        path: z.string(),
        line: z.number(),
        message: z.string(),
        memory: z.array(z.string()),
        fix: z.string().nullable(),
      })),
      summary: z.object({ errors: z.number(), warnings: z.number(), suppressed: z.number() }),
    },
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  }, (args) =>
    attempt(async () => {
      if (!args.staged && (args.path === undefined || args.content === undefined)) {
        return fail("Pass path and content, or staged: true");
      }
      const report = await runSentinel({
        cwd: ctx.deps.cwd,
        home: ctx.deps.home,
        now: ctx.deps.now,
        target: args.staged
          ? { kind: "staged" }
          : { kind: "content", path: args.path ?? "", content: args.content ?? "" },
      });
      const findings = report.findings.filter((f) => !f.suppressed).map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        path: f.path,
        line: f.line,
        message: f.message,
        memory: f.memory,
        fix: f.fix,
      }));
      const text = findings.length === 0
        ? "No findings: the change passes the sentinel."
        : findings.map((f) => {
          const why = f.memory.map((id) => report.memories[id]?.title ?? id).join("; ");
          return `${f.path}:${f.line} ${f.severity} ${f.ruleId}: ${f.message}` +
            (why ? ` (why: ${why})` : "") + (f.fix ? ` Fix: ${f.fix}` : "");
        }).join("\n");
      const { errors, warnings, suppressed } = report.summary;
      return ok({ findings, summary: { errors, warnings, suppressed } }, text);
    }));
}
