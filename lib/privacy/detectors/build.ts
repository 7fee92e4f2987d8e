// Builders for the common detector shapes, so the catalogue files stay data.
import type { Category, Detector, Refine } from "../detector.ts";
import { inContexts } from "../fake.ts";
import { settle } from "../lazy.ts";

/** Escape a literal for use inside a regex. */
export function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A token that starts with a fixed literal prefix (`ghp_`, `xoxb-`, `sk_live_` …). */
export interface PrefixedSpec {
  id: string;
  category: Category;
  description: string;
  /** The literal prefix, case-sensitive in the pattern. */
  prefix: string;
  /** Regex source of what follows the prefix. */
  body: string;
  /** A fake body matching `body`, used to build the examples. */
  sample: string;
  /** The env-var name the examples assign it to. */
  name: string;
  /** Keep this many characters before the marker (default: the prefix). */
  keep?: number;
  gate?: boolean;
  refine?: Refine;
  /** Characters that may not follow the token (default letters, digits, `_`, `-`). */
  after?: string;
  extraMatch?: string[];
  ignore?: string[];
  flags?: string;
}

/**
 * Build a prefix-anchored detector with examples in three contexts and a truncated near miss.
 * The pattern and the examples are built on first read: most never are in a hook (issue 19).
 */
export function prefixed(spec: PrefixedSpec): Detector {
  return {
    id: spec.id,
    category: spec.category,
    description: spec.description,
    keywords: [spec.prefix.toLowerCase()],
    get pattern() {
      const after = spec.after ?? "A-Za-z0-9_\\-";
      return settle(
        this,
        "pattern",
        new RegExp(
          `(?<![A-Za-z0-9])${escapeRegex(spec.prefix)}${spec.body}(?![${after}])`,
          spec.flags ?? "",
        ),
      );
    },
    keep: spec.keep ?? Math.min(spec.prefix.length, 16),
    ...(spec.gate === undefined ? {} : { gate: spec.gate }),
    ...(spec.refine ? { refine: spec.refine } : {}),
    tier: 3,
    get examples() {
      return settle(this, "examples", {
        match: [...inContexts(spec.name, spec.prefix + spec.sample), ...(spec.extraMatch ?? [])],
        ignore: [
          `the docs show ${spec.prefix}${spec.sample.slice(0, 6)} as a truncated example`,
          ...(spec.ignore ?? []),
        ],
      });
    },
  };
}

/** Regex source for a key=value separator: `=`, `:`, `=>`, `:=`, with optional quotes. */
export const ASSIGN = `["']?\\s{0,8}(?:=>|:=|[:=])\\s{0,8}["']?`;
