// Syntax parsers for structural rules: web-tree-sitter (WebAssembly) with the TypeScript/TSX and
// Python grammars from their npm packages. Loaded only when a structural rule applies to a file,
// so regex-only checks never pay for it (about 30 ms here).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { KorvaError, messageOf } from "../errors.ts";
import type { Parsers, Syntax } from "./matchers/call.ts";

const GRAMMARS: Record<Syntax, string> = {
  typescript: "tree-sitter-typescript/tree-sitter-typescript.wasm",
  tsx: "tree-sitter-typescript/tree-sitter-tsx.wasm",
  python: "tree-sitter-python/tree-sitter-python.wasm",
};

// The WebAssembly runtime is initialised once per process: a second `Parser.init()` would make
// the languages loaded before it unusable.
let runtime: Promise<typeof import("web-tree-sitter")> | undefined;

/** Parsers for the given grammars. Throws KorvaError 3 when a grammar cannot be loaded. */
export async function loadParsers(syntaxes: Iterable<Syntax>): Promise<Parsers> {
  const parsers: Parsers = new Map();
  const wanted = [...new Set(syntaxes)];
  if (wanted.length === 0) return parsers;
  try {
    runtime ??= import("web-tree-sitter").then(async (mod) => {
      await mod.Parser.init();
      return mod;
    });
    const { Language, Parser } = await runtime;
    const require = createRequire(import.meta.url);
    for (const syntax of wanted) {
      const language = await Language.load(readFileSync(require.resolve(GRAMMARS[syntax])));
      const parser = new Parser();
      parser.setLanguage(language);
      parsers.set(syntax, parser);
    }
  } catch (error) {
    throw new KorvaError(`Cannot load the parser for structural rules: ${messageOf(error)}`, {
      exitCode: 3,
      cause: error,
    });
  }
  return parsers;
}
