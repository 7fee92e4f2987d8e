// The privacy boundary imported text crosses before it is planned: redacted here so the plan
// compares what will really be stored. The write then goes through the memory layer's save and
// update (lib/memory/import_plan.ts), which redact again and run the instruction-content screen
// of issue 17 (branch `trust` screens in saveMemory/updateMemory): that is the screen's single
// call site for imports too, so flagged imported text becomes a draft like any other write.
import { mapTextFields } from "../text_fields.ts";
import type { Redactor } from "../privacy/redact.ts";
import type { ImportItem } from "./item.ts";

/** Items with redacted text, plus redactions per category. */
export interface BoundaryResult {
  items: ImportItem[];
  redacted: Record<string, number>;
}

/**
 * Redact title, content, why, tags and anchors of every item. The memory layer redacts again on
 * write (a no-op on redacted text); doing it here first lets the plan compare what will really be
 * stored, so a re-run of a file holding a secret is "unchanged", not "updated".
 */
export function passBoundary(items: ImportItem[], redactor: Redactor): BoundaryResult {
  const redacted: Record<string, number> = {};
  const cleaned = items.map((item) => {
    const clean = (text: string) => {
      const result = redactor.redact(text);
      for (const f of result.findings) redacted[f.category] = (redacted[f.category] ?? 0) + 1;
      return result.text;
    };
    return mapTextFields(item, ["title", "content", "why", "tags", "files"], clean);
  });
  return { items: cleaned, redacted };
}
