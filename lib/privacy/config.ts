// The privacy section of config.json: which detectors run and what is allowed through.
import { z } from "zod";

/** Privacy settings (placeholder schema; the privacy module owns and extends it). */
export const PrivacyConfig = z.object({
  disabled: z.array(z.string()).default([]),
  allow: z.array(z.string()).default([]),
  allowPatterns: z.array(z.string()).default([]),
  custom: z.array(
    z.object({ id: z.string(), pattern: z.string(), category: z.string().optional() }),
  )
    .default([]),
  pii: z.boolean().default(true),
}).strict();
export type PrivacyConfig = z.infer<typeof PrivacyConfig>;
