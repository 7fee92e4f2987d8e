// Inline suppressions: `korva-ignore: RULE reason` on the line or the line above; a marker
// without a reason, or naming an unknown rule, is itself a warning.
import { redactedExcerpt } from "../privacy/excerpt.ts";
import type { Redactor } from "../privacy/redact.ts";
import type { ChangedFile } from "./diff.ts";
import type { Finding } from "./engine.ts";
import type { LoadedRule } from "./rules.ts";

/** The id of the warning raised by a suppression that gives no reason. */
export const SUPPRESSION_RULE = "korva/suppression-without-reason";

const MARKER = /korva-ignore(?:-next-line)?:?\s+([a-z0-9][a-z0-9/,-]*)(?:\s+(?:--\s*)?(.*))?/i;

/** A `korva-ignore: RULE reason` marker on the line or the line above that names this rule. */
export function suppression(
  ruleId: string,
  lines: string[],
  line: number,
): { reason: string } | null {
  for (const candidate of [lines[line - 1], lines[line - 2]]) {
    const m = candidate?.match(MARKER);
    if (!m) continue;
    const ids = (m[1] ?? "").split(",").map((id) => id.trim());
    if (ids.includes(ruleId) || ids.includes("all")) {
      return { reason: (m[2] ?? "").replace(/\s*(?:\*\/|-->|#}|%>)\s*$/, "").trim() };
    }
  }
  return null;
}

/** A suppression marker without a reason on an added line is itself a warning. */
export function reasonlessSuppressions(
  rules: LoadedRule[],
  file: ChangedFile,
  lines: string[],
  isAdded: (line: number) => boolean,
  redactor: Redactor,
): Finding[] {
  if (file.binary || !file.content.includes("korva-ignore")) return [];
  const out: Finding[] = [];
  lines.forEach((text, i) => {
    const m = text.match(MARKER);
    if (!m || !isAdded(i + 1)) return;
    const reason = (m[2] ?? "").replace(/\s*(?:\*\/|-->)\s*$/, "").trim();
    const ids = (m[1] ?? "").split(",").map((id) => id.trim());
    const unknown = ids.filter((id) => id !== "all" && !rules.some((r) => r.id === id));
    if (reason !== "" && unknown.length === 0) return;
    out.push({
      ruleId: SUPPRESSION_RULE,
      severity: "warning",
      path: file.path,
      line: i + 1,
      column: (m.index ?? 0) + 1,
      endLine: i + 1,
      endColumn: (m.index ?? 0) + m[0].length + 1,
      // The ids come from the raw line: redact them like the excerpt.
      message: redactor.redact(
        reason === ""
          ? `korva-ignore for ${ids.join(", ")} gives no reason; add one after the rule id`
          : `korva-ignore names unknown rule ${unknown.map((u) => `"${u}"`).join(", ")}`,
      ).text,
      memory: [],
      fix: "korva-ignore: RULE_ID why this case is safe",
      docs: null,
      excerpt: redactedExcerpt(text, redactor),
      suppressed: null,
    });
  });
  return out;
}
