// The privacy section of config.json: which detectors run and what is allowed through.
import { z } from "zod";

/** A user-defined detector: a regex (JavaScript syntax) and optional keywords to prefilter on. */
export const CustomDetector = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, -)"),
  pattern: z.string().min(1),
  /** Regex flags, e.g. "i". `g`, `y` and `d` are added by the engine. */
  flags: z.string().regex(/^[imsu]*$/, "may only contain i, m, s, u").default(""),
  category: z.string().default("custom"),
  /** Literals (ASCII, any case) one of which must occur for the pattern to run. */
  keywords: z.array(z.string().regex(/^[\x20-\x7e]+$/, "must be printable ASCII")).default([]),
  /** Characters kept before the marker. */
  keep: z.number().int().min(0).max(16).default(0),
}).strict();
export type CustomDetector = z.infer<typeof CustomDetector>;

/** Which personal-data categories run (all on by default). */
export const PiiSwitches = z.object({
  email: z.boolean().default(true),
  phone: z.boolean().default(true),
  card: z.boolean().default(true),
  ip: z.boolean().default(true),
}).strict();
export type PiiSwitches = z.infer<typeof PiiSwitches>;

/** Privacy settings: `{}` parses to defaults (every detector on, PII on, nothing allowed). */
export const PrivacyConfig = z.object({
  /** Detector ids to switch off. */
  disabled: z.array(z.string()).default([]),
  /** Literal values never redacted (e.g. example keys quoted in docs). */
  allow: z.array(z.string()).default([]),
  /** Regexes (JavaScript syntax); a finding whose text matches one is let through. */
  allowPatterns: z.array(z.string()).default([]),
  custom: z.array(CustomDetector).default([]),
  /** `false` switches every PII category off; an object switches them one by one. */
  pii: z.union([z.boolean(), PiiSwitches]).default(true),
}).strict();
export type PrivacyConfig = z.infer<typeof PrivacyConfig>;

/** A repository's additions to the user's privacy settings (`.korva/config.yml`). */
export interface PrivacyAdditions {
  disabled: string[];
  allow: string[];
}

/** Merge a repository's `privacy` block into the user's settings (union of both lists). */
export function mergePrivacyConfig(
  user: PrivacyConfig,
  project: PrivacyAdditions | undefined,
): PrivacyConfig {
  if (!project) return user;
  return {
    ...user,
    disabled: [...new Set([...user.disabled, ...project.disabled])],
    allow: [...new Set([...user.allow, ...project.allow])],
  };
}
