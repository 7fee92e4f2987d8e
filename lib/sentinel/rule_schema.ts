// The sentinel rule-file format as zod schemas: one rule, its matcher, its examples.
import { z } from "zod";

/** The rule-file format version this korva reads. */
export const RULES_VERSION = 1;

const Regex = z.string().min(1).max(2000);
const Flags = z.string().regex(/^[imsu]*$/, "must use only the flags i, m, s, u");
const Globs = z.array(z.string().min(1)).min(1);
const OneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]));

/**
 * An example: a line of code (the file name is derived from the rule), a file and its code, or a
 * file of a given size (for `max-size`).
 */
export const RuleExample = z.union([
  z.string(),
  z.object({ file: z.string().min(1), code: z.string() }).strict(),
  z.object({ file: z.string().min(1), bytes: z.number().int().positive().max(64 * 1024 * 1024) })
    .strict(),
]);
export type RuleExample = z.infer<typeof RuleExample>;

/** The matchers a rule may use (one per rule). */
export const Matcher = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("pattern"),
    pattern: Regex,
    "pattern-not": OneOrMany(Regex).optional(),
    "pattern-inside": Regex.optional(),
    flags: Flags.optional(),
  }).strict(),
  z.object({
    kind: z.literal("forbid-import"),
    from: Globs,
    to: Globs,
    allowTypeOnly: z.boolean().default(false),
  }).strict(),
  z.object({
    kind: z.literal("require"),
    when: Regex,
    must: Regex,
    flags: Flags.optional(),
  }).strict(),
  z.object({
    kind: z.literal("secret"),
    mode: z.enum(["gate", "redact"]).default("gate"),
  }).strict(),
  z.object({
    kind: z.literal("max-size"),
    bytes: z.number().int().positive(),
  }).strict(),
  z.object({
    kind: z.literal("call"),
    /** The called expression's source text, e.g. `redis.lock` (whitespace removed). */
    callee: Regex,
    /** Which argument (0-based) to judge; every argument when absent. */
    argument: z.number().int().min(0).max(20).optional(),
    /** Matches the argument, with local variables it uses followed to their assignments. */
    "built-from": Regex,
    flags: Flags.optional(),
  }).strict(),
]);
export type Matcher = z.infer<typeof Matcher>;

/** How much a finding of a rule matters; `off` disables it. */
export const Severity = z.enum(["error", "warning", "info", "off"]);
export type Severity = z.infer<typeof Severity>;

/** One rule. */
export const Rule = z.object({
  id: z.string().regex(
    /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/,
    "must be lower-case words joined by - and /",
  ),
  title: z.string().max(200).optional(),
  message: z.string().min(1).max(1000),
  severity: Severity.default("error"),
  paths: z.object({
    include: z.array(z.string().min(1)).optional(),
    exclude: z.array(z.string().min(1)).optional(),
  }).strict().optional(),
  languages: z.array(z.string().min(1)).optional(),
  match: Matcher,
  memory: OneOrMany(z.string().min(1)).optional(),
  fix: z.string().max(500).optional(),
  docs: z.url().optional(),
  suppress: z.enum(["reason", "never"]).default("reason"),
  examples: z.object({
    bad: z.array(RuleExample).default([]),
    good: z.array(RuleExample).default([]),
  }).strict().optional(),
}).strict();
export type Rule = z.infer<typeof Rule>;

/** A rule file. */
export const RuleFile = z.object({
  version: z.literal(RULES_VERSION).default(RULES_VERSION),
  rules: z.array(Rule).min(1),
}).strict();
