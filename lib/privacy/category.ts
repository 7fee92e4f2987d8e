// Detector categories as plain strings, for code that must not load the zod schema of
// detector.ts (the redactor, on the edit-time gate's path).

/** Whether a category is personal data (switched off by `privacy.pii: false`). */
export function isPiiCategory(category: string): boolean {
  return category.startsWith("pii-");
}
