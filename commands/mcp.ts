// `korva mcp`: run the MCP server over stdio (stdout carries protocol messages only).
// @ts-types="@modelcontextprotocol/sdk/server/stdio"
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { Command, Option } from "commander";
import process from "node:process";
import { loadConfig } from "../lib/config.ts";
import type { Deps } from "../lib/deps.ts";
import { messageOf, usageError } from "../lib/errors.ts";
import { Profile } from "../lib/mcp/profiles.ts";
import { createServer } from "../lib/mcp/server.ts";

/** Build the `mcp` command. */
export function mcpCommand(deps: Deps): Command {
  return new Command("mcp")
    .description("Run the MCP stdio server that editors and agents connect to")
    .addOption(
      new Option("--profile <profile>", "readonly, agent (default) or admin")
        .choices(["readonly", "agent", "admin"]),
    )
    .addHelpText("after", `\nExample (what editors run):\n  korva mcp --profile agent`)
    .action(async (flags: { profile?: string }) => {
      const chosen = flags.profile ?? deps.env("KORVA_MCP_PROFILE") ?? profileFromConfig(deps);
      const parsed = Profile.safeParse(chosen);
      if (!parsed.success) {
        throw usageError(`Unknown profile "${chosen}": must be readonly, agent or admin`);
      }
      const korva = createServer(deps, { profile: parsed.data });
      const transport = new StdioServerTransport();
      const closed = new Promise<void>((resolve) => {
        transport.onclose = () => resolve();
        process.stdin.on("end", () => void transport.close());
        process.stdin.on("close", () => void transport.close());
      });
      korva.ctx.log.info("mcp server started", { profile: parsed.data, cwd: deps.cwd });
      deps.io.err(`korva mcp: serving on stdio (profile ${parsed.data})\n`);
      await korva.connect(transport);
      await closed;
      await korva.close();
      korva.ctx.log.info("mcp server stopped");
    });
}

function profileFromConfig(deps: Deps): string {
  try {
    return loadConfig(deps.home).mcp.profile;
  } catch (error) {
    // An invalid config must not stop the server from starting; the vault tools report it.
    deps.io.err(`korva mcp: ${messageOf(error)}\n`);
    return "agent";
  }
}
