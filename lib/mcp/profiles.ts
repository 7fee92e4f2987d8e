// The three permission profiles and which tools each one lists and answers. Plain data without
// zod: `korva mcp` checks its --profile flag before anything heavy loads (issue 19).

/** The profiles, least allowed first. */
export const PROFILES = ["readonly", "agent", "admin"] as const;
export type Profile = (typeof PROFILES)[number];

/** The profile when neither --profile, KORVA_MCP_PROFILE nor config.json names one. */
export const DEFAULT_PROFILE: Profile = "agent";

/** Whether `value` names a profile. */
export function isProfile(value: unknown): value is Profile {
  return PROFILES.includes(value as Profile);
}

/** Every tool, with the least profile that may call it. */
export const TOOL_PROFILES = {
  vault_context: "readonly",
  vault_search: "readonly",
  vault_get: "readonly",
  vault_timeline: "readonly",
  vault_stats: "readonly",
  vault_save: "agent",
  vault_update: "agent",
  vault_supersede: "agent",
  vault_session_start: "agent",
  vault_session_end: "agent",
  sentinel_check: "agent",
  vault_forget: "admin",
  vault_import: "admin",
  vault_candidates: "readonly",
  vault_confirm: "admin",
} as const satisfies Record<string, Profile>;
export type ToolName = keyof typeof TOOL_PROFILES;

const RANK: Record<Profile, number> = { readonly: 0, agent: 1, admin: 2 };

/** Whether `profile` may list and call `tool`. */
export function allows(profile: Profile, tool: ToolName): boolean {
  return RANK[profile] >= RANK[TOOL_PROFILES[tool]];
}

/** The tools a profile lists, in a stable order. */
export function toolsFor(profile: Profile): ToolName[] {
  return (Object.keys(TOOL_PROFILES) as ToolName[]).filter((tool) => allows(profile, tool));
}
