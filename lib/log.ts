// Append-only log files under $KORVA_HOME/logs with size-based rotation; never throws.
import { appendFileSync, existsSync, renameSync, statSync } from "./fs_sync.ts";
import { join } from "./posix_path.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "./file_modes.ts";

const MAX_BYTES = 1024 * 1024;
const KEEP = 3;

/** A logger that writes one line per call to `$KORVA_HOME/logs/<name>.log`. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Create a logger; failures to log are swallowed so logging never breaks a command. */
export function createLogger(
  home: string,
  name: string,
  now: () => Date = () => new Date(),
): Logger {
  const dir = join(home, "logs");
  const file = join(dir, `${name}.log`);
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    try {
      ensurePrivateDir(dir);
      if (existsSync(file) && statSync(file).size > MAX_BYTES) rotate(file);
      const line = JSON.stringify({ time: now().toISOString(), level, message, ...fields });
      appendFileSync(file, line + "\n", { mode: PRIVATE_FILE_MODE });
    } catch {
      // Logging must never fail the caller (hooks, MCP server).
    }
  };
  return {
    info: (message, fields) => write("info", message, fields),
    error: (message, fields) => write("error", message, fields),
  };
}

function rotate(file: string): void {
  for (let i = KEEP - 1; i >= 1; i--) {
    const from = `${file}.${i}`;
    if (existsSync(from)) renameSync(from, `${file}.${i + 1}`);
  }
  renameSync(file, `${file}.1`);
}
