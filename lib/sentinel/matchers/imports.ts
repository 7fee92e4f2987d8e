// The forbid-import matcher: import edges of TS/JS, Python and Go files, resolved against the
// importer's folder and matched against the rule's `to` globs.
import { dirname, extname, join, normalize } from "../../posix_path.ts";
import type { CompiledMatch } from "../compile.ts";
import type { Hit } from "../text_position.ts";

const MAX_LINE_FOR_REGEX = 4096;

/** Hits of a `forbid-import` rule: each import edge on an added line that reaches `to`. */
export function forbidImportHits(
  m: Extract<CompiledMatch, { kind: "forbid-import" }>,
  path: string,
  lines: string[],
  isAdded: (line: number) => boolean,
): Hit[] {
  const hits: Hit[] = [];
  for (const imp of importsOf(path, lines)) {
    if (!isAdded(imp.line)) continue;
    if (m.allowTypeOnly && imp.typeOnly) continue;
    const target = imp.resolved ?? imp.specifier;
    const candidates = imp.resolved ? withExtensions(imp.resolved) : [imp.specifier];
    if (candidates.some((c) => m.to(c))) {
      hits.push({
        line: imp.line,
        column: 1,
        endLine: imp.line,
        endColumn: (lines[imp.line - 1]?.length ?? 0) + 1,
        vars: { from: path, to: target },
      });
    }
  }
  return hits;
}

interface Import {
  line: number;
  specifier: string;
  resolved: string | undefined;
  typeOnly: boolean;
}

/** Import edges of a file: TS/JS import/export-from/require/import(), Python, Go. */
export function importsOf(path: string, lines: string[]): Import[] {
  const ext = extname(path).toLowerCase();
  const found: Import[] = [];
  const dir = dirname(path);
  const resolveRelative = (spec: string) =>
    spec.startsWith(".") ? normalize(join(dir, spec)) : undefined;
  let inGoBlock = false;
  lines.forEach((text, index) => {
    if (text.length > MAX_LINE_FOR_REGEX) return;
    const line = index + 1;
    if (ext === ".py") {
      const from = text.match(/^\s*from\s+(\.*)([\w.]*)\s+import\b/);
      const plain = text.match(/^\s*import\s+([\w.]+(?:\s*,\s*[\w.]+)*)/);
      if (from) {
        const dots = from[1] ?? "";
        const mod = (from[2] ?? "").replaceAll(".", "/");
        let resolved: string | undefined;
        if (dots.length > 0) {
          let base = dir;
          for (let i = 1; i < dots.length; i++) base = dirname(base);
          resolved = normalize(join(base, mod));
        }
        found.push({ line, specifier: dots + (from[2] ?? ""), resolved, typeOnly: false });
      } else if (plain) {
        for (const mod of (plain[1] ?? "").split(",")) {
          const name = mod.trim();
          found.push({
            line,
            specifier: name,
            resolved: name.replaceAll(".", "/"),
            typeOnly: false,
          });
        }
      }
      return;
    }
    if (ext === ".go") {
      if (/^\s*import\s*\($/.test(text)) {
        inGoBlock = true;
        return;
      }
      if (inGoBlock && /^\s*\)/.test(text)) {
        inGoBlock = false;
        return;
      }
      const single = text.match(/^\s*import\s+(?:\w+\s+)?"([^"]+)"/);
      const inBlock = inGoBlock ? text.match(/^\s*(?:[\w.]+\s+)?"([^"]+)"/) : null;
      const spec = single?.[1] ?? inBlock?.[1];
      if (spec) found.push({ line, specifier: spec, resolved: undefined, typeOnly: false });
      return;
    }
    const re =
      /(?:\bimport\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?|\bexport\s+(type\s+)?[\w*{}\s,$]+?\s+from\s+|\brequire\s*\(\s*|\bimport\s*\(\s*)["'`]([^"'`]+)["'`]/g;
    for (const m of text.matchAll(re)) {
      const spec = m[3] ?? "";
      found.push({
        line,
        specifier: spec,
        resolved: resolveRelative(spec),
        typeOnly: Boolean(m[1] || m[2]),
      });
    }
  });
  return found;
}

function withExtensions(path: string): string[] {
  const stem = path.replace(/\.(?:[cm]?[jt]sx?)$/, "");
  return [path, stem, `${stem}.ts`, `${stem}.js`, `${stem}/index.ts`, `${stem}/index.js`];
}
