// Turning a SQLite failure into one clear sentence; anything that is not a SQLite failure (a
// KorvaError from a domain check, a bug) passes through unchanged.
import { KorvaError, messageOf } from "../errors.ts";

/** Whether a thrown value came from SQLite (node:sqlite sets code ERR_SQLITE_ERROR). */
export function isSqliteError(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === "ERR_SQLITE_ERROR";
}

/** Whether a SQLite failure is a lock that did not come free in time. */
export function isBusy(error: unknown): boolean {
  return isSqliteError(error) && /database is locked|database is busy|SQLITE_BUSY/i.test(
    messageOf(error),
  );
}

/**
 * A SQLite failure as a KorvaError naming the action ("open", "read", "write to") and the vault;
 * anything else is returned as it is.
 */
export function sqliteFailure(
  error: unknown,
  path: string,
  action: string,
  waitedMs: number,
): unknown {
  if (!isSqliteError(error)) return error;
  const message = messageOf(error);
  if (isBusy(error)) {
    const waited = waitedMs >= 1000 ? `${waitedMs / 1000} s` : `${waitedMs} ms`;
    return new KorvaError(
      `Cannot ${action} the vault "${path}": another process held its write lock for over ${waited}`,
      { exitCode: 3, cause: error, hint: "try again in a moment; nothing was written" },
    );
  }
  if (/not a database|malformed|corrupt/i.test(message)) {
    return new KorvaError(`Cannot read the vault "${path}": the file is damaged (${message})`, {
      exitCode: 3,
      cause: error,
      hint: "run `korva doctor`; korva did not modify the file",
    });
  }
  if (/readonly|read-only|unable to open|disk I\/O|full/i.test(message)) {
    return new KorvaError(`Cannot ${action} the vault "${path}": ${message}`, {
      exitCode: 3,
      cause: error,
      hint: "check the permissions and free space of KORVA_HOME",
    });
  }
  return new KorvaError(`Cannot ${action} the vault "${path}": ${message}`, {
    exitCode: 3,
    cause: error,
  });
}
