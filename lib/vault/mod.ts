// The vault's public face: open it, then call its methods. Everything else in lib/vault is inside.
export {
  anchorCovers,
  describeIssue,
  importError,
  openVault,
  SCHEMA_VERSION,
  snippetOf,
  validateImportLines,
  Vault,
} from "./store.ts";
export type { OpenOptions, RewriteResult, SessionRecord, TextFields, VaultStats } from "./store.ts";
export type { TeamSyncState } from "./team_state.ts";
export { isBusy } from "./sqlite_error.ts";
export * from "./types.ts";
