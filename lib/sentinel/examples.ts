// Rule examples: every `bad` example must produce a finding of its rule, every `good` none.
import type { Redactor } from "../privacy/redact.ts";
import { evaluate } from "./engine.ts";
import type { LoadedRule, RuleExample } from "./rules.ts";

/** The outcome of one example. */
export interface ExampleResult {
  ruleId: string;
  kind: "bad" | "good";
  example: string;
  ok: boolean;
}

/** Run every example of every rule. */
export function runExamples(rules: LoadedRule[], redactor: Redactor): ExampleResult[] {
  const results: ExampleResult[] = [];
  for (const rule of rules) {
    for (const kind of ["bad", "good"] as const) {
      for (const example of rule.examples?.[kind] ?? []) {
        const { file, code } = normalize(example, rule);
        const { findings } = evaluate([rule], [{
          path: file,
          content: code,
          added: "all",
          size: code.length,
          binary: false,
        }], redactor);
        const hit = findings.some((f) => f.ruleId === rule.id && !f.suppressed);
        results.push({ ruleId: rule.id, kind, example: code, ok: kind === "bad" ? hit : !hit });
      }
    }
  }
  return results;
}

function normalize(example: RuleExample, rule: LoadedRule): { file: string; code: string } {
  if (typeof example !== "string") return example;
  const include = rule.paths?.include?.[0];
  const ext = rule.languages?.[0] ?? "ts";
  const fromMatcher = rule.match.kind === "forbid-import" ? rule.match.from[0] : undefined;
  const pattern = fromMatcher ?? include ?? `src/example.${ext}`;
  const file = pattern.replace("**/", "").replace("**", "example").replace("*", "example");
  return { file: /\.\w+$/.test(file) ? file : `${file}.${ext}`, code: example };
}
