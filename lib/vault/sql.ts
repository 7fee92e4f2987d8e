// The vault's connection wrapper: a prepared-statement cache and write transactions whose
// failures keep their meaning (a domain error passes through; only SQLite failures are wrapped).
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { isBusy, sqliteFailure } from "./sqlite_error.ts";

/** How many derived values a connection keeps before it starts over. */
const DERIVED_LIMIT = 4096;

/** A connection with cached statements; only modules inside lib/vault hold one. */
export class Sql {
  readonly #statements = new Map<string, StatementSync>();
  #derived = new Map<string, unknown>();
  #derivedState = "";

  constructor(
    readonly db: DatabaseSync,
    readonly path: string,
    readonly lockTimeoutMs: number,
  ) {}

  /** A cached prepared statement for `sql`. */
  prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Run fn in an IMMEDIATE transaction (the write lock is taken up front, so no upgrade
   * deadlock); nested calls join the open transaction.
   */
  write<T>(fn: () => T): T {
    if (this.db.isTransaction) return fn();
    return this.#transaction(fn, this.lockTimeoutMs);
  }

  /**
   * Like write, but without waiting: when another process holds the write lock, fn does not run
   * and the result is undefined (best-effort bookkeeping that must never hold up its caller).
   */
  tryWrite<T>(fn: () => T): T | undefined {
    if (this.db.isTransaction) return fn();
    this.db.exec("PRAGMA busy_timeout = 0");
    try {
      return this.#transaction(fn, 0);
    } catch (error) {
      if (error instanceof Error && isBusy(error.cause)) return undefined;
      throw error;
    } finally {
      this.db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(this.lockTimeoutMs))}`);
    }
  }

  #transaction<T>(fn: () => T, waitedMs: number): T {
    try {
      this.db.exec("BEGIN IMMEDIATE");
    } catch (error) {
      throw sqliteFailure(error, this.path, "write to", waitedMs);
    }
    try {
      const result = fn();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw sqliteFailure(error, this.path, "write to", waitedMs);
    }
  }

  /**
   * Values derived from the data (search's word counts, each a pass over an index), kept until
   * this connection or another commits a change. Inside a transaction, which may roll back,
   * nothing is kept.
   */
  derived(): Map<string, unknown> {
    if (this.db.isTransaction) return new Map();
    const row = this.prepare(
      "SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version",
    ).get();
    const state = `${row?.changes} ${row?.version}`;
    if (state !== this.#derivedState || this.#derived.size >= DERIVED_LIMIT) {
      this.#derived = new Map();
      this.#derivedState = state;
    }
    return this.#derived;
  }

  /** Forget cached statements (before closing). */
  clear(): void {
    this.#statements.clear();
  }
}
