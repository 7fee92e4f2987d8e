// A validated rule compiled once, at load: its regexes with the flags they run with and its glob
// matchers, kept on the loaded rule so evaluation never builds one again.
import { type KorvaError, messageOf } from "../errors.ts";
import { type GlobMatcher, globMatcher } from "../glob.ts";
import { hasNestedQuantifier, usesPropertyEscape } from "./regex_safety.ts";
import type { Rule } from "./rule_schema.ts";

/** A matcher with its regexes and globs built. */
export type CompiledMatch =
  | { kind: "pattern"; pattern: RegExp; not: RegExp[]; inside: RegExp | undefined }
  | { kind: "require"; when: RegExp; must: RegExp }
  | {
    kind: "forbid-import";
    from: GlobMatcher;
    to: GlobMatcher;
    allowTypeOnly: boolean;
  }
  | { kind: "secret"; mode: "gate" | "redact" }
  | { kind: "max-size"; bytes: number }
  | { kind: "call"; callee: RegExp; argument: number | undefined; builtFrom: RegExp };

/** Everything evaluation needs from a rule besides its plain fields. */
export interface CompiledRule {
  include: GlobMatcher | undefined;
  exclude: GlobMatcher | undefined;
  /** File extensions (lower case, no dot) the rule is limited to. */
  languages: Set<string> | undefined;
  match: CompiledMatch;
}

/** Compile a rule; a bad regex or glob is a KorvaError naming the field (via `fail`). */
export function compileRule(rule: Rule, fail: (reason: string) => KorvaError): CompiledRule {
  const m = rule.match;
  const regex = (field: string, source: string, flags: string | undefined, extra = "") => {
    const all = [...new Set((extra + (flags ?? "")).split(""))].join("");
    let compiled: RegExp;
    try {
      compiled = new RegExp(source, all);
    } catch (error) {
      throw fail(`"${field}" is not a valid regex: ${messageOf(error)}`);
    }
    if (hasNestedQuantifier(source)) {
      throw fail(
        `"${field}" can backtrack catastrophically (a repeated group containing a repeat, e.g. (a+)+); use a bounded form such as {0,50}`,
      );
    }
    if (usesPropertyEscape(source) && !all.includes("u")) {
      throw fail(`"${field}" uses \\p{…}, which matches only with the u flag: add "flags: u"`);
    }
    return compiled;
  };
  const globs = (field: string, patterns: string[] | undefined) => {
    if (!patterns) return undefined;
    try {
      return globMatcher(patterns);
    } catch (error) {
      throw fail(`"${field}" is not a valid glob: ${messageOf(error)}`);
    }
  };
  const match: CompiledMatch = (() => {
    switch (m.kind) {
      case "pattern":
        return {
          kind: m.kind,
          pattern: regex("match.pattern", m.pattern, m.flags, "g"),
          not: (m["pattern-not"] ?? []).map((s) => regex("match.pattern-not", s, m.flags)),
          inside: m["pattern-inside"]
            ? regex("match.pattern-inside", m["pattern-inside"], m.flags)
            : undefined,
        };
      case "require":
        return {
          kind: m.kind,
          when: regex("match.when", m.when, m.flags, "g"),
          must: regex("match.must", m.must, m.flags),
        };
      case "forbid-import":
        return {
          kind: m.kind,
          from: globs("match.from", m.from) as GlobMatcher,
          to: globs("match.to", m.to) as GlobMatcher,
          allowTypeOnly: m.allowTypeOnly,
        };
      case "secret":
        return { kind: m.kind, mode: m.mode };
      case "max-size":
        return { kind: m.kind, bytes: m.bytes };
      case "call":
        return {
          kind: m.kind,
          callee: regex("match.callee", m.callee, m.flags),
          argument: m.argument,
          builtFrom: regex("match.built-from", m["built-from"], m.flags),
        };
    }
  })();
  return {
    include: globs("paths.include", rule.paths?.include),
    exclude: globs("paths.exclude", rule.paths?.exclude),
    languages: rule.languages
      ? new Set(rule.languages.map((l) => l.toLowerCase().replace(/^\./, "")))
      : undefined,
    match,
  };
}

/** Every glob compileRule compiles: the rule's paths and a forbid-import match's from and to. */
export function ruleGlobs(rule: Rule): string[] {
  const match = rule.match as { from?: string[]; to?: string[] };
  return [
    ...(rule.paths?.include ?? []),
    ...(rule.paths?.exclude ?? []),
    ...(match.from ?? []),
    ...(match.to ?? []),
  ];
}
