// Export renderings: JSONL (one Memory per line, re-importable) and Markdown (for people).
import type { Redactor } from "../privacy/redact.ts";
import type { Memory } from "./types.ts";

/** Pass every text field through the redactor again: exports are a privacy boundary too. */
export function redactMemory(memory: Memory, redactor: Redactor): Memory {
  const clean = (text: string) => redactor.redact(text).text;
  return {
    ...memory,
    title: clean(memory.title),
    content: clean(memory.content),
    why: memory.why === null ? null : clean(memory.why),
    tags: memory.tags.map(clean),
    files: memory.files.map(clean),
    project: clean(memory.project),
    source: clean(memory.source),
    author: memory.author === null ? null : clean(memory.author),
    client: memory.client === null ? null : clean(memory.client),
    owner: memory.owner === null ? null : clean(memory.owner),
    shared_by: memory.shared_by === null ? null : clean(memory.shared_by),
  };
}

/** One JSON object per line, with the field names `korva import` reads. */
export function toJsonlLine(memory: Memory): string {
  return JSON.stringify(memory) + "\n";
}

/** A Markdown section per memory: title, metadata line, body, rationale. */
export function toMarkdownSection(memory: Memory): string {
  const meta = [
    `\`${memory.id}\``,
    memory.type,
    memory.project,
    memory.scope,
    memory.status,
    memory.created_at.slice(0, 10),
  ];
  const lines = [`## ${memory.title}`, "", meta.join(" · ")];
  if (memory.tags.length) lines.push(`tags: ${memory.tags.join(", ")}`);
  if (memory.files.length) lines.push(`files: ${memory.files.map((f) => `\`${f}\``).join(", ")}`);
  lines.push("", memory.content.trim());
  if (memory.why) lines.push("", "**Why:** " + memory.why.trim());
  return lines.join("\n") + "\n\n";
}
