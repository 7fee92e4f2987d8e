// Opening vault.db: folder and file modes, pragmas, migrations, and what a failure to open says.
import { chmodSync, existsSync } from "../fs_sync.ts";
import { dirname } from "../posix_path.ts";
import { DatabaseSync } from "node:sqlite";
import { KorvaError, messageOf } from "../errors.ts";
import { ensurePrivateDir, ensurePrivateFile } from "../file_modes.ts";
import { migrate } from "./schema.ts";
import { sqliteFailure } from "./sqlite_error.ts";
import { LOCK_TIMEOUT_MS, type OpenOptions, Vault } from "./store.ts";

/** Open (creating if needed) the vault at `path`, migrating its schema. Files are private. */
export function openVault(path: string, options: OpenOptions = {}): Vault {
  const fresh = !existsSync(path);
  if (!options.readonly) {
    try {
      ensurePrivateDir(dirname(path));
      // Born private: SQLite gives -wal and -shm the mode of the database file.
      ensurePrivateFile(path);
    } catch (error) {
      throw new KorvaError(
        `Cannot create the vault folder "${dirname(path)}": ${messageOf(error)}`,
        {
          exitCode: 3,
          cause: error,
          hint: "check that KORVA_HOME points to a writable folder",
        },
      );
    }
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, {
      readOnly: options.readonly ?? false,
      enableForeignKeyConstraints: true,
    });
  } catch (error) {
    throw new KorvaError(`Cannot open the vault "${path}": ${messageOf(error)}`, {
      exitCode: 3,
      cause: error,
      hint: "check that KORVA_HOME points to a readable, writable folder",
    });
  }
  try {
    const timeout = Math.max(0, Math.trunc(options.lockTimeoutMs ?? LOCK_TIMEOUT_MS));
    db.exec(`PRAGMA busy_timeout = ${timeout}`);
    migrate(db, path, options.readonly ?? false);
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA cache_size = -32000");
    db.exec("PRAGMA foreign_keys = ON");
    if (fresh && !options.readonly) privateFiles(path);
  } catch (error) {
    db.close();
    throw openFailure(error, path, options);
  }
  return new Vault(path, db, options);
}

/** vault.db and its WAL/SHM files readable by the owner only. */
function privateFiles(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      chmodSync(file, 0o600);
    } catch {
      // The WAL and SHM files exist only while a connection has them open.
    }
  }
}

function openFailure(error: unknown, path: string, options: OpenOptions): unknown {
  if (error instanceof KorvaError) {
    if (error.message.startsWith("Cannot")) return error;
    return new KorvaError(`Cannot open the vault "${path}": ${error.message}`, {
      exitCode: error.exitCode,
      cause: error,
      hint: error.hint ?? "restore vault.db from a backup or move it aside and run `korva init`",
    });
  }
  return sqliteFailure(error, path, "open", options.lockTimeoutMs ?? LOCK_TIMEOUT_MS);
}
