// `korva mcp`: run the mcp stdio server.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";

/** Build the `mcp` command. */
export function mcpCommand(_deps: Deps): Command {
  return new Command("mcp")
    .description("Run the MCP stdio server")
    .action(() => {
      throw usageError('"korva mcp" is not built yet');
    });
}
