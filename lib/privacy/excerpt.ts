// A short, redacted excerpt of a line for reports: redact the whole line first, then cut, so a
// cut never leaves the head of a secret that the detectors could only see whole.
import { MARKER_PREFIX, type Redactor } from "./redactor.ts";

/** The line with secrets redacted, trimmed and cut to about `max` characters (never in a marker). */
export function redactedExcerpt(line: string, redactor: Redactor, max = 300): string {
  const text = redactor.redact(line).text.trim();
  if (text.length <= max) return text;
  let cut = max;
  // Do not split a `[REDACTED:id]` marker: end the excerpt after it.
  const open = text.lastIndexOf(MARKER_PREFIX, cut);
  if (open !== -1) {
    const close = text.indexOf("]", open);
    if (close >= cut) cut = close + 1;
  }
  return text.slice(0, cut) + "…";
}
