// The two operating points of the same detectors.

/** `redact` favours recall (storage, export, MCP); `gate` favours precision (sentinel blocking). */
export type RedactMode = "redact" | "gate";
