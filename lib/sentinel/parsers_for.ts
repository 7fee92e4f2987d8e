// Which parsers a check needs: only the grammars of files that a structural rule applies to and
// whose text can hold the rule's call, so the parser is never loaded for regex-only checks nor
// for an edit that cannot break a structural rule.
import type { ChangedFile } from "./diff.ts";
import { appliesTo } from "./engine.ts";
import type { Parsers, Syntax } from "./matchers/call.ts";
import { mayCall, syntaxOf } from "./matchers/call.ts";
import type { LoadedRule } from "./rules.ts";
import { importLazily } from "../lazy_import.ts";

/** Load the parsers the structural rules need for these files (none: no import at all). */
export async function parsersFor(rules: LoadedRule[], files: ChangedFile[]): Promise<Parsers> {
  const structural = rules.filter((r) => r.compiled.match.kind === "call");
  const needed = new Set<Syntax>();
  for (const file of files) {
    if (file.binary || file.content === "") continue;
    const syntax = syntaxOf(file.path);
    if (
      syntax && !needed.has(syntax) &&
      structural.some((rule) =>
        appliesTo(rule, file.path) &&
        rule.compiled.match.kind === "call" && mayCall(rule.compiled.match, file.content)
      )
    ) needed.add(syntax);
  }
  if (needed.size === 0) return new Map();
  const { loadParsers } = await importLazily<typeof import("./parsers.ts")>(
    import.meta.url,
    "./parsers.ts",
  );
  return loadParsers(needed);
}
