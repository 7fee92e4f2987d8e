// vault_import: bulk import of memory records, all or nothing (admin profile only).
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { importMemories } from "../../memory/mod.ts";
import type { ToolContext } from "../context.ts";
import { attempt, ok } from "../result.ts";

/** Register vault_import. */
export function registerVaultImportTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool("vault_import", {
    title: "Import memories in bulk",
    description:
      "Import up to 5,000 memory records (the objects `korva export` writes: type, title and " +
      "content required). Every record is validated first; if any is invalid nothing is " +
      "imported and the error lists the record numbers. Known ids and duplicates are skipped. " +
      "One request must stay under 10 MiB of JSON (about 4,000 records of 2,500 characters); " +
      "a larger one is refused with a JSON-RPC error, so split big imports into several calls.",
    inputSchema: {
      memories: z.array(z.record(z.string(), z.unknown())).min(1).max(5000),
    },
    outputSchema: { imported: z.number(), duplicates: z.number() },
    annotations: {
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
  }, (args) =>
    attempt(() => {
      const { imported, duplicates } = importMemories(
        ctx.memories(),
        args.memories.map((m) => ({ source: ctx.clientName(), ...m })),
      );
      const result = { imported, duplicates };
      return ok(
        result,
        `Imported ${result.imported}; skipped ${result.duplicates} already present.`,
      );
    }));
}
