// Applying one text function (redact, reveal hidden characters) to the free-text fields of a
// record: strings, nullable strings and lists of strings; everything else passes unchanged.

/** A copy of `value` with `transform` applied to the named text fields. */
export function mapTextFields<T extends object>(
  value: T,
  keys: readonly (keyof T)[],
  transform: (text: string) => string,
): T {
  const out = { ...value } as Record<keyof T, unknown>;
  for (const key of keys) {
    const field = out[key];
    if (typeof field === "string") out[key] = transform(field);
    else if (Array.isArray(field)) {
      out[key] = field.map((item) => typeof item === "string" ? transform(item) : item);
    }
  }
  return out as T;
}
