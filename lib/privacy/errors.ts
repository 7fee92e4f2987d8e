// The error privacy settings raise. lib/privacy imports nothing of korva, so it has its own
// class; callers and main.ts treat it like any expected error (exit code and hint).

/** A privacy setting that cannot be used (a bad custom pattern, an invalid privacy block). */
export class PrivacySettingsError extends Error {
  readonly exitCode = 2;
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = "PrivacySettingsError";
    this.hint = hint;
  }
}
