// Rule examples: every `bad` example must produce a finding of its rule, every `good` none.
import type { Redactor } from "../privacy/redact.ts";
import type { ChangedFile } from "./diff.ts";
import { evaluate } from "./engine.ts";
import { parsersFor } from "./parsers_for.ts";
import type { RuleExample } from "./rule_schema.ts";
import type { LoadedRule } from "./rules.ts";

/** The outcome of one example. */
export interface ExampleResult {
  ruleId: string;
  kind: "bad" | "good";
  example: string;
  ok: boolean;
}

/** Run every example of every rule. */
export async function runExamples(
  rules: LoadedRule[],
  redactor: Redactor,
): Promise<ExampleResult[]> {
  const cases = rules.flatMap((rule) =>
    (["bad", "good"] as const).flatMap((kind) =>
      (rule.examples?.[kind] ?? []).map((example) => ({
        rule,
        kind,
        file: exampleFile(example, rule),
      }))
    )
  );
  const parsers = await parsersFor(rules, cases.map((c) => c.file));
  return cases.map(({ rule, kind, file }) => {
    const { findings } = evaluate([rule], [file], redactor, { parsers });
    const hit = findings.some((f) => f.ruleId === rule.id && !f.suppressed);
    const example = file.content.length > 200 ? `${file.path} (${file.size} bytes)` : file.content;
    return { ruleId: rule.id, kind, example, ok: kind === "bad" ? hit : !hit };
  });
}

/** The rules that lack a `bad` or a `good` example. */
export function rulesWithoutExamples(rules: LoadedRule[]): string[] {
  return rules
    .filter((r) => !r.examples?.bad.length || !r.examples?.good.length)
    .map((r) => r.id);
}

function exampleFile(example: RuleExample, rule: LoadedRule): ChangedFile {
  if (typeof example !== "string" && "bytes" in example) {
    const content = "x".repeat(example.bytes);
    return { path: example.file, content, added: "all", size: example.bytes, binary: false };
  }
  const { file, code } = typeof example === "string"
    ? { file: defaultFile(rule), code: example }
    : example;
  return { path: file, content: code, added: "all", size: code.length, binary: false };
}

function defaultFile(rule: LoadedRule): string {
  const include = rule.paths?.include?.[0];
  const ext = rule.languages?.[0] ?? "ts";
  const fromMatcher = rule.match.kind === "forbid-import" ? rule.match.from[0] : undefined;
  const pattern = fromMatcher ?? include ?? `src/example.${ext}`;
  const file = pattern.replace("**/", "").replace("**", "example").replace("*", "example");
  return /\.\w+$/.test(file) ? file : `${file}.${ext}`;
}
