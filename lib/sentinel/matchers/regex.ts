// The regex matchers: `pattern` (a forbidden shape) and `require` (a shape that needs another).
import type { CompiledMatch } from "../compile.ts";
import { position } from "../../text_lines.ts";
import type { Hit } from "../text_position.ts";

type Of<K extends CompiledMatch["kind"]> = Extract<CompiledMatch, { kind: K }>;

/** Hits of a `pattern` rule on the lines `isAdded` accepts. */
export function patternHits(
  m: Of<"pattern">,
  content: string,
  lines: string[],
  starts: number[],
  isAdded: (line: number) => boolean,
): Hit[] {
  if (m.inside && !m.inside.test(content)) return [];
  return regexHits(m.pattern, content, starts)
    .filter((hit) => isAdded(hit.line))
    .filter((hit) => !m.not.some((not) => not.test(lines[hit.line - 1] ?? "")));
}

/** Hits of a `require` rule: `when` occurs on an added line and `must` nowhere in the file. */
export function requireHits(
  m: Of<"require">,
  content: string,
  starts: number[],
  isAdded: (line: number) => boolean,
): Hit[] {
  if (m.must.test(content)) return [];
  return regexHits(m.when, content, starts).filter((hit) => isAdded(hit.line));
}

function regexHits(re: RegExp, content: string, starts: number[]): Hit[] {
  const hits: Hit[] = [];
  for (const m of content.matchAll(re)) {
    if (m[0].length === 0) continue;
    // A match may begin with whitespace of earlier lines (`^\s*` in multiline mode): report the
    // line of its first visible character.
    const lead = m[0].length - m[0].trimStart().length;
    const at = position(starts, m.index + (lead < m[0].length ? lead : 0));
    const end = position(starts, m.index + m[0].length);
    hits.push({ ...at, endLine: end.line, endColumn: end.column, vars: { match: m[0] } });
    if (hits.length > 1000) break;
  }
  return hits;
}
