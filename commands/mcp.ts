// `korva mcp`: run the MCP server over stdio (stdout carries protocol messages only).
import { Command, Option } from "commander";
import type { Deps } from "../lib/deps.ts";
import { PROFILES } from "../lib/mcp/profiles.ts";
import { serveMcp } from "./mcp_serve.ts";

/** Build the `mcp` command. */
export function mcpCommand(deps: Deps): Command {
  return new Command("mcp")
    .description("Run the MCP stdio server that editors and agents connect to")
    .addOption(
      new Option("--profile <profile>", "readonly, agent (default) or admin")
        .choices(PROFILES),
    )
    .addHelpText("after", `\nExample (what editors run):\n  korva mcp --profile agent`)
    .action((flags: { profile?: string }) => serveMcp(deps, flags));
}
