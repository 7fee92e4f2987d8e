// Output shared by the memory commands: stable JSON, short aligned human lines.
import type { Deps } from "../lib/deps.ts";
import { revealHidden } from "../lib/trust/hidden.ts";
import { memoryFlags } from "../lib/trust/provenance.ts";
import { provenanceOf } from "../lib/importers/item.ts";
import type { TeamFileChange } from "../lib/memory/mod.ts";
import type { Memory, SearchHit } from "../lib/vault/types.ts";

/** Print a value as pretty JSON with a trailing newline. */
export function printJson(deps: Deps, value: unknown): void {
  deps.io.out(JSON.stringify(value, null, 2) + "\n");
}

/** A short age: `now`, `5m`, `3h`, `2d`, `7w`, `4mo`, `2y`. */
export function formatAge(iso: string, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return "now";
  const minutes = seconds / 60;
  if (minutes < 60) return `${Math.floor(minutes)}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.floor(hours)}h`;
  const days = hours / 24;
  if (days < 14) return `${Math.floor(days)}d`;
  if (days < 60) return `${Math.floor(days / 7)}w`;
  if (days < 730) return `${Math.floor(days / 30)}mo`;
  return `${Math.floor(days / 365)}y`;
}

/** One aligned line per memory: id, type, age, title. */
export function formatMemoryLines(memories: Memory[], now: Date): string {
  return memories.map((m) => {
    const flags = [
      m.scope === "team" ? "team" : "",
      m.status !== "active" ? m.status : "",
      m.confirmed ? "" : "draft",
      memoryFlags(m).length > 0 ? "flagged" : "",
    ].filter((f) => f !== "").join(",");
    return revealHidden(
      `${m.id}  ${m.type.padEnd(10)}  ${formatAge(m.created_at, now).padStart(4)}  ${m.title}${
        flags ? `  (${flags})` : ""
      }`,
    );
  }).join("\n") + (memories.length > 0 ? "\n" : "");
}

/** Search hits: the memory line and its snippet underneath. */
export function formatHits(hits: SearchHit[], now: Date): string {
  return hits.map((hit) =>
    formatMemoryLines([hit.memory], now) +
    `    ${revealHidden(hit.snippet).replace(/\s+/g, " ").trim()}\n`
  ).join("");
}

/** The full record for `korva get`. */
export function formatMemory(m: Memory, now: Date): string {
  const lines = [
    `${m.title}`,
    `id:       ${m.id}`,
    `type:     ${m.type}    scope: ${m.scope}    status: ${m.status}`,
    `project:  ${m.project}`,
    `created:  ${m.created_at} (${formatAge(m.created_at, now)} ago)    updated: ${m.updated_at}`,
  ];
  lines.push(
    `source:   ${m.confirmed ? "confirmed" : "draft"}, by ${m.author ?? "unknown"} via ${
      m.client ?? m.source
    }${m.commit ? ` at ${m.commit.slice(0, 12)}` : ""}`,
  );
  if (m.owner || m.review_by) {
    lines.push(
      `review:   ${m.owner ? `owner ${m.owner}` : ""}${m.owner && m.review_by ? ", " : ""}${
        m.review_by ? `by ${m.review_by}` : ""
      }`,
    );
  }
  const flags = memoryFlags(m);
  if (flags.length) {
    lines.push(`flagged:  ${flags.join(", ")} (kept out of context until confirmed)`);
  }
  if (m.tags.length) lines.push(`tags:     ${m.tags.join(", ")}`);
  if (m.files.length) lines.push(`files:    ${m.files.join(", ")}`);
  const from = provenanceOf(m.source);
  if (from) lines.push(`from:     ${from}`);
  if (m.supersedes) lines.push(`replaces: ${m.supersedes}`);
  if (m.superseded_by) lines.push(`replaced by: ${m.superseded_by}`);
  lines.push("", m.content);
  if (m.why) lines.push("", "Why:", m.why);
  return revealHidden(lines.join("\n")) + "\n";
}

/** `1 github-token, 2 pii-email` from redaction counts; empty when none. */
export function formatRedactions(counts: Record<string, number>): string {
  return Object.entries(counts).map(([category, n]) => `${n} ${category}`).join(", ");
}

/** What happened to a team file, one line on stderr (nothing when nothing happened). */
export function printTeamChange(deps: Deps, team: TeamFileChange): void {
  if (team.shared) deps.io.err(`Shared with the team in ${team.shared}: commit it\n`);
  if (team.removed) deps.io.err(`Removed the team file ${team.removed}: commit the deletion\n`);
  if (team.pending) deps.io.err(`Not shared yet: ${team.pending}\n`);
  if (team.conflict) {
    deps.io.err(
      `Not shared yet: the team file changed in the repository since the last sync; your version is in ${team.conflict}: merge it, delete it, then run korva sync\n`,
    );
  }
}
