// After a commit: a commit whose message or diff looks like the fix of a race, data loss,
// security or outage problem becomes a draft candidate anchored to the files it changed, so the
// next session's context can ask why. Keyed by SHA: a commit never becomes two drafts.
import { mineCandidates } from "../importers/candidates.ts";
import { readGitHistory } from "../importers/git_log.ts";
import { type Memories, saveCandidates } from "../memory/mod.ts";

/** The topics that make a commit worth asking about right after it lands. */
const ASK_ABOUT = ["concurrency", "data loss", "security", "outage"];

/** What was drafted from HEAD, if anything. */
export interface DraftedCommit {
  sha: string;
  subject: string;
  files: string[];
  topics: string[];
  added: boolean;
}

/** Draft a candidate from the repository's HEAD commit when it qualifies. */
export function draftFromHead(m: Memories, root: string): DraftedCommit | undefined {
  const [head] = readGitHistory(root, { last: 1 });
  if (!head) return undefined;
  const [candidate] = mineCandidates([head]);
  if (!candidate) return undefined;
  const topics = ASK_ABOUT.filter((topic) =>
    candidate.reasons.some((reason) => reason === topic || reason === `${topic} (in the diff)`)
  );
  if (topics.length === 0) return undefined;
  const stored = saveCandidates(m, [candidate]);
  return {
    sha: candidate.sha,
    subject: candidate.subject,
    files: candidate.files,
    topics,
    added: stored.added === 1,
  };
}
