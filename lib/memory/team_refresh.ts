// The team refresh before context (import team files changed since the last refresh), split so
// callers that cannot afford to load team sync and its YAML parser on every call (the file
// hooks) load it only when a team file changed (issue 19).
import type { Redactor } from "../privacy/redact.ts";
import { REFRESH_SLACK_MS, teamFilesChangedSince } from "../team/changed.ts";
import type { Memories } from "./memories.ts";
import { importLazily } from "../lazy_import.ts";

/** Options of a refresh: the project the imported memories join (default: the context's). */
export interface RefreshOptions {
  project?: string | undefined;
}

/**
 * Refresh as memoryContext does, importing team sync only when a team file changed since the
 * last refresh; when none did, the refresh would import nothing, so nothing is done.
 */
export async function refreshTeamIfChanged(
  m: Memories,
  options: RefreshOptions = {},
): Promise<void> {
  const root = m.ctx.root();
  if (!root) return;
  const last = m.vault.team.refreshedAt(root);
  if (!teamFilesChangedSince(root, last === undefined ? undefined : last - REFRESH_SLACK_MS)) {
    return;
  }
  const { refreshTeamMemories } = await importLazily<typeof import("../team/sync.ts")>(
    import.meta.url,
    "../team/sync.ts",
  );
  // The context's redactor, built here: its catalogue is loaded only for a refresh that runs.
  const { createRedactor } = await importLazily<typeof import("../privacy/redact.ts")>(
    import.meta.url,
    "../privacy/redact.ts",
  );
  refreshTeamMemories(m.vault, root, {
    project: options.project ?? m.ctx.project(),
    now: m.ctx.deps.now(),
    redactor: lazyRedactor(() => createRedactor(m.ctx.privacy())),
  });
}

/**
 * A redactor made on its first call: a refresh that finds no changed team file never compiles
 * the detector catalogue.
 */
export function lazyRedactor(make: () => Redactor): Redactor {
  let made: Redactor | undefined;
  const get = () => (made ??= make());
  return {
    redact: (text, options) => get().redact(text, options),
    scan: (text, options) => get().scan(text, options),
  };
}
