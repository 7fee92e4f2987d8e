// The vault service's bearer token: random, in $KORVA_HOME/token, readable only by the user.
import { existsSync, readFileSync } from "node:fs";
import { writeFileAtomic } from "../atomic_write.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "../file_modes.ts";
import { homePaths } from "../paths.ts";

/** Read the token, creating it (mode 0600) when missing. */
export function ensureToken(home: string): { token: string; created: boolean } {
  const path = homePaths(home).token;
  if (existsSync(path)) {
    const token = readFileSync(path, "utf8").trim();
    if (token.length >= 32) return { token, created: false };
  }
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const token = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  ensurePrivateDir(home);
  writeFileAtomic(path, token + "\n", { mode: PRIVATE_FILE_MODE });
  return { token, created: true };
}
