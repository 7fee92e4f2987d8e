// The redaction report: which detectors fired, how often and where, never the secret itself.
import type { Finding } from "./redact.ts";

/** Per-detector counts and offsets. */
export interface RedactionReport {
  total: number;
  detectors: Array<{
    detector: string;
    category: string;
    count: number;
    spans: Array<[number, number]>;
  }>;
}

/** Group findings by detector, most frequent first. */
export function summarizeFindings(findings: readonly Finding[]): RedactionReport {
  const byId = new Map<string, RedactionReport["detectors"][number]>();
  for (const f of findings) {
    const entry = byId.get(f.detector) ??
      { detector: f.detector, category: f.category, count: 0, spans: [] };
    entry.count++;
    entry.spans.push([f.start, f.end]);
    byId.set(f.detector, entry);
  }
  return {
    total: findings.length,
    detectors: [...byId.values()].sort((a, b) =>
      b.count - a.count || a.detector.localeCompare(b.detector)
    ),
  };
}
