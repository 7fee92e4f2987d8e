// `--format json`: the findings and summary as one object.
import type { SentinelReport } from "../mod.ts";

/** Render the report as JSON. */
export function renderJson(report: SentinelReport, version: string): string {
  return JSON.stringify(
    {
      version: 1,
      tool: { name: "korva", version },
      findings: report.findings.map((f) => ({
        ...f,
        memoryDetails: f.memory.map((id) => report.memories[id] ?? { id }),
      })),
      summary: report.summary,
    },
    null,
    2,
  ) + "\n";
}
