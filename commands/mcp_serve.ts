// What `korva mcp` does once its flags are parsed: serve over stdio until the client leaves.
// Apart from commands/mcp.ts so main.ts's fast path can start the server without commander.
import { type Config, loadConfig } from "../lib/config.ts";
import type { Deps } from "../lib/deps.ts";
import { KorvaError, messageOf, usageError } from "../lib/errors.ts";
import { createLogger } from "../lib/log.ts";
import { Profile } from "../lib/mcp/profiles.ts";
import { createServer } from "../lib/mcp/server.ts";
import { LimitedStdioTransport } from "../lib/mcp/stdio_transport.ts";

/** Serve the MCP server for a profile (flag, then KORVA_MCP_PROFILE, then config). */
export async function serveMcp(deps: Deps, flags: { profile?: string | undefined }): Promise<void> {
  const config = configOrRefuse(deps);
  const chosen = flags.profile ?? deps.env("KORVA_MCP_PROFILE") ?? config.mcp.profile;
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
  await korva.connect(transport);
  await closed;
  await korva.close();
  korva.ctx.log.info("mcp server stopped");
}

/**
 * config.json, or a refusal to start: an invalid config fails closed instead of falling back to
 * a profile the file may not allow. The reason goes to stderr (via main) and to logs/mcp.log.
 */
function configOrRefuse(deps: Deps): Config {
  try {
    return loadConfig(deps.home);
  } catch (error) {
    const refusal = new KorvaError(`Cannot start the MCP server: ${messageOf(error)}`, {
      exitCode: 2,
      cause: error,
      hint: "fix config.json by hand (korva doctor names the field); korva never replaces it",
    });
    createLogger(deps.home, "mcp", deps.now).error("mcp server refused to start", {
      reason: refusal.message,
    });
    throw refusal;
  }
}
