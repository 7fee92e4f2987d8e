// The privacy boundary every write crosses: each text field and each piece of metadata of a
// memory is redacted before validation (so tags are redacted before they are lower-cased) and
// before the write lock is taken.
import { mapTextFields } from "../text_fields.ts";
import { MEMORY_TEXT_FIELDS } from "../vault/export.ts";
import type { Finding, Redactor } from "../privacy/redact.ts";
import type { ImportLine, MemoryPatch, NewMemory } from "../vault/mod.ts";

/** Category → count of what was redacted. */
export type Redactions = Record<string, number>;

/** A function that redacts one text and counts what it found into `counts`. */
export function textCleaner(redactor: Redactor, counts: Redactions): (text: string) => string {
  return (text) => {
    const result = redactor.redact(text);
    countFindings(result.findings, counts);
    return result.text;
  };
}

function countFindings(findings: Finding[], counts: Redactions): void {
  for (const finding of findings) counts[finding.category] = (counts[finding.category] ?? 0) + 1;
}

type Cleanable = Partial<Record<string, unknown>>;

/** Redact every free-text field and list of a raw input; other fields pass as they are. */
function cleanFields<T extends Cleanable>(input: T, clean: (text: string) => string): T {
  return mapTextFields(input, MEMORY_TEXT_FIELDS, clean);
}

/** A new memory with every text redacted, and what was redacted. */
export function cleanNewMemory(
  input: NewMemory,
  redactor: Redactor,
): { input: NewMemory; redacted: Redactions } {
  const redacted: Redactions = {};
  return { input: cleanFields(input, textCleaner(redactor, redacted)), redacted };
}

/** A patch with every text redacted, and what was redacted. */
export function cleanPatch(
  patch: MemoryPatch,
  redactor: Redactor,
): { patch: MemoryPatch; redacted: Redactions } {
  const redacted: Redactions = {};
  return { patch: cleanFields(patch, textCleaner(redactor, redacted)), redacted };
}

/** Import lines with every text redacted (non-objects pass through to fail validation). */
export function cleanImportLines(
  lines: unknown[],
  redactor: Redactor,
): { lines: unknown[]; redacted: Redactions } {
  const redacted: Redactions = {};
  const clean = textCleaner(redactor, redacted);
  return {
    lines: lines.map((line) =>
      line !== null && typeof line === "object" && !Array.isArray(line)
        ? cleanFields(line as ImportLine & Cleanable, clean)
        : line
    ),
    redacted,
  };
}

/** Add one count table into another. */
export function addRedactions(into: Redactions, more: Redactions): Redactions {
  for (const [category, n] of Object.entries(more)) into[category] = (into[category] ?? 0) + n;
  return into;
}
