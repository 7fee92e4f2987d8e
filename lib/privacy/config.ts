// The privacy section of config.json: which detectors run and what is allowed through.
import { z } from "zod";
import { Category } from "./detector.ts";

/** A user-defined detector: a regex (JavaScript syntax) and optional keywords to prefilter on. */
export const CustomDetector = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, -)")
    .describe("the name findings and markers carry (`[REDACTED:<id>]`)"),
  pattern: z.string().min(1).describe("a JavaScript regex; a `secret` named group marks the part"),
  flags: z.string().regex(/^[imsu]*$/, "may only contain i, m, s, u").default("")
    .describe("regex flags from i, m, s, u (g, y and d are added by the engine)"),
  category: Category.default("custom")
    .describe("the category findings report; a pii-* category follows that `pii` switch"),
  keywords: z.array(z.string().regex(/^[\x20-\x7e]+$/, "must be printable ASCII")).default([])
    .describe("literals (ASCII, any case) one of which must occur for the pattern to run"),
  keep: z.number().int().min(0).max(16).default(0)
    .describe("characters of the match kept before the marker"),
}).strict();
export type CustomDetector = z.infer<typeof CustomDetector>;

/** Which personal-data categories run (all on by default). */
export const PiiSwitches = z.object({
  email: z.boolean().default(true).describe("email addresses"),
  phone: z.boolean().default(true).describe("phone numbers (near a phone word)"),
  card: z.boolean().default(true).describe("payment card numbers (Luhn-checked)"),
  ip: z.boolean().default(true).describe("IPv4 and IPv6 addresses"),
  id: z.boolean().default(true).describe(
    "national identifiers with checksums (SSN, NIR, BSN, DNI, CPF, Aadhaar)",
  ),
  iban: z.boolean().default(true).describe("IBANs (mod-97 checked)"),
  address: z.boolean().default(true).describe("postal addresses (near an address word)"),
}).strict();
export type PiiSwitches = z.infer<typeof PiiSwitches>;

/** Privacy settings: `{}` parses to defaults (every detector on, PII on, nothing allowed). */
export const PrivacyConfig = z.object({
  disabled: z.array(z.string()).default([]).describe("detector ids to switch off"),
  allow: z.array(z.string()).default([])
    .describe("literal values never redacted (e.g. example keys quoted in docs)"),
  allowPatterns: z.array(z.string()).default([])
    .describe("regexes; a finding whose text matches one is let through"),
  custom: z.array(CustomDetector).default([]).describe("your own detectors"),
  pii: z.union([z.boolean(), PiiSwitches]).default(true)
    .describe("false switches every PII category off; an object switches them one by one"),
}).strict();
export type PrivacyConfig = z.infer<typeof PrivacyConfig>;

export { mergePrivacyConfig, type PrivacyAdditions } from "./merge.ts";
