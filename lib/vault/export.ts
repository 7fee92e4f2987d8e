// Export renderings: JSONL (one Memory per line, re-importable) and Markdown (for people).
import type { Redactor } from "../privacy/redact.ts";
import { mapTextFields } from "../text_fields.ts";
import type { Memory } from "./types.ts";

/** The free-text fields of a memory: its texts and its metadata. */
export const MEMORY_TEXT_FIELDS = [
  "title",
  "content",
  "why",
  "tags",
  "files",
  "project",
  "source",
  "author",
  "client",
  "owner",
  "shared_by",
] as const satisfies readonly (keyof Memory)[];

/** Pass every text field through the redactor again: exports are a privacy boundary too. */
export function redactMemory(memory: Memory, redactor: Redactor): Memory {
  return mapTextFields(memory, MEMORY_TEXT_FIELDS, (text) => redactor.redact(text).text);
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
