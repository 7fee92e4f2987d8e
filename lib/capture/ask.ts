// Asking about a draft candidate when its file is opened: "this commit fixed a race here; record
// why?", once per session per commit.
import { listCandidates } from "../memory/candidates.ts";
import type { Memories } from "../memory/memories.ts";

/** The question for the strongest unasked candidate touching `file`, or undefined. */
export function candidateQuestion(
  m: Memories,
  file: string,
  asked: Set<string>,
): string | undefined {
  const candidate = listCandidates(m, { file, limit: 5 })
    .find((c) => !asked.has(`candidate:${c.sha}`));
  if (!candidate) return undefined;
  asked.add(`candidate:${candidate.sha}`);
  const topics = candidate.reasons.filter((r) => !r.startsWith("reverted by")).join(", ");
  return `Commit ${candidate.sha.slice(0, 7)} changed ${file} (${topics}) and nobody has ` +
    `recorded why yet. Its subject, quoted: "${candidate.subject.replaceAll('"', "'")}". If the ` +
    "developer knows the reason, ask and save it with vault_save as a decision or incident.";
}
