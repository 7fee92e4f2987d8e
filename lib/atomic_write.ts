// Writing user files safely: temp file + rename, with a timestamped backup of what was there.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { KorvaError, messageOf } from "./errors.ts";

/** Options for writeFileAtomic. */
export interface AtomicWriteOptions {
  /** Copy the previous version here (as `<stamp>-<name>`) before replacing it. */
  backupDir?: string;
  /** Clock for the backup name. */
  now?: () => Date;
  /** File mode for a new file (an existing file keeps its mode). */
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
      mkdirSync(options.backupDir, { recursive: true });
      const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, "-");
      const flat = path.replace(/^[/\\]+/, "").replace(/[/\\:]/g, "__");
      backup = join(options.backupDir, `${stamp}-${flat}`);
      copyFileSync(path, backup);
    }
    const temp = join(dir, `.${basename(path)}.korva-${Deno.pid}-${Date.now()}.tmp`);
    try {
      writeFileSync(temp, content, { mode: options.mode ?? 0o644 });
      if (existing) chmodSync(temp, existing.mode & 0o7777);
      else if (options.mode !== undefined) chmodSync(temp, options.mode);
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
