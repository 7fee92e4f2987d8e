// The vault service's bearer token: random, in $KORVA_HOME/token, readable only by the user.
import { chmodSync, existsSync, readFileSync, statSync } from "node:fs";
import { writeFileAtomic } from "../atomic_write.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "../file_modes.ts";
import { homePaths } from "../paths.ts";

/** The token file's permission bits when others than the user can read or write it. */
export function looseTokenMode(home: string): number | undefined {
  const path = homePaths(home).token;
  if (!existsSync(path) || Deno.build.os === "windows") return undefined;
  const mode = statSync(path).mode & 0o777;
  return (mode & 0o077) !== 0 ? mode : undefined;
}

/**
 * Read the token, creating it (mode 0600) when missing; a token file others can read is
 * tightened to 0600 (`fixedMode` is the mode it had).
 */
export function ensureToken(
  home: string,
): { token: string; created: boolean; fixedMode?: number } {
  const path = homePaths(home).token;
  if (existsSync(path)) {
    const token = readFileSync(path, "utf8").trim();
    if (token.length >= 32) {
      const loose = looseTokenMode(home);
      if (loose === undefined) return { token, created: false };
      chmodSync(path, 0o600);
      return { token, created: false, fixedMode: loose };
    }
  }
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const token = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  ensurePrivateDir(home);
  writeFileAtomic(path, token + "\n", { mode: PRIVATE_FILE_MODE });
  return { token, created: true };
}
