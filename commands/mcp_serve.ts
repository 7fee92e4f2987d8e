// What `korva mcp` does once its flags are parsed: pick the profile, answer the client's first
// requests from precomputed answers (lib/mcp/front.ts) while config.json is validated and the
// SDK server loads, then hand the session to it (commands/mcp_session.ts). Apart from
// commands/mcp.ts so main.ts's fast path can start it without commander; zod, node:fs and the
// SDK load at run time (issue 19).
import type { Config } from "../lib/config.ts";
import type { Deps } from "../lib/deps.ts";
import { KorvaError, messageOf, usageError } from "../lib/errors.ts";
import { loadGlobCompiler } from "../lib/glob.ts";
import { importLazily } from "../lib/lazy_import.ts";
import { serveFront } from "../lib/mcp/front.ts";
import { DEFAULT_PROFILE, isProfile, type Profile } from "../lib/mcp/profiles.ts";
import { homePaths } from "../lib/paths.ts";

/** Serve the MCP server for a profile (flag, then KORVA_MCP_PROFILE, then config). */
export async function serveMcp(deps: Deps, flags: { profile?: string | undefined }): Promise<void> {
  const profile = flags.profile ?? deps.env("KORVA_MCP_PROFILE") ?? await configuredProfile(deps);
  if (!isProfile(profile)) {
    throw usageError(`Unknown profile "${profile}": must be readonly, agent or admin`);
  }
  await serveFront(Deno.stdin.readable, Deno.stdout.writable, {
    profile,
    version: deps.version,
    loadServer: async () => {
      // Before the SDK server serves anything but the front's answers: an invalid config.json
      // fails closed, whatever profile was chosen.
      await configOrRefuse(deps);
      await loadGlobCompiler(); // the tools match anchors and rules with any glob
      const { serveSession } = await importLazily<typeof import("./mcp_session.ts")>(
        import.meta.url,
        "./mcp_session.ts",
      );
      return (handover) => serveSession(deps, profile, handover);
    },
  });
}

/**
 * The profile config.json names, read as plain JSON (validating it loads zod, ~55 ms, so the
 * whole file is validated while the front answers); a file whose profile cannot be read so is
 * validated at once, and refused.
 */
async function configuredProfile(deps: Deps): Promise<Profile> {
  let raw: unknown;
  try {
    raw = JSON.parse(Deno.readTextFileSync(homePaths(deps.home).config));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return DEFAULT_PROFILE;
    return (await configOrRefuse(deps)).mcp.profile;
  }
  // Any other shape is refused by the validation before the SDK server serves anything.
  const named = (raw as { mcp?: { profile?: unknown } } | null)?.mcp?.profile;
  if (named === undefined) return DEFAULT_PROFILE;
  if (isProfile(named)) return named;
  return (await configOrRefuse(deps)).mcp.profile;
}

/**
 * config.json, or a refusal to start: an invalid config fails closed instead of falling back to
 * a profile the file may not allow. The reason goes to stderr (via main) and to logs/mcp.log.
 */
async function configOrRefuse(deps: Deps): Promise<Config> {
  const { loadConfig } = await importLazily<typeof import("../lib/config.ts")>(
    import.meta.url,
    "../lib/config.ts",
  );
  try {
    return loadConfig(deps.home);
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
