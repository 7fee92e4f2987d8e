// Where korva keeps its data: one place that resolves KORVA_HOME and the files inside it.
import { join, resolve } from "./posix_path.ts";

/** Resolve the data directory: KORVA_HOME, else ~/.korva. */
export function resolveHome(
  env: (name: string) => string | undefined,
  cwd: string,
): { home: string; fromEnv: boolean } {
  const fromEnv = env("KORVA_HOME");
  if (fromEnv !== undefined && fromEnv !== "") {
    return { home: resolve(cwd, fromEnv), fromEnv: true };
  }
  const userHome = env("HOME") ?? env("USERPROFILE") ?? cwd;
  return { home: join(userHome, ".korva"), fromEnv: false };
}

/** Files and folders inside KORVA_HOME. */
export function homePaths(home: string) {
  return {
    vault: join(home, "vault.db"),
    config: join(home, "config.json"),
    logs: join(home, "logs"),
    backups: join(home, "backups"),
    rules: join(home, "rules"),
    token: join(home, "token"),
    bin: join(home, "bin"),
    run: join(home, "run"),
    cache: join(home, "cache"),
  };
}
