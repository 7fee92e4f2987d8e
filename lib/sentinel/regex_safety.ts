// Regex shapes a team rule may not use: JavaScript regexes cannot be interrupted, so a rule must
// not be able to hang a commit or an editor. The catastrophic-backtracking check is shared with
// custom privacy patterns and lives in lib/privacy/regex_shape.ts.
export { hasNestedQuantifier } from "../privacy/regex_shape.ts";

/** Whether a source uses a Unicode property escape (`\p{…}`), which needs the `u` flag. */
export function usesPropertyEscape(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== "\\") continue;
    const next = source[i + 1];
    if ((next === "p" || next === "P") && source[i + 2] === "{") return true;
    i++;
  }
  return false;
}
