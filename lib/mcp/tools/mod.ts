// Every tool's registration function, keyed by tool name; server.ts registers what the profile
// allows.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ToolContext } from "../context.ts";
import type { ToolName } from "../profiles.ts";
import { registerSentinelCheckTool } from "./sentinel_check.ts";
import { registerVaultCandidatesTool } from "./vault_candidates.ts";
import { registerVaultConfirmTool } from "./vault_confirm.ts";
import { registerVaultContextTool } from "./vault_context.ts";
import { registerVaultForgetTool } from "./vault_forget.ts";
import { registerVaultGetTool } from "./vault_get.ts";
import { registerVaultImportTool } from "./vault_import.ts";
import { registerVaultSaveTool } from "./vault_save.ts";
import { registerVaultSearchTool } from "./vault_search.ts";
import { registerVaultSessionEndTool, registerVaultSessionStartTool } from "./vault_session.ts";
import { registerVaultStatsTool } from "./vault_stats.ts";
import { registerVaultSupersedeTool } from "./vault_supersede.ts";
import { registerVaultTimelineTool } from "./vault_timeline.ts";
import { registerVaultUpdateTool } from "./vault_update.ts";

/** How to register each tool. */
export const TOOL_REGISTRY: Record<ToolName, (server: McpServer, ctx: ToolContext) => void> = {
  vault_context: registerVaultContextTool,
  vault_search: registerVaultSearchTool,
  vault_get: registerVaultGetTool,
  vault_timeline: registerVaultTimelineTool,
  vault_stats: registerVaultStatsTool,
  vault_save: registerVaultSaveTool,
  vault_update: registerVaultUpdateTool,
  vault_supersede: registerVaultSupersedeTool,
  vault_session_start: registerVaultSessionStartTool,
  vault_session_end: registerVaultSessionEndTool,
  sentinel_check: registerSentinelCheckTool,
  vault_forget: registerVaultForgetTool,
  vault_import: registerVaultImportTool,
  vault_candidates: registerVaultCandidatesTool,
  vault_confirm: registerVaultConfirmTool,
};
