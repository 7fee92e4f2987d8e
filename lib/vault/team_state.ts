// Team sync state: per repository, the file and memory hashes at the last sync of each shared
// memory, and when the repository's team files were last read.
import type { Sql } from "./sql.ts";

/** One shared memory's state at its last sync. */
export interface TeamSyncState {
  memory_id: string;
  path: string;
  file_hash: string;
  memory_hash: string;
}

/** The team_sync and team_refresh tables, behind methods. */
export class TeamState {
  constructor(readonly sql: Sql) {}

  /** Every synced memory of a repository, by id. */
  states(repo: string): Map<string, TeamSyncState> {
    const rows = this.sql.prepare(
      "SELECT memory_id, path, file_hash, memory_hash FROM team_sync WHERE repo = ?",
    ).all(repo) as unknown as TeamSyncState[];
    return new Map(rows.map((row) => [row.memory_id, { ...row }]));
  }

  /** Remember a memory as synced with the file at `path`. */
  record(repo: string, state: TeamSyncState, at: Date): void {
    this.sql.prepare(
      `INSERT INTO team_sync (repo, memory_id, path, file_hash, memory_hash, synced_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(repo, memory_id) DO UPDATE SET path = excluded.path,
         file_hash = excluded.file_hash, memory_hash = excluded.memory_hash,
         synced_at = excluded.synced_at`,
    ).run(repo, state.memory_id, state.path, state.file_hash, state.memory_hash, at.toISOString());
  }

  /** Forget a memory's sync state. */
  drop(repo: string, memoryId: string): void {
    this.sql.prepare("DELETE FROM team_sync WHERE repo = ? AND memory_id = ?").run(repo, memoryId);
  }

  /** When the repository's team files were last read (ms since the epoch), if ever. */
  refreshedAt(repo: string): number | undefined {
    const row = this.sql.prepare("SELECT at FROM team_refresh WHERE repo = ?").get(repo);
    return row ? Number(row.at) : undefined;
  }

  /** Record a read of the repository's team files. */
  setRefreshedAt(repo: string, at: number): void {
    this.sql.prepare(
      "INSERT INTO team_refresh (repo, at) VALUES (?, ?) ON CONFLICT(repo) DO UPDATE SET at = excluded.at",
    ).run(repo, at);
  }
}
