// The vault's public face: open it, then call its methods. Everything else in lib/vault is inside.
export { anchorCovers } from "./filter.ts";
export { openVault } from "./open.ts";
export { snippetOf } from "./rank.ts";
export type { Cleaners, RewriteResult, TextFields } from "./rewrite.ts";
export { SCHEMA_VERSION } from "./schema.ts";
export { isBusy } from "./sqlite_error.ts";
export { LOCK_TIMEOUT_MS, Vault } from "./store.ts";
export type { OpenOptions, SessionRecord, VaultStats } from "./store.ts";
export type { TeamSyncState } from "./team_state.ts";
export type { RecallBatch, RecallCount, RuleHitCount } from "./usage.ts";
export { describeIssue, importError, validateImportLines } from "./validate.ts";
export { hasControlCharacter, LIMITS, MEMORY_TYPES } from "./types.ts";
export type { MemoryFilter, Provenance, SaveResult, SearchHit } from "./types.ts";
export * from "./schemas.ts";
