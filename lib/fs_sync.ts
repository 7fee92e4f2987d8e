// The synchronous file calls korva's hook paths make, on Deno's own APIs: importing node:fs
// starts Deno's Node compatibility layer (~35 ms of CPU), paid by every hook an editor runs on
// each file read (issue 19). Same names and shapes as the node:fs calls they replace, for the
// options korva uses; errors are Deno's (same `code`, e.g. ENOENT, EEXIST).

/** What statSync/lstatSync return: the fields korva reads of node's Stats. */
export interface FileStats {
  size: number;
  mtimeMs: number;
  mode: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

function stats(info: Deno.FileInfo): FileStats {
  return {
    size: info.size,
    mtimeMs: info.mtime?.getTime() ?? 0,
    mode: info.mode ?? 0,
    isFile: () => info.isFile,
    isDirectory: () => info.isDirectory,
    isSymbolicLink: () => info.isSymlink,
  };
}

/** Whether `path` exists (symlinks followed); false on any error, like node's. */
export function existsSync(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

export function statSync(path: string): FileStats {
  return stats(Deno.statSync(path));
}

export function lstatSync(path: string): FileStats {
  return stats(Deno.lstatSync(path));
}

/** The file's text (with "utf8") or bytes. */
export function readFileSync(path: string, encoding: "utf8"): string;
export function readFileSync(path: string): Uint8Array;
export function readFileSync(path: string, encoding?: "utf8"): string | Uint8Array {
  return encoding ? Deno.readTextFileSync(path) : Deno.readFileSync(path);
}

/** Options korva passes when writing: `flag: "wx"` fails when the file exists. */
export interface WriteOptions {
  mode?: number;
  flag?: "w" | "wx";
}

export function writeFileSync(
  path: string,
  data: string | Uint8Array,
  options: WriteOptions = {},
): void {
  const open: Deno.WriteFileOptions = {
    ...(options.mode !== undefined ? { mode: options.mode } : {}),
    ...(options.flag === "wx" ? { createNew: true } : {}),
  };
  if (typeof data === "string") Deno.writeTextFileSync(path, data, open);
  else Deno.writeFileSync(path, data, open);
}

export function appendFileSync(path: string, data: string, options: { mode?: number } = {}): void {
  Deno.writeTextFileSync(path, data, {
    append: true,
    ...(options.mode !== undefined ? { mode: options.mode } : {}),
  });
}

export function mkdirSync(
  path: string,
  options: { recursive?: boolean; mode?: number } = {},
): void {
  Deno.mkdirSync(path, options);
}

/** The folder's entry names, sorted as node's readdirSync (libuv) returns them. */
export function readdirSync(path: string): string[] {
  return Array.from(Deno.readDirSync(path), (entry) => entry.name).sort();
}

/** Remove a file or (recursive) folder; `force` ignores a missing one. */
export function rmSync(path: string, options: { force?: boolean; recursive?: boolean } = {}): void {
  try {
    Deno.removeSync(path, { recursive: options.recursive ?? false });
  } catch (error) {
    if (options.force && error instanceof Deno.errors.NotFound) return;
    throw error;
  }
}

export function renameSync(from: string, to: string): void {
  Deno.renameSync(from, to);
}

export function chmodSync(path: string, mode: number): void {
  Deno.chmodSync(path, mode);
}

export function realpathSync(path: string): string {
  return Deno.realPathSync(path);
}

export function readlinkSync(path: string): string {
  return Deno.readLinkSync(path);
}
