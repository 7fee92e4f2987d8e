// Working sessions of an AI client: start (goal redacted) and end (summary saved through the
// boundary as a learning of the session).
// Writes: the vault checks their input with validate.ts, loaded here (lib/vault/validation.ts).
import "../vault/validate.ts";
import type { SessionRecord } from "../vault/mod.ts";
import type { Memories } from "./memories.ts";
import { provenanceOf } from "./save.ts";

/** Start a session for the context's project. */
export function startSession(m: Memories, goal?: string): SessionRecord {
  const redactor = m.ctx.redactor();
  const clean = (text: string | undefined) =>
    text === undefined ? undefined : redactor.redact(text).text;
  return m.vault.startSession(m.ctx.project(), clean(goal), clean(m.origin.client));
}

/** End a session, saving its summary (redacted) as a memory of the session. */
export function endSession(m: Memories, id: string, summary?: string): SessionRecord {
  const clean = summary === undefined ? undefined : m.ctx.redactor().redact(summary).text;
  return m.vault.endSession(id, clean, provenanceOf(m, false));
}
