// The recall journal: hooks that run on every file an agent reads append what they served to
// `$KORVA_HOME/run/recalls.log` instead of writing the vault (a write there cost the hook a WAL,
// four fsyncs and a checkpoint on close); the next process that writes the vault folds it in.
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "../file_modes.ts";
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync } from "../fs_sync.ts";
import { join } from "../posix_path.ts";
import { ULID_PATTERN } from "../ulid.ts";
import type { RecallBatch } from "../vault/mod.ts";

const JOURNAL = "recalls.log";
/** An id as the journal holds it: a ULID in upper case. */
const ULID = new RegExp(ULID_PATTERN.source);

/** Append one batch (one line: the time, then the ids); nothing for no id. */
export function appendRecalls(runDir: string, batch: RecallBatch): void {
  const ids = [...new Set([...batch.ids].map((id) => id.toUpperCase()))].filter((id) =>
    ULID.test(id)
  );
  if (ids.length === 0) return;
  ensurePrivateDir(runDir);
  // One write of one short line (appends from several hooks at once do not interleave), created
  // 0600: a umask only removes bits.
  appendFileSync(join(runDir, JOURNAL), `${batch.at.toISOString()} ${ids.join(" ")}\n`, {
    mode: PRIVATE_FILE_MODE,
  });
}

/**
 * Take the journal's batches, leaving no journal: it is renamed first, so of two processes
 * folding at once only one gets it, and a hook appending meanwhile starts a new one. A line that
 * is not a time and ids (a torn write) is skipped.
 */
export function takeRecalls(runDir: string): { ids: string[]; at: Date }[] {
  const path = join(runDir, JOURNAL);
  if (!existsSync(path)) return [];
  const taken = `${path}.${Deno.pid}.${crypto.randomUUID()}`;
  try {
    renameSync(path, taken);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
  try {
    return parseRecalls(readFileSync(taken, "utf8"));
  } finally {
    rmSync(taken, { force: true });
  }
}

function parseRecalls(text: string): { ids: string[]; at: Date }[] {
  const batches: { ids: string[]; at: Date }[] = [];
  for (const line of text.split("\n")) {
    const [time, ...ids] = line.split(" ");
    const at = new Date(time ?? "");
    if (Number.isNaN(at.getTime()) || ids.length === 0 || !ids.every((id) => ULID.test(id))) {
      continue;
    }
    batches.push({ ids, at });
  }
  return batches;
}
