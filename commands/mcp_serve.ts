// What `korva mcp` does once its flags are parsed: pick the profile, answer the client's first
// requests from precomputed answers (lib/mcp/front.ts) while the SDK server loads, then hand the
// session to it (commands/mcp_session.ts). Apart from commands/mcp.ts so main.ts's fast path
// can start it without commander; the SDK, zod and node:fs load at run time (issue 19).
import type { Deps } from "../lib/deps.ts";
import { KorvaError, messageOf, usageError } from "../lib/errors.ts";
import { importLazily } from "../lib/lazy_import.ts";
import { serveFront } from "../lib/mcp/front.ts";
import { DEFAULT_PROFILE, isProfile } from "../lib/mcp/profiles.ts";
import { homePaths } from "../lib/paths.ts";

/** Serve the MCP server for a profile (flag, then KORVA_MCP_PROFILE, then config). */
export async function serveMcp(deps: Deps, flags: { profile?: string | undefined }): Promise<void> {
  const configured = await configuredProfile(deps);
  const profile = flags.profile ?? deps.env("KORVA_MCP_PROFILE") ?? configured;
  if (!isProfile(profile)) {
    throw usageError(`Unknown profile "${profile}": must be readonly, agent or admin`);
  }
  deps.io.err(`korva mcp: serving on stdio (profile ${profile})\n`);
  await serveFront(Deno.stdin.readable, Deno.stdout.writable, {
    profile,
    version: deps.version,
    loadServer: async () => {
      const { serveSession } = await importLazily<typeof import("./mcp_session.ts")>(
        import.meta.url,
        "./mcp_session.ts",
      );
      return (handover) => serveSession(deps, profile, handover);
    },
  });
}

/**
 * config.json's MCP profile, or a refusal to start: an invalid config fails closed instead of
 * falling back to a profile the file may not allow. The reason goes to stderr (via main) and to
 * logs/mcp.log. Without a config.json nothing needs validating, so lib/config.ts (zod, node:fs)
 * loads only when there is one.
 */
async function configuredProfile(deps: Deps): Promise<string> {
  try {
    Deno.statSync(homePaths(deps.home).config);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return DEFAULT_PROFILE;
  }
  const { loadConfig } = await importLazily<typeof import("../lib/config.ts")>(
    import.meta.url,
    "../lib/config.ts",
  );
  try {
    return loadConfig(deps.home).mcp.profile;
  } catch (error) {
    const refusal = new KorvaError(`Cannot start the MCP server: ${messageOf(error)}`, {
      exitCode: 2,
      cause: error,
      hint: "fix config.json by hand (korva doctor names the field); korva never replaces it",
    });
    const { createLogger } = await importLazily<typeof import("../lib/log.ts")>(
      import.meta.url,
      "../lib/log.ts",
    );
    createLogger(deps.home, "mcp", deps.now).error("mcp server refused to start", {
      reason: refusal.message,
    });
    throw refusal;
  }
}
