// The regex shape check shared by sentinel rules and custom privacy patterns: JavaScript regexes
// cannot be interrupted, so a pattern from a config or rule file must not be able to hang korva.

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
