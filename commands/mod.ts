// Every subcommand, in the order `korva help` shows them. Each is loaded only when needed, so
// `korva --version` or a git hook does not pay for the MCP SDK or the setup tables.
import type { Command } from "commander";
import type { Deps } from "../lib/deps.ts";

/** A command factory. */
export type CommandFactory = (deps: Deps) => Command;

/** Command name → loader of its factory (static specifiers, so `deno compile` bundles them). */
export const COMMANDS: Array<[name: string, load: () => Promise<CommandFactory>]> = [
  ["init", async () => (await import("./init.ts")).initCommand],
  ["save", async () => (await import("./save.ts")).saveCommand],
  ["search", async () => (await import("./search.ts")).searchCommand],
  ["get", async () => (await import("./get.ts")).getCommand],
  ["list", async () => (await import("./list.ts")).listCommand],
  ["update", async () => (await import("./update.ts")).updateCommand],
  ["supersede", async () => (await import("./supersede.ts")).supersedeCommand],
  ["forget", async () => (await import("./forget.ts")).forgetCommand],
  ["stats", async () => (await import("./stats.ts")).statsCommand],
  ["export", async () => (await import("./export.ts")).exportCommand],
  ["import", async () => (await import("./import.ts")).importCommand],
  ["mine", async () => (await import("./mine.ts")).mineCommand],
  ["redact", async () => (await import("./redact.ts")).redactCommand],
  ["scan-vault", async () => (await import("./scan_vault.ts")).scanVaultCommand],
  ["context", async () => (await import("./context.ts")).contextCommand],
  ["hook", async () => (await import("./hook.ts")).hookCommand],
  ["mcp", async () => (await import("./mcp.ts")).mcpCommand],
  ["sentinel", async () => (await import("./sentinel.ts")).sentinelCommand],
  ["rule", async () => (await import("./rule.ts")).ruleCommand],
  ["hooks", async () => (await import("./hooks.ts")).hooksCommand],
  ["setup", async () => (await import("./setup.ts")).setupCommand],
  ["vault", async () => (await import("./vault.ts")).vaultCommand],
  ["ui", async () => (await import("./ui.ts")).uiCommand],
  ["doctor", async () => (await import("./doctor.ts")).doctorCommand],
  ["share", async () => (await import("./share.ts")).shareCommand],
  ["unshare", async () => (await import("./unshare.ts")).unshareCommand],
  ["sync", async () => (await import("./sync.ts")).syncCommand],
  ["confirm", async () => (await import("./confirm.ts")).confirmCommand],
  ["review", async () => (await import("./review.ts")).reviewCommand],
  ["anchors", async () => (await import("./anchors.ts")).anchorsCommand],
];

/** The factories a command line needs: just its command, or all of them for help and errors. */
export async function loadCommands(args: string[]): Promise<CommandFactory[]> {
  const first = args[0];
  if (first === "--version" || first === "-V") return [];
  // The edit-time gate runs on every file write: load it without the other hook handlers.
  if (first === "hook" && args[1] === "edit-gate") {
    return [(await import("./hook_edit_gate.ts")).editGateHookCommand];
  }
  const one = COMMANDS.find(([name]) => name === first);
  const chosen = one ? [one] : COMMANDS;
  return await Promise.all(chosen.map(([, load]) => load()));
}
