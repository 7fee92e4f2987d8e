// Draft a rule file from a memory: the id, message, paths and a pattern to refine by hand.
import YAML from "yaml";
import type { Memory } from "../vault/mod.ts";

/** A YAML rule file drafted from an incident or decision. */
export function draftRule(memory: Memory): string {
  const slug = memory.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
    .slice(0, 48) || "rule";
  const identifiers = [
    ...new Set(memory.content.match(/\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z]\w+\b/g) ?? []),
  ]
    .slice(0, 3);
  const pattern = identifiers.length > 0
    ? identifiers.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")
    : "TODO-describe-the-forbidden-code";
  const rule = {
    id: `${memory.type}/${slug}`,
    title: memory.title,
    message: `${memory.title}. See memory ${memory.id}.`,
    severity: "error",
    ...(memory.files.length ? { paths: { include: memory.files } } : {}),
    match: { kind: "pattern", pattern },
    memory: [memory.id],
    fix: memory.why ? memory.why.split(/(?<=\.)\s/)[0] : "Describe the fix in one line.",
    examples: { bad: ["TODO: a line that must be blocked"], good: ["TODO: a line that is fine"] },
  };
  return `# Drafted by \`korva rule from-memory ${memory.id}\`: refine the pattern and examples,\n` +
    `# then run \`korva sentinel test <this file>\`.\n` +
    YAML.stringify({ version: 1, rules: [rule] });
}
