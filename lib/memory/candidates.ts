// Commit candidates from `korva mine git`: drafts kept beside memories, through the same privacy
// boundary (subjects, messages and diff excerpts can carry secrets).
import type { GitCandidate, StoredCandidate } from "../vault/mod.ts";
import { type Redactions, textCleaner } from "./boundary.ts";
import type { Memories } from "./memories.ts";

/**
 * Store candidates for the context's project, redacted; with `prune` (the whole history was
 * mined) drafts no longer proposed are removed.
 */
export function saveCandidates(
  m: Memories,
  candidates: GitCandidate[],
  options: { prune?: boolean } = {},
): { added: number; updated: number; removed: number; redacted: Redactions } {
  const redacted: Redactions = {};
  const clean = textCleaner(m.ctx.redactor(), redacted);
  const safe = candidates.map((c) => ({
    ...c,
    subject: clean(c.subject),
    message: clean(c.message),
    author: clean(c.author),
    excerpt: clean(c.excerpt),
    files: c.files.map(clean),
  }));
  return { ...m.vault.saveCandidates(m.ctx.project(), safe, options), redacted };
}

/** Draft candidates of the context's project touching `file` (or under it), strongest first. */
export function listCandidates(
  m: Memories,
  options: { file?: string | undefined; limit?: number | undefined; project?: string | undefined } =
    {},
): StoredCandidate[] {
  return m.vault.candidates(options.project ?? m.ctx.project(), options);
}
