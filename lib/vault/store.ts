// The SQLite store: schema, migrations and every query (node:sqlite, WAL, FTS5).
// SKELETON: signatures are the contract; bodies land with the vault issue.
import type { Redactor } from "../privacy/redact.ts";
import type {
  ImportLine,
  Memory,
  MemoryFilter,
  MemoryPatch,
  NewMemory,
  SaveResult,
  SearchHit,
} from "./types.ts";

/** Options for opening a vault. */
export interface OpenOptions {
  /** Clock; defaults to the system clock. */
  now?: () => Date;
  /** Redactor applied to every text field before it is written. */
  redactor?: Redactor;
  /** Default project for saves that name none. */
  project?: string;
  readonly?: boolean;
}

/** Counts by type, project, scope, status; database size in bytes. */
export interface VaultStats {
  total: number;
  byType: Record<string, number>;
  byProject: Record<string, number>;
  byScope: Record<string, number>;
  byStatus: Record<string, number>;
  sizeBytes: number;
  schemaVersion: number;
  path: string;
}

/** A working session started by an AI client. */
export interface SessionRecord {
  id: string;
  project: string;
  goal: string | null;
  started_at: string;
  ended_at: string | null;
  summary_id: string | null;
}

/** An open vault. Close it when done (`using vault = openVault(…)`). */
export class Vault {
  readonly path: string = "";
  save(_input: NewMemory): SaveResult {
    throw new Error("not built");
  }
  get(_id: string): Memory | undefined {
    throw new Error("not built");
  }
  getMany(_ids: string[]): Memory[] {
    throw new Error("not built");
  }
  update(_id: string, _patch: MemoryPatch): Memory {
    throw new Error("not built");
  }
  supersede(_oldId: string, _next: NewMemory): { old: Memory; next: SaveResult } {
    throw new Error("not built");
  }
  forget(_id: string, _options?: { hard?: boolean }): void {
    throw new Error("not built");
  }
  search(_query: string, _filter?: MemoryFilter): SearchHit[] {
    throw new Error("not built");
  }
  list(_filter?: MemoryFilter): Memory[] {
    throw new Error("not built");
  }
  stats(): VaultStats {
    throw new Error("not built");
  }
  importLines(_lines: ImportLine[]): { imported: number; duplicates: number } {
    throw new Error("not built");
  }
  startSession(_project: string, _goal?: string): SessionRecord {
    throw new Error("not built");
  }
  endSession(_id: string, _summary?: string): SessionRecord {
    throw new Error("not built");
  }
  close(): void {}
  [Symbol.dispose](): void {
    this.close();
  }
}

/** Open (creating if needed) the vault at `path`, migrating its schema. */
export function openVault(_path: string, _options: OpenOptions = {}): Vault {
  throw new Error("not built");
}
