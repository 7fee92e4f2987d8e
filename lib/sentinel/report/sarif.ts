// `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.
import { createHash } from "node:crypto";
import type { SentinelReport } from "../mod.ts";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

/** Render the report as a SARIF 2.1.0 log. */
export function renderSarif(report: SentinelReport, version: string): string {
  const ids = [
    ...new Set([...report.rules.map((r) => r.id), ...report.findings.map((f) => f.ruleId)]),
  ];
  const rules = ids.map((id) => {
    const rule = report.rules.find((r) => r.id === id);
    return {
      id,
      name: id,
      shortDescription: { text: rule?.title ?? rule?.message ?? id },
      ...(rule?.docs ? { helpUri: rule.docs } : {}),
      defaultConfiguration: {
        level: LEVEL[rule?.severity === "off" || !rule ? "warning" : rule.severity],
      },
      properties: { memory: rule?.memory ?? [] },
    };
  });
  const results = report.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ids.indexOf(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message + (f.fix ? ` Fix: ${f.fix}` : "") },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: f.path.replaceAll("\\", "/") },
        region: {
          startLine: f.line,
          startColumn: f.column,
          endLine: f.endLine,
          endColumn: Math.max(f.endColumn, f.column),
        },
      },
    }],
    partialFingerprints: {
      "korva/v1": createHash("sha256").update(`${f.ruleId}\0${f.path}\0${f.excerpt}`).digest("hex"),
    },
    ...(f.suppressed
      ? { suppressions: [{ kind: "inSource", justification: f.suppressed.reason }] }
      : {}),
  }));
  return JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [{
        tool: {
          driver: {
            name: "korva",
            version,
            informationUri: "https://github.com/korva-dev/korva",
            rules,
          },
        },
        results,
      }],
    },
    null,
    2,
  ) + "\n";
}
