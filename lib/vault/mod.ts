// The vault's public face: open it, then call its methods. Everything else in lib/vault is inside.
export {
  anchorCovers,
  describeBadLines,
  describeIssue,
  isLockTimeout,
  openVault,
  SCHEMA_VERSION,
  validateImportLines,
  Vault,
} from "./store.ts";
export type { OpenOptions, SessionRecord, VaultStats } from "./store.ts";
export { openDefaultVault, resolveProject } from "./open.ts";
export * from "./types.ts";
