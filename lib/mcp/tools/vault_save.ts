// vault_save: store a decision, incident, convention… (redacted before the write).
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { LIMITS } from "../../vault/types.ts";
import { saveMemory } from "../../memory/mod.ts";
import type { ToolContext } from "../context.ts";
import { attempt, ok } from "../result.ts";
import { FilesIn, ProjectIn, RedactedOut, ScopeIn, TagsIn, TypeIn } from "../schemas.ts";

/** The fields a new memory takes, shared with vault_supersede. */
export const memoryInput = {
  type: TypeIn.describe(
    "decision (with its why), incident (with root cause), bugfix, convention, pattern, learning or note",
  ),
  title: z.string().min(1).max(LIMITS.title).describe("one specific line"),
  content: z.string().min(1).max(LIMITS.content).describe("the memory itself"),
  why: z.string().max(LIMITS.why).optional()
    .describe("the rationale: constraints, alternatives rejected and why"),
  tags: TagsIn.optional(),
  files: FilesIn.optional().describe(
    "repo-relative paths or globs it is about, e.g. src/payments/**",
  ),
  scope: ScopeIn.optional().describe(
    "private or team (shared through the repository); when omitted, vault_save uses the " +
      "configured defaultScope and vault_supersede keeps the old memory's scope",
  ),
};

/** Register vault_save. */
export function registerVaultSaveTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_save", {
    title: "Save a memory",
    description:
      "Save something worth remembering beyond this session: a decision with its why and the " +
      "alternatives rejected, an incident or bugfix with its root cause, a convention or " +
      "pattern with an example. Anchor it to the files it is about. Secrets and personal data " +
      "are redacted before anything is written; the result says what was redacted. Without " +
      "`files`, the memory is anchored to the files this session edited. The result lists " +
      "what the memory lacks for its type (`missing`): add it with vault_update in the same " +
      "turn. Saving the same title and content again returns the existing id with duplicate: true. " +
      "The result lists the 3 closest existing memories (`similar`): if one says the same thing, " +
      "call vault_supersede or vault_update on it instead of keeping a near-duplicate. Memories " +
      "saved here are drafts until a person confirms them.",
    inputSchema: { ...memoryInput, project: ProjectIn.optional() },
    outputSchema: {
      id: z.string(),
      duplicate: z.boolean(),
      redacted: RedactedOut,
      missing: z.array(z.string()),
      files: z.array(z.string()),
      similar: z.array(z.object({
        id: z.string(),
        type: z.string(),
        title: z.string(),
        score: z.number(),
      })),
    },
    annotations: {
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
  }, (args) =>
    attempt(() => {
      for (const file of args.files ?? []) if (ctx.adoptPath(file)) break;
      const sessionFiles = args.files === undefined ? ctx.sessionEdits() : [];
      const result = saveMemory(
        ctx.memories(),
        sessionFiles.length > 0 ? { ...args, files: sessionFiles } : args,
        { similar: true },
      );
      const shared = result.team.shared;
      const redacted = Object.entries(result.redacted).map(([k, n]) => `${n} ${k}`).join(", ");
      const text = (result.duplicate
        ? `Already saved as ${result.memory.id} (duplicate; nothing new written).`
        : `Saved ${result.memory.id}.`) +
        (redacted ? ` Redacted before saving: ${redacted}.` : "") +
        (shared
          ? ` Shared with the team in ${shared} (it will show in the next diff for review).`
          : "") +
        (result.team.pending ? ` Not shared yet: ${result.team.pending}.` : "") +
        (sessionFiles.length > 0
          ? ` Anchored to the files this session edited: ${sessionFiles.join(", ")}.`
          : "") +
        (result.missing.length > 0 && !result.duplicate
          ? ` To make it useful later, add ${result.missing.join("; ")} ` +
            `(vault_update with id ${result.memory.id}).`
          : "") +
        (result.similar.length > 0 && !result.duplicate
          ? "\nClosest existing memories (supersede or update one if it says the same):\n" +
            result.similar.map((s) => `- ${s.id} [${s.type}] ${ctx.outText(s.title)}`).join("\n")
          : "");
      const similar = result.similar.map((s) => ({ ...s, title: ctx.outText(s.title) }));
      return ok(
        {
          id: result.memory.id,
          duplicate: result.duplicate,
          redacted: result.redacted,
          missing: result.missing,
          files: result.memory.files,
          similar,
        },
        text,
      );
    }));
}
