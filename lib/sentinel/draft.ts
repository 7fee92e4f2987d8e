// Draft a rule file from a memory: what the memory says never to do becomes the forbidden shape,
// what it says to do instead becomes the good example. Every draft is checked against its own
// examples before it is offered; a draft that would fail them is never returned.
import YAML from "yaml";
import type { Redactor } from "../privacy/redact.ts";
import type { Memory } from "../vault/mod.ts";
import { runExamples } from "./examples.ts";
import { parseRuleFile } from "./rules.ts";

type Drafted = Record<string, unknown>;

const IDENTIFIER = /\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+(?:[A-Z][a-z0-9]+)+\b/g;
const NEGATION = /\b(?:never|not|no|don't|do not|avoid|instead of|rather than|without)\b/i;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What a memory forbids and prefers: identifiers after a negation in a clause are forbidden. */
export function forbiddenAndPreferred(text: string): { forbidden: string[]; preferred: string[] } {
  const forbidden = new Set<string>();
  const preferred = new Set<string>();
  for (const sentence of text.split(/(?<=[.;!?\n])\s*/)) {
    const clauses = sentence.split(/,|\band\b|\bbut\b/);
    for (const clause of clauses) {
      // In "use a instead of b" / "never b", what follows the negation is forbidden.
      const negation = clause.search(NEGATION);
      for (const m of clause.matchAll(IDENTIFIER)) {
        (negation !== -1 && m.index > negation ? forbidden : preferred).add(m[0]);
      }
    }
  }
  for (const id of forbidden) preferred.delete(id);
  return { forbidden: [...forbidden], preferred: [...preferred] };
}

/** The call a memory is about: a dotted call in its text, else its title's first word if used. */
function calledVerb(memory: Memory): string | undefined {
  const text = `${memory.content}\n${memory.why ?? ""}`;
  const dotted = text.match(/\b\w+\.(\w+)\s*\(/);
  if (dotted?.[1]) return dotted[1];
  const first = memory.title.match(/^\s*([A-Za-z]+)/)?.[1]?.toLowerCase();
  return first && new RegExp(`\\b${first}`, "i").test(text) ? first : undefined;
}

function candidates(memory: Memory): Drafted[] {
  const slug = memory.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
    .slice(0, 48) || "rule";
  const base = {
    id: `${memory.type}/${slug}`,
    title: memory.title,
    message: `${memory.title}. See memory ${memory.id}.`,
    severity: "error",
    ...(memory.files.length ? { paths: { include: memory.files } } : {}),
    memory: [memory.id],
    fix: memory.why ? memory.why.split(/(?<=\.)\s/)[0] : "Describe the fix in one line.",
  };
  const { forbidden, preferred } = forbiddenAndPreferred(
    `${memory.title}.\n${memory.content}\n${memory.why ?? ""}`,
  );
  const out: Drafted[] = [];
  const bad = forbidden[0];
  const good = preferred[0] ?? "id";
  const verb = calledVerb(memory);
  if (bad && verb) {
    out.push({
      ...base,
      match: {
        kind: "call",
        callee: `(?:^|\\.)${escape(verb)}\\w*$`,
        "built-from": `\\b(?:${forbidden.map(escape).join("|")})\\b`,
      },
      examples: {
        bad: [
          `await client.${verb}(\`key:\${input.${bad}}\`);`,
          `const key = \`key:\${input.${bad}}\`;\nawait client.${verb}(key);`,
        ],
        good: [`await client.${verb}(\`key:\${input.${good}}\`);`],
      },
    });
  }
  if (bad) {
    out.push({
      ...base,
      match: { kind: "pattern", pattern: `\\b(?:${forbidden.map(escape).join("|")})\\b` },
      examples: { bad: [`const key = input.${bad};`], good: [`const key = input.${good};`] },
    });
  }
  out.push({
    ...base,
    match: { kind: "pattern", pattern: "TODO-describe-the-forbidden-code" },
    examples: {
      bad: ["TODO-describe-the-forbidden-code"],
      good: ["code that follows the decision"],
    },
  });
  return out;
}

/**
 * A YAML rule file drafted from an incident or decision whose examples pass `korva sentinel
 * test`: the first candidate (structural call, then pattern, then a placeholder) that passes.
 */
export async function draftRule(memory: Memory, redactor: Redactor): Promise<string> {
  for (const rule of candidates(memory)) {
    const yaml =
      `# Drafted by \`korva rule from-memory ${memory.id}\`: refine the match and examples,\n` +
      `# then run \`korva sentinel test <this file>\`.\n` +
      YAML.stringify({ version: 1, rules: [rule] });
    const loaded = parseRuleFile(yaml, "draft.yml").map((r) => ({
      ...r,
      source: "draft.yml",
      origin: "repository" as const,
    }));
    const results = await runExamples(loaded, redactor);
    if (results.length > 0 && results.every((r) => r.ok)) return yaml;
  }
  // The placeholder always passes its own examples; reaching here is a bug.
  throw new Error("no drafted rule passed its own examples");
}
