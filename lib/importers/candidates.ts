// Which commits deserve a "why was this changed?": fixes, reverts and commits whose message or
// diff points at concurrency, data loss, security, performance or outages. Pure: commits in,
// scored draft candidates out. Reverted changes and repeated fixes of the same lines rank first.
import type { GitCandidate } from "../vault/types.ts";
import type { Commit } from "./git_log.ts";

/** A proposed commit (the vault's schema, so mining and storage agree). */
export type Candidate = GitCandidate;

/** Candidates sharing a file, strongest first. */
export interface CandidateGroup {
  file: string;
  score: number;
  shas: string[];
}

const TOPICS: [topic: string, message: RegExp, diff: RegExp][] = [
  [
    "concurrency",
    /\b(race( condition)?|deadlock|mutex|concurren\w*|atomic\w*|thread[- ]safe\w*|locking|lock contention)\b/i,
    /\b(race condition|deadlock|data race)\b/i,
  ],
  [
    "data loss",
    /\b(data loss|lost (data|writes|updates)|corrupt\w*|truncat\w*|double[- ](charge|write|spend)\w*|idempoten\w*|duplicate (rows|records|charges))\b/i,
    /\b(data loss|corrupt(ion|ed)|lost update)\b/i,
  ],
  [
    "security",
    /\b(security|vulnerab\w*|cve-\d+|xss|csrf|ssrf|injection|auth(n|z|entication|orization)? (bypass|bug|fix)|privilege|sanitiz\w*|leak(ed|s)? (secret|token|credential)s?)\b/i,
    /\b(cve-\d{4}-\d+|sql injection|xss|csrf)\b/i,
  ],
  [
    "performance",
    /\b(perf|performance|slow(ness|er)?|latency|timeouts?|n\+1|memory leak|oom|out of memory|hot path|speed ?up)\b/i,
    /\b(memory leak|n\+1 quer)/i,
  ],
  [
    "outage",
    /\b(outage|incident|downtime|crash\w*|panic\w*|sev-?[0-3]|postmortem|post-mortem|on-?call|pager)\b/i,
    /\b(outage|incident)\b/i,
  ],
];

const COMMENT = /^\s*(\/\/|#|\/\*|\*|--|;|<!--)/;
const DOCS =
  /(^|\/)(docs?|documentation)\/|\.(md|markdown|mdx|rst|adoc|txt)$|(^|\/)(LICENSE|NOTICE|AUTHORS|CHANGELOG|CHANGES|CONTRIBUTING)(\.\w+)?$/i;
const FORMATTING_SUBJECT =
  /^(style|fmt|format|lint|prettier)(\(.+\))?!?:|\b(reformat\w*|run (prettier|gofmt|black|rustfmt|deno fmt)|whitespace( only)?|fix (indentation|formatting|lint))\b/i;

/** Docs-only: every touched file is documentation. */
export function isDocsOnly(commit: Commit): boolean {
  return commit.files.length > 0 && commit.files.every((f) => DOCS.test(f.path));
}

/** Formatting-only: the removed and added lines are the same once whitespace is ignored. */
export function isFormattingOnly(commit: Commit): boolean {
  if (
    FORMATTING_SUBJECT.test(commit.subject) &&
    !/\bfix(e[sd])?\b.*\b(bug|crash|race)/i.test(commit.subject)
  ) {
    return true;
  }
  if (commit.addedLines.length === 0 && commit.removedLines.length === 0) return false;
  const squash = (lines: string[]) =>
    lines.map((l) => l.replace(/\s+/g, "")).filter((l) => l !== "").sort().join("\n");
  return squash(commit.addedLines) === squash(commit.removedLines);
}

/** Score and keep the commits worth asking about; strongest first. */
export function mineCandidates(commits: Commit[]): Candidate[] {
  // Reverted commits by the first 7 characters of the SHA a revert names (git's shortest form).
  const reverted = new Map<string, { target: string; by: string }[]>();
  for (const commit of commits) {
    const target = commit.body.match(/This reverts commit ([0-9a-f]{7,40})/i)?.[1]?.toLowerCase();
    if (!target) continue;
    const list = reverted.get(target.slice(0, 7)) ?? [];
    list.push({ target, by: commit.sha });
    reverted.set(target.slice(0, 7), list);
  }
  const revertedBy = (sha: string) =>
    reverted.get(sha.slice(0, 7))?.find((r) => sha.startsWith(r.target))?.by;
  const scored: { commit: Commit; score: number; reasons: string[]; fix: boolean }[] = [];
  for (const commit of commits) {
    if (isDocsOnly(commit) || isFormattingOnly(commit)) continue;
    const reasons: string[] = [];
    let score = 0;
    const message = `${commit.subject}\n${commit.body}`;
    const isRevert = /^revert\b/i.test(commit.subject) || /This reverts commit/i.test(commit.body);
    if (isRevert) {
      score += 4;
      reasons.push("revert");
    }
    const by = revertedBy(commit.sha);
    if (by) {
      score += 4;
      reasons.push(`reverted by ${by.slice(0, 12)}`);
    }
    const hotfix = /\bhot-?fix/i.test(commit.subject);
    const fix = hotfix || /(^|\b)(fix(e[sd]|ing)?|bug ?fix|bug|patch(ed)?)\b/i.test(commit.subject);
    if (hotfix) {
      score += 3;
      reasons.push("hotfix");
    } else if (fix && !isRevert) {
      score += 2;
      reasons.push("fix");
    }
    // In a diff only comments count: code mentions "lock" or "incident" all the time, while a
    // comment saying "avoid the race condition" explains the change.
    const diff = [...commit.addedLines, ...commit.removedLines].filter((l) => COMMENT.test(l))
      .join("\n");
    for (const [topic, inMessage, inDiff] of TOPICS) {
      if (inMessage.test(message)) {
        score += 1.5;
        reasons.push(topic);
      } else if (inDiff.test(diff)) {
        score += 0.5;
        reasons.push(`${topic} (in the diff)`);
      }
    }
    if (score > 0) scored.push({ commit, score, reasons, fix: fix || isRevert });
  }
  // Repeated fixes of the same lines: another fix changed an overlapping range of the same file.
  const fixesByFile = new Map<string, { sha: string; ranges: [number, number][] }[]>();
  for (const s of scored) {
    if (!s.fix) continue;
    for (const file of s.commit.files) {
      const list = fixesByFile.get(file.path) ?? [];
      list.push({ sha: s.commit.sha, ranges: file.ranges });
      fixesByFile.set(file.path, list);
    }
  }
  for (const s of scored) {
    if (!s.fix) continue;
    const repeated = new Set<string>();
    for (const file of s.commit.files) {
      for (const other of fixesByFile.get(file.path) ?? []) {
        if (other.sha === s.commit.sha) continue;
        if (overlaps(file.ranges, other.ranges)) repeated.add(file.path);
      }
    }
    for (const path of repeated) {
      s.score += 3;
      s.reasons.push(`repeated fix of the same lines in ${path}`);
    }
  }
  return scored
    .sort((a, b) => b.score - a.score || b.commit.time - a.commit.time)
    .map(({ commit, score, reasons }) => ({
      sha: commit.sha,
      subject: commit.subject,
      message: commit.body === "" ? commit.subject : `${commit.subject}\n\n${commit.body}`,
      author: commit.author,
      committed_at: new Date(commit.time * 1000).toISOString(),
      files: commit.files.map((f) => f.path),
      stat: {
        files: commit.files.length,
        insertions: commit.files.reduce((n, f) => n + f.added, 0),
        deletions: commit.files.reduce((n, f) => n + f.deleted, 0),
      },
      excerpt: excerptOf(commit),
      score: Math.round(score * 10) / 10,
      reasons,
    }));
}

/** Group candidates by the files they touch, strongest file first. */
export function groupByFile(candidates: Candidate[]): CandidateGroup[] {
  const groups = new Map<string, CandidateGroup>();
  for (const c of candidates) {
    for (const file of c.files) {
      const group = groups.get(file) ?? { file, score: 0, shas: [] };
      group.score = Math.round((group.score + c.score) * 10) / 10;
      group.shas.push(c.sha);
      groups.set(file, group);
    }
  }
  return [...groups.values()].sort((a, b) => b.score - a.score || (a.file < b.file ? -1 : 1));
}

function overlaps(a: [number, number][], b: [number, number][]): boolean {
  return a.some(([s1, e1]) =>
    b.some(([s2, e2]) => s1 <= e2 && s2 <= e1 && !(s1 === 0 && s2 === 0))
  );
}

/** A few changed lines: removed first, then added, each cut to 120 characters. */
function excerptOf(commit: Commit): string {
  const pick = (lines: string[], sign: string) =>
    lines.filter((l) => l.trim() !== "").slice(0, 4).map((l) =>
      `${sign}${l.length > 120 ? `${l.slice(0, 119)}…` : l}`
    );
  return [...pick(commit.removedLines, "-"), ...pick(commit.addedLines, "+")].join("\n");
}
