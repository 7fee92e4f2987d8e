// Private file modes for everything under KORVA_HOME: folders 0700, files 0600, set at creation
// whatever the umask (mkdir/open with the mode, then chmod), so a vault, log or token is never
// readable by other users, even for a moment and even when an MCP server or a hook creates it.
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from "./fs_sync.ts";
import { dirname, join } from "./posix_path.ts";

/** Mode of every folder korva creates under KORVA_HOME. */
export const PRIVATE_DIR_MODE = 0o700;
/** Mode of every file korva creates under KORVA_HOME. */
export const PRIVATE_FILE_MODE = 0o600;

const POSIX = Deno.build.os !== "windows";

/** Create `path` and any missing parents as private folders; existing folders are left alone. */
export function ensurePrivateDir(path: string): void {
  const missing: string[] = [];
  for (let dir = path; !existsSync(dir); dir = dirname(dir)) {
    missing.push(dir);
    if (dirname(dir) === dir) break;
  }
  if (missing.length === 0) return;
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  // The umask may have removed bits from the mode (never added any): chmod makes it exact.
  if (POSIX) { for (const dir of missing) chmodSync(dir, PRIVATE_DIR_MODE); }
}

/** Create an empty private file when `path` does not exist yet (its folder must exist). */
export function ensurePrivateFile(path: string): void {
  try {
    Deno.openSync(path, { write: true, createNew: true, mode: PRIVATE_FILE_MODE }).close();
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST") return;
    throw error;
  }
  if (POSIX) chmodSync(path, PRIVATE_FILE_MODE);
}

/** A file or folder under KORVA_HOME that other users can read, write or enter. */
export interface ModeProblem {
  path: string;
  mode: number;
  kind: "dir" | "file";
}

/** Everything under (and including) `home` with group or other permission bits set. */
export function findOpenModes(home: string): ModeProblem[] {
  if (!POSIX || !existsSync(home)) return [];
  const out: ModeProblem[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return; // chmod would follow it out of KORVA_HOME
    const kind = stat.isDirectory() ? "dir" : "file";
    if ((stat.mode & 0o077) !== 0) out.push({ path, mode: stat.mode & 0o7777, kind });
    if (kind === "dir") { for (const name of readdirSync(path)) visit(join(path, name)); }
  };
  visit(home);
  return out;
}

/** Remove group and other bits from every problem found (owner bits, e.g. `x`, are kept). */
export function fixOpenModes(problems: readonly ModeProblem[]): void {
  for (const p of problems) {
    chmodSync(p.path, p.kind === "dir" ? PRIVATE_DIR_MODE : p.mode & 0o700);
  }
}
