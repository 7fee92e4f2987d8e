// Writing user files safely: temp file + rename, with a timestamped backup of what was there.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
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

/** Write `content` to `path` atomically; returns the backup path when one was made. */
export function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): string | undefined {
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
