// The boundary every imported text crosses before it is planned or stored: the privacy redactor
// and the instruction-content screen. One call site, so the screen of issue 17 plugs in here.
import type { Redactor } from "../privacy/redact.ts";
import type { ImportItem } from "./item.ts";

/**
 * A screen for instruction-like content (issue 17, "trust"): returns the text to store. Until
 * that screen lands, the identity is used.
 */
export type InstructionScreen = (text: string, origin: { path: string; line: number }) => string;

/** Items with redacted and screened text, plus redactions per category. */
export interface BoundaryResult {
  items: ImportItem[];
  redacted: Record<string, number>;
}

/**
 * Redact and screen title, content, why, tags and anchors of every item. The vault redacts again
 * on write (a no-op on redacted text); doing it here first lets the plan compare what will really
 * be stored, so a re-run of a file holding a secret is "unchanged", not "updated".
 */
export function passBoundary(
  items: ImportItem[],
  options: { redactor: Redactor; screen?: InstructionScreen },
): BoundaryResult {
  const redacted: Record<string, number> = {};
  const screen = options.screen ?? ((text: string) => text);
  const screened = items.map((item) => {
    const origin = { path: item.path, line: item.line };
    const clean = (text: string) => {
      const result = options.redactor.redact(text);
      for (const f of result.findings) redacted[f.category] = (redacted[f.category] ?? 0) + 1;
      return screen(result.text, origin);
    };
    return {
      ...item,
      title: clean(item.title),
      content: clean(item.content),
      why: item.why === undefined ? undefined : clean(item.why),
      tags: item.tags.map(clean),
      files: item.files.map(clean),
    };
  });
  return { items: screened, redacted };
}
