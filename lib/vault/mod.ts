// The vault's public face: open it, then call its methods. Everything else in lib/vault is inside.
export { openVault, Vault } from "./store.ts";
export type { OpenOptions, SessionRecord, VaultStats } from "./store.ts";
export * from "./types.ts";
