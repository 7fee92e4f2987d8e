// `korva mcp`: run the MCP server over stdio (stdout carries protocol messages only).
import { Command, Option } from "commander";
import { loadConfig } from "../lib/config.ts";
import type { Deps } from "../lib/deps.ts";
import { messageOf, usageError } from "../lib/errors.ts";
import { createLogger } from "../lib/log.ts";
import { Profile } from "../lib/mcp/profiles.ts";
import { createServer } from "../lib/mcp/server.ts";
import { LimitedStdioTransport } from "../lib/mcp/stdio_transport.ts";

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
      const transport = new LimitedStdioTransport(Deno.stdin.readable, Deno.stdout.writable, {
        onRefused: (refusal) => korva.ctx.log.error("mcp request refused", { ...refusal }),
      });
      const closed = new Promise<void>((resolve) => {
        transport.onclose = () => resolve();
      });
      korva.ctx.log.info("mcp server started", { profile: parsed.data, cwd: deps.cwd });
      deps.io.err(`korva mcp: serving on stdio (profile ${parsed.data})\n`);
      await korva.server.connect(transport);
      await closed;
      await korva.close();
      korva.ctx.log.info("mcp server stopped");
    });
}

/**
 * The profile config.json asks for. An invalid config fails closed: the server starts with the
 * readonly profile (so an editor still gets context) and says why on stderr and in the log.
 */
function profileFromConfig(deps: Deps): string {
  try {
    return loadConfig(deps.home).mcp.profile;
  } catch (error) {
    const reason = `${messageOf(error)}; starting with the readonly profile until it is fixed`;
    deps.io.err(`korva mcp: ${reason}\n`);
    createLogger(deps.home, "mcp", deps.now).error("invalid config", { reason });
    return "readonly";
  }
}
