// Changing stored memories: update, supersede, forget, confirm; each through the boundary and
// each followed by its team file.
// Writes: the vault checks their input with validate.ts, loaded here (lib/vault/validation.ts).
import "../vault/validate.ts";
import type { Memory, MemoryPatch } from "../vault/mod.ts";
import { screenWrite } from "../trust/provenance.ts";
import { cleanNewMemory, cleanPatch, type Redactions } from "./boundary.ts";
import type { Memories } from "./memories.ts";
import { fieldsOf, provenanceOf, type SaveInput, type SaveOutcome } from "./save.ts";
import { missingParts } from "./quality.ts";
import { followTeamScope, type TeamFileChange } from "./team.ts";

/** What an update reports. */
export interface UpdateOutcome {
  memory: Memory;
  redacted: Redactions;
  team: TeamFileChange;
}

/** Change fields of a memory (history kept); its team file follows. */
export function updateMemory(m: Memories, id: string, patch: MemoryPatch): UpdateOutcome {
  const { patch: clean, redacted } = cleanPatch(patch, m.ctx.redactor());
  const before = m.vault.require(id);
  const shared = clean.scope === "team" && before.scope !== "team"
    ? { shared_by: provenanceOf(m, true).shared_by }
    : {};
  const memory = m.vault.update(before.id, {
    ...clean,
    ...shared,
    ...rescreen(before, clean, m.origin.person),
  });
  return { memory, redacted, team: followTeamScope(m, memory, before) };
}

/** What a supersede reports. */
export interface SupersedeOutcome {
  old: Memory;
  next: SaveOutcome;
}

/**
 * Replace a memory with a new one, atomically; every field the caller leaves out defaults to
 * the old memory's. Both team files follow.
 */
export function supersedeMemory(
  m: Memories,
  oldId: string,
  fields: { [K in keyof SaveInput]?: SaveInput[K] | undefined } & { content: string },
): SupersedeOutcome {
  const old = m.vault.require(oldId);
  const defined = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<SaveInput>;
  const author = m.ctx.author();
  const raw = {
    ...fieldsOf(old),
    ...defined,
    project: old.project,
    source: m.origin.client,
    ...(author ? { author } : {}),
    ...(m.origin.sessionId ? { session_id: m.origin.sessionId } : {}),
  };
  const { input, redacted } = cleanNewMemory(raw, m.ctx.redactor());
  const result = m.vault.supersede(old.id, input, {
    ...provenanceOf(m, (input.scope ?? old.scope) === "team"),
    ...screenWrite(input, m.origin.person),
  });
  followTeamScope(m, result.old);
  const team = followTeamScope(m, result.next.memory);
  return {
    old: result.old,
    next: {
      ...result.next,
      redacted,
      team,
      missing: missingParts(result.next.memory),
      similar: [],
    },
  };
}

/** Archive a memory, or delete it for good with `hard`; its team file follows. */
export function forgetMemory(
  m: Memories,
  id: string,
  options: { hard?: boolean } = {},
): { memory: Memory; team: TeamFileChange } {
  const memory = m.vault.forget(id, options);
  if (options.hard) {
    const gone: Memory = { ...memory, scope: "private" };
    return { memory, team: followTeamScope(m, gone, memory) };
  }
  return { memory, team: followTeamScope(m, memory) };
}

/** Promote a draft to confirmed (a person vouches for it). */
export function confirmMemory(m: Memories, id: string): UpdateOutcome {
  return updateMemory(m, id, { confirmed: true });
}

/**
 * New text is screened again: its flags replace the old ones. Flagged text, or text an agent
 * rewrote, goes back to draft until a person confirms it. A patch that leaves the text alone
 * keeps both.
 */
function rescreen(
  before: Memory,
  patch: MemoryPatch,
  byPerson: boolean,
): Pick<MemoryPatch, "flags" | "confirmed"> {
  if (
    patch.title === undefined && patch.content === undefined && patch.why === undefined &&
    patch.tags === undefined
  ) return {};
  const { flags } = screenWrite({
    title: patch.title ?? before.title,
    content: patch.content ?? before.content,
    why: patch.why === undefined ? before.why : patch.why,
    tags: patch.tags ?? before.tags,
  }, byPerson);
  return flags.length > 0 || !byPerson ? { flags, confirmed: false } : { flags };
}
