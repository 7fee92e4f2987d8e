// Safe HTML building for the dashboard: a tagged template that escapes every interpolated value
// unless it is already Html, so a memory's text can never become markup.

/** A fragment of trusted HTML. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A value a template may interpolate: text is escaped, Html is kept, lists are joined. */
export type Part = Html | string | number | boolean | null | undefined | Part[];

/** Escape text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false || part === true) return "";
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

/** Build Html from a template, escaping each interpolation. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + (strings[i + 1] ?? "");
  return new Html(out);
}

/** Mark a string the caller built safely as Html (only for markup made in this module tree). */
export function trusted(text: string): Html {
  return new Html(text);
}

/** A query string from defined, non-empty values. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
