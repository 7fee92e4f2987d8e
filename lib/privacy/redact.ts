// Redaction: the pure function every boundary calls (placeholder until the privacy module lands).
import type { PrivacyConfig } from "./config.ts";

/** One detector hit: offsets into the input, never the secret itself. */
export interface Finding {
  detector: string;
  category: string;
  start: number;
  end: number;
}

/** Redacted text plus what was found. */
export interface RedactResult {
  text: string;
  findings: Finding[];
}

/** `redact` favours recall; `gate` favours precision (sentinel blocking). */
export type RedactMode = "redact" | "gate";

/** A compiled redactor for one configuration. */
export interface Redactor {
  redact(text: string, options?: { mode?: RedactMode }): RedactResult;
  scan(text: string, options?: { mode?: RedactMode }): Finding[];
}

/** Compile the detectors for a configuration once. */
export function createRedactor(_config?: Partial<PrivacyConfig>): Redactor {
  return {
    redact: (text) => ({ text, findings: [] }),
    scan: () => [],
  };
}
