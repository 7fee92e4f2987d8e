// Command lines answered without commander or the command table: `--version`, `help`, no
// arguments, the hook events editors run on every file read and `korva mcp` (issue 19: their
// start-up is paid on every call or every editor start). Anything else, or any flag this parser
// does not know, goes to commander. The hook events and the MCP server load at run time
// (lib/lazy_import.ts says why), so `--version` and `help` load nothing they do not print.
import type { Deps } from "../lib/deps.ts";
import { importLazily } from "../lib/lazy_import.ts";
import { isProfile } from "../lib/mcp/profiles.ts";
import { HELP_TEXT } from "./help_text.ts";

/** Where help text may be printed as prepared (commander wraps to a terminal's width). */
export interface FastOptions {
  /** stdout is not a terminal (help goes there for `korva help`). */
  stdoutHelp: boolean;
  /** stderr is not a terminal (help goes there when korva runs without arguments). */
  stderrHelp: boolean;
}

/** The exit code when the command line was handled here; undefined for commander. */
export async function runFast(
  args: string[],
  deps: Deps,
  options: FastOptions,
): Promise<number | undefined> {
  const [first, ...rest] = args;
  if ((first === "--version" || first === "-V") && rest.length === 0) {
    deps.io.out(`${deps.version}\n`);
    return 0;
  }
  if ((first === "help" || first === "--help" || first === "-h") && rest.length === 0) {
    if (!options.stdoutHelp) return undefined;
    deps.io.out(HELP_TEXT);
    return 0;
  }
  if (first === undefined) {
    if (!options.stderrHelp) return undefined;
    deps.io.err(HELP_TEXT);
    return 0;
  }
  if (first === "hook" && rest[0] !== undefined) {
    const { HOOK_EVENTS } = await importLazily<typeof import("./hook_events.ts")>(
      import.meta.url,
      "./hook_events.ts",
    );
    const event = Object.hasOwn(HOOK_EVENTS, rest[0]) ? HOOK_EVENTS[rest[0]] : undefined;
    const flags = event && parseFlags(rest.slice(1), event);
    if (!event || !flags) return undefined;
    await event.run(deps, flags);
    return deps.status.exitCode;
  }
  if (first === "mcp") {
    const flags = parseFlags(rest, { valueFlags: ["--profile"], booleanFlags: [] });
    // An unknown profile goes to commander, which names the choices.
    if (!flags || (flags.profile !== undefined && !isProfile(flags.profile))) return undefined;
    const { serveMcp } = await importLazily<typeof import("./mcp_serve.ts")>(
      import.meta.url,
      "./mcp_serve.ts",
    );
    await serveMcp(deps, { profile: flags.profile as string | undefined });
    return deps.status.exitCode;
  }
  return undefined;
}

/** `--name value`, `--name=value` and boolean `--name`; undefined for anything else. */
function parseFlags(
  args: string[],
  known: { valueFlags: string[]; booleanFlags: string[] },
): Record<string, string | boolean> | undefined {
  const flags: Record<string, string | boolean> = {};
  const key = (flag: string) =>
    flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = name === arg ? undefined : arg.slice(eq + 1);
    if (known.valueFlags.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith("-"))) return undefined;
      flags[key(name)] = value;
    } else if (known.booleanFlags.includes(name) && inline === undefined) {
      flags[key(name)] = true;
    } else {
      return undefined;
    }
  }
  return flags;
}
