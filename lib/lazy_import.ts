// Imports loaded only when a command line needs them (issue 19). `deno run` loads the whole
// graph of every dynamic import whose specifier is a string literal before main runs, even in a
// branch that never executes; a specifier computed at run time is loaded only when reached.
// `deno compile` cannot see such imports either: every path imported this way is listed with
// `--include` in the compile task and the release workflow (tests/lazy_import_test.ts checks).

/**
 * Import `path`, relative to `base` (the caller's `import.meta.url`), when called. Write it as
 * `importLazily<typeof import("./x.ts")>(import.meta.url, "./x.ts")`: the type-only reference
 * keeps the module's types without loading it.
 */
export function importLazily<T>(base: string, path: string): Promise<T> {
  return import(new URL(path, base).href);
}
