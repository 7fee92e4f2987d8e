// Redaction from raw privacy settings: validate them (zod, defaults applied), then compile the
// detector catalogue once per configuration (redactor.ts, which does the work and has no zod).
import type { z } from "zod";
import { PrivacySettingsError } from "./errors.ts";
import { PrivacyConfig } from "./config.ts";
import type { Detector } from "./detector.ts";
import { compileRedactor, type Redactor, redactorFor } from "./redactor.ts";

export {
  type Finding,
  marker,
  MARKER_PREFIX,
  type RedactMode,
  type Redactor,
  type RedactResult,
} from "./redactor.ts";

/** Compile the detectors for a configuration once. Throws PrivacySettingsError on a bad pattern. */
export function createRedactor(config: Partial<z.input<typeof PrivacyConfig>> = {}): Redactor {
  return redactorFor(parseSettings(config));
}

/** A redactor over an explicit detector list (tests run one detector alone with it). */
export function buildRedactor(
  builtIn: readonly Detector[],
  config: Partial<z.input<typeof PrivacyConfig>> = {},
): Redactor {
  return compileRedactor(builtIn, parseSettings(config));
}

function parseSettings(config: Partial<z.input<typeof PrivacyConfig>>): PrivacyConfig {
  const parsed = PrivacyConfig.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PrivacySettingsError(
      `Cannot use privacy config: "${issue?.path.join(".") || "privacy"}" ${
        issue?.message ?? "is invalid"
      }`,
    );
  }
  return parsed.data;
}
