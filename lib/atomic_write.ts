// Writing user files safely: temp file + rename, with a timestamped backup of what was there.
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "./fs_sync.ts";
import { basename, dirname, join, resolve } from "./posix_path.ts";
import { KorvaError, messageOf } from "./errors.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "./file_modes.ts";

const POSIX = Deno.build.os !== "windows";

/** Options for writeFileAtomic. */
export interface AtomicWriteOptions {
  /** Copy the previous version here (as `<stamp>-<name>`) before replacing it. */
  backupDir?: string;
  /** Clock for the backup name. */
  now?: () => Date;
  /** File mode for a new file (default 0644; an existing file keeps its mode). */
  mode?: number;
  /** Create missing parent folders (default true). */
  createParents?: boolean;
}

/**
 * Write `content` to `path` atomically; returns the backup path when one was made. A symlink
 * (a dotfiles setup) is written through: its target is backed up and replaced, the link stays.
 */
export function writeFileAtomic(
  linkOrPath: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): string | undefined {
  const path = throughSymlinks(linkOrPath);
  const dir = dirname(path);
  let backup: string | undefined;
  try {
    if (options.createParents !== false) mkdirSync(dir, { recursive: true });
    const existing = existsSync(path) ? statSync(path) : undefined;
    if (existing && options.backupDir) {
      // Backups hold other tools' tokens (~/.claude.json): private folder, private files.
      ensurePrivateDir(options.backupDir);
      const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, "-");
      const flat = path.replace(/^[/\\]+/, "").replace(/[/\\:]/g, "__");
      backup = join(options.backupDir, `${stamp}-${flat}`);
      // Same clock, same file: the newer backup replaces the older one (as before).
      writeFileSync(backup, readFileSync(path), { mode: PRIVATE_FILE_MODE });
      if (POSIX) chmodSync(backup, PRIVATE_FILE_MODE);
    }
    // The temp file is born with the final mode (never wider, even for a moment): a rewritten
    // ~/.claude.json must not be world-readable while it is written.
    const mode = existing ? existing.mode & 0o7777 : options.mode ?? 0o644;
    const temp = join(dir, `.${basename(path)}.korva-${Deno.pid}-${Date.now()}.tmp`);
    try {
      writeFileSync(temp, content, { mode: mode & 0o777, flag: "wx" });
      if (POSIX) chmodSync(temp, mode);
      renameSync(temp, path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    return backup;
  } catch (error) {
    throw new KorvaError(`Cannot write "${path}": ${messageOf(error)}`, {
      exitCode: 3,
      cause: error,
      hint: "check that the folder exists and is writable",
    });
  }
}

/** The file a path finally names: symlinks followed, even to a target that does not exist yet. */
function throughSymlinks(path: string): string {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      return current;
    }
    if (!isLink) return current;
    try {
      return realpathSync(current);
    } catch {
      // A dangling link: follow it one step and look again.
      current = resolve(dirname(current), readlinkSync(current));
    }
  }
  return current;
}
