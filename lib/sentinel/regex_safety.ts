// Regex shapes a team rule may not use: JavaScript regexes cannot be interrupted, so a rule must
// not be able to hang a commit or an editor.

/** Whether a regex source has a quantified group whose body is itself unboundedly quantified. */
export function hasNestedQuantifier(source: string): boolean {
  const stack: boolean[] = [];
  let unboundedInside: boolean = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") {
      while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
      continue;
    }
    if (c === "(") {
      stack.push(unboundedInside);
      unboundedInside = false;
      continue;
    }
    if (c === ")") {
      const inner: boolean = unboundedInside;
      const next = source[i + 1];
      const repeated = next === "+" || next === "*" ||
        (next === "{" && /^\{\d*,\}/.test(source.slice(i + 1)));
      if (inner && repeated) return true;
      unboundedInside = (stack.pop() ?? false) || inner;
      continue;
    }
    if (c === "+" || c === "*") unboundedInside = true;
    if (c === "{" && /^\{\d*,\}/.test(source.slice(i))) unboundedInside = true;
  }
  return false;
}

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
