// The list of every subcommand, in the order `korva help` shows them.
import type { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { initCommand } from "./init.ts";
import { saveCommand } from "./save.ts";
import { searchCommand } from "./search.ts";
import { getCommand } from "./get.ts";
import { listCommand } from "./list.ts";
import { updateCommand } from "./update.ts";
import { supersedeCommand } from "./supersede.ts";
import { forgetCommand } from "./forget.ts";
import { statsCommand } from "./stats.ts";
import { exportCommand } from "./export.ts";
import { importCommand } from "./import.ts";
import { redactCommand } from "./redact.ts";
import { scanVaultCommand } from "./scan_vault.ts";
import { contextCommand } from "./context.ts";
import { hookCommand } from "./hook.ts";
import { mcpCommand } from "./mcp.ts";
import { sentinelCommand } from "./sentinel.ts";
import { ruleCommand } from "./rule.ts";
import { hooksCommand } from "./hooks.ts";
import { setupCommand } from "./setup.ts";
import { vaultCommand } from "./vault.ts";
import { doctorCommand } from "./doctor.ts";
import { shareCommand } from "./share.ts";
import { unshareCommand } from "./unshare.ts";
import { syncCommand } from "./sync.ts";

/** Every command factory. */
export const commandList: Array<(deps: Deps) => Command> = [
  initCommand,
  saveCommand,
  searchCommand,
  getCommand,
  listCommand,
  updateCommand,
  supersedeCommand,
  forgetCommand,
  statsCommand,
  exportCommand,
  importCommand,
  redactCommand,
  scanVaultCommand,
  contextCommand,
  hookCommand,
  mcpCommand,
  sentinelCommand,
  ruleCommand,
  hooksCommand,
  setupCommand,
  vaultCommand,
  doctorCommand,
  shareCommand,
  unshareCommand,
  syncCommand,
];
