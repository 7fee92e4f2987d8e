// Saving a memory: defaults from the context, the privacy boundary, provenance, then the write
// and the team file when it is shared.
// Writes: the vault checks their input with validate.ts, loaded here (lib/vault/validation.ts).
import "../vault/validate.ts";
import type { Memory, NewMemory, SaveResult } from "../vault/mod.ts";
import { screenWrite } from "../trust/provenance.ts";
import { cleanNewMemory } from "./boundary.ts";
import type { Memories } from "./memories.ts";
import { closestMemories, type SimilarMemory } from "./similar.ts";
import { missingParts } from "./quality.ts";
import { followTeamScope, type TeamFileChange } from "./team.ts";

/** What a save reports to every front door. */
export interface SaveOutcome extends SaveResult {
  team: TeamFileChange;
  /**
   * The closest other memories of the project (top 3), to supersede or update instead; empty
   * unless the caller asked (`similar: true`).
   */
  similar: SimilarMemory[];
  /** What the memory lacks for its type (saved anyway): "the why", "an example". */
  missing: string[];
}

/**
 * The fields a caller gives; the rest comes from the context and the origin. `source` defaults
 * to the origin's client; importers name the file and line instead (`adr:docs/adr/0003.md:1`).
 */
export type SaveInput = Omit<NewMemory, "source" | "session_id" | "author"> & {
  author?: string | undefined;
  source?: string | undefined;
};

/** Save one memory through the boundary. */
export function saveMemory(
  m: Memories,
  input: SaveInput,
  options: { similar?: boolean } = {},
): SaveOutcome {
  const { ctx, origin } = m;
  const scope = input.scope ?? ctx.projectConfig()?.defaultScope ?? ctx.config.defaultScope;
  const author = input.author ?? ctx.author();
  const raw: NewMemory = {
    ...input,
    scope,
    project: input.project ?? ctx.project(),
    source: input.source ?? origin.client,
    ...(author ? { author } : {}),
    ...(origin.sessionId ? { session_id: origin.sessionId } : {}),
  };
  const { input: clean, redacted } = cleanNewMemory(raw, ctx.redactor());
  const result = m.vault.save(clean, {
    ...provenanceOf(m, scope === "team"),
    ...screenWrite(clean, m.origin.person),
  });
  const team = result.duplicate ? {} : followTeamScope(m, result.memory);
  return {
    ...result,
    redacted,
    team,
    missing: missingParts(result.memory),
    // One search per save: front doors ask for it; bulk importers do not.
    similar: options.similar ? closestMemories(m, result.memory) : [],
  };
}

/** Provenance of a write by this origin. */
export function provenanceOf(m: Memories, shared: boolean) {
  const commit = m.ctx.commit();
  const clean = (text: string | undefined) =>
    text === undefined ? null : m.ctx.redactor().redact(text).text;
  return {
    commit: commit ?? null,
    client: clean(m.origin.client),
    confirmed: m.origin.person,
    shared_by: shared ? clean(m.ctx.author()) : null,
  };
}

/** The old memory's fields as defaults for its replacement (supersede). */
export function fieldsOf(old: Memory): SaveInput {
  return {
    type: old.type,
    title: old.title,
    content: old.content,
    ...(old.why !== null ? { why: old.why } : {}),
    tags: old.tags,
    files: old.files,
    scope: old.scope,
    project: old.project,
    ...(old.review_by !== null ? { review_by: old.review_by } : {}),
    ...(old.owner !== null ? { owner: old.owner } : {}),
  };
}
