// Moving memories in and out in bulk: JSONL import (all-or-nothing, through the boundary) and
// export (every field redacted again, metadata included).
// Writes: the vault checks their input with validate.ts, loaded here (lib/vault/validation.ts).
import "../vault/validate.ts";
import { redactMemory } from "../vault/export.ts";
import type { Memory, MemoryFilter } from "../vault/mod.ts";
import { screenWrite } from "../trust/provenance.ts";
import { cleanImportLines, type Redactions } from "./boundary.ts";
import type { Memories } from "./memories.ts";

/** What an import did. */
export interface ImportOutcome {
  imported: number;
  duplicates: number;
  redacted: Redactions;
}

/**
 * Import records all-or-nothing: redacted first, then validated (every bad line named), then
 * written in one transaction. Lines without a project get the context's.
 */
export function importMemories(
  m: Memories,
  lines: unknown[],
  options: { numberFrom?: number[]; project?: string } = {},
): ImportOutcome {
  const project = options.project ?? m.ctx.project();
  const withProject = lines.map((line) =>
    line !== null && typeof line === "object" && !Array.isArray(line) &&
      !(line as { project?: unknown }).project
      ? { ...line, project }
      : line
  );
  const { lines: clean, redacted } = cleanImportLines(withProject, m.ctx.redactor());
  const result = m.vault.importLines(
    clean.map(screenImportLine),
    options.numberFrom ? { numberFrom: options.numberFrom } : {},
  );
  return { ...result, redacted };
}

/** Every memory matching the filter, redacted again on the way out (rules improve). */
export function* exportMemories(m: Memories, filter: MemoryFilter): Generator<Memory> {
  const redactor = m.ctx.redactor();
  for (const memory of m.vault.iterate(filter)) yield redactMemory(memory, redactor);
}

/** An import line with the screen's flags added; flagged lines arrive as drafts. */
function screenImportLine(line: unknown): unknown {
  if (line === null || typeof line !== "object" || Array.isArray(line)) return line;
  const record = line as Record<string, unknown>;
  const text = (value: unknown) => typeof value === "string" ? value : null;
  const { flags } = screenWrite({
    title: text(record.title),
    content: text(record.content),
    why: text(record.why),
    tags: Array.isArray(record.tags) ? record.tags.filter((t) => typeof t === "string") : [],
  }, true);
  if (flags.length === 0) return line;
  const stored = Array.isArray(record.flags) ? record.flags : [];
  return { ...record, flags: [...new Set([...stored, ...flags])], confirmed: false };
}
