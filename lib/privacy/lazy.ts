// Values built on first use, for detector tables whose construction costs start-up time: a regex
// with Unicode property classes (\p{L}) takes about a millisecond to compile, and the edit-time
// gate, which runs no personal-data detector, would pay it on every write (issue 19).

/** A function returning `make()`, called once on the first call. */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/**
 * Turn a getter into a plain property holding its first value, and return it, so the value is
 * built once, on first read: `get pattern() { return settle(this, "pattern", /…/u); }`.
 */
export function settle<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): T[K] {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return value;
}
