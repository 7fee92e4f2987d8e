// The shape of one redaction detector: data (id, category, keywords, pattern) plus its own examples.
import { z } from "zod";
import type { RedactMode } from "./mode.ts";

/** What kind of secret or personal data a detector finds. */
export const Category = z.enum([
  "cloud-key",
  "vcs-token",
  "payment-key",
  "chat-token",
  "ai-key",
  "package-registry-token",
  "saas-token",
  "observability-token",
  "infra-token",
  "webhook",
  "private-key",
  "password-hash",
  "jwt",
  "connection-string",
  "auth-header",
  "password-assignment",
  "generic-high-entropy",
  "pii-email",
  "pii-phone",
  "pii-card",
  "pii-ip",
  "pii-id",
  "pii-iban",
  "pii-address",
  "private",
  "custom",
]);
export type Category = z.infer<typeof Category>;

export { isPiiCategory } from "./category.ts";

/** What a detector's refine hook sees: the regex match and where it sits in the whole text. */
export interface MatchContext {
  text: string;
  match: RegExpExecArray;
  /** Offsets of the secret in `text` (the `secret` group, else the whole match). */
  start: number;
  end: number;
  mode: RedactMode;
}

/** A span of the text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A refined secret span, or null to drop the match; several spans when one match names many
 * values (a table header and every row's cell under it).
 */
export type Refine = (context: MatchContext) => Span | Span[] | null;

/** One detector. `pattern` either starts at a keyword (sticky) or, with `window`, anywhere near one. */
export interface Detector {
  id: string;
  category: Category;
  description: string;
  /** Lowercase literals; the pattern only runs where one occurs. Empty = run over the whole text. */
  keywords: string[];
  /** The shape; a named group `secret` marks the part to redact (else the whole match). */
  pattern: RegExp;
  /** Run the pattern in [hit - before, hit + after] instead of anchored at the keyword hit. */
  window?: { before: number; after: number };
  /** For a keyword-less pattern: literals in any script, one of which must occur for it to run. */
  anyOf?: string[];
  /** Run a keyword-less pattern over windows of at most this many characters (custom patterns). */
  maxInput?: number;
  /** Characters of the secret kept before the marker (a non-secret prefix such as `ghp_`). */
  keep?: number;
  /**
   * Whether the precision-favouring `gate` mode runs it (default true); `"strict"`: only where
   * the value has a credential's shape (a mixed password or a random token), for detectors that
   * read prose, command lines and tables, where a weak value is more often a word.
   */
  gate?: boolean | "strict";
  /** 3 = provider-specific, 2 = structural, 1 = generic/PII: the winner when spans overlap. */
  tier?: 1 | 2 | 3;
  /** Extra validation beyond the regex (entropy, Luhn, placeholders, key names). */
  refine?: Refine;
  /** Fake but well-formed samples: `match` must fire, `ignore` must not. */
  examples: { match: string[]; ignore: string[] };
}

/** Validates a detector's data (the test runs it over the catalogue). */
export const DetectorShape = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case"),
  category: Category,
  description: z.string().min(10),
  keywords: z.array(z.string().min(1).refine((k) => k === k.toLowerCase(), "must be lowercase")),
  pattern: z.instanceof(RegExp),
  window: z.object({ before: z.number().int().min(0), after: z.number().int().min(1) })
    .optional(),
  maxInput: z.number().int().min(256).optional(),
  anyOf: z.array(z.string().min(1)).optional(),
  keep: z.number().int().min(0).max(16).optional(),
  gate: z.union([z.boolean(), z.literal("strict")]).optional(),
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  refine: z.function().optional(),
  examples: z.object({
    match: z.array(z.string()).min(3),
    ignore: z.array(z.string()).min(1),
  }),
});
