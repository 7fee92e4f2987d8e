// The structural `call` matcher: a call whose callee matches and whose argument is built from
// something forbidden, directly or through local variables assigned earlier in the same function
// (`const key = \`pay:${p.user_id}\`; await redis.lock(key)`). Pure over tree-sitter syntax trees;
// the parsers are loaded (lazily, WebAssembly) by `parsers.ts`.
import { extname } from "../../posix_path.ts";
import type { Node, Parser } from "web-tree-sitter";
import type { CompiledMatch } from "../compile.ts";
import type { Hit } from "../text_position.ts";

/** The grammars structural rules can parse. */
export type Syntax = "typescript" | "tsx" | "python";

/** Loaded parsers by grammar. */
export type Parsers = Map<Syntax, Parser>;

const BY_EXTENSION: Record<string, Syntax> = {
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  tsx: "tsx",
  jsx: "tsx",
  js: "tsx",
  mjs: "tsx",
  cjs: "tsx",
  py: "python",
};

/** The grammar for a file, by extension; undefined when structural rules cannot read it. */
export function syntaxOf(path: string): Syntax | undefined {
  return BY_EXTENSION[extname(path).replace(/^\./, "").toLowerCase()];
}

const CALLS = ["call_expression", "call"];
const FUNCTIONS = new Set([
  "function_declaration",
  "function_expression",
  "function",
  "arrow_function",
  "method_definition",
  "generator_function_declaration",
  "generator_function",
  "function_definition",
  "lambda",
]);
/** Assignment node types and the fields holding the target and the value. */
const ASSIGNMENTS: Record<string, [string, string]> = {
  variable_declarator: ["name", "value"],
  assignment_expression: ["left", "right"],
  augmented_assignment_expression: ["left", "right"],
  assignment: ["left", "right"],
  augmented_assignment: ["left", "right"],
};
const MAX_DEPTH = 4;

/**
 * Whether a call the rule's callee matches can occur in `content`; false lets a check skip
 * loading and running the parser for a file that cannot hold one. Every callee text is a
 * substring of the text normalised the same way (whitespace and optional-chaining `?` removed),
 * and the callee regex with its anchors and word boundaries dropped matches a superset of what
 * it matched, anywhere: no match there, no call. A lookaround keeps the parser (true).
 */
export function mayCall(m: Extract<CompiledMatch, { kind: "call" }>, content: string): boolean {
  // Sets (`v`) nest classes, which the scan below does not follow.
  const loose = m.callee.flags.includes("v") ? undefined : withoutAssertions(m.callee.source);
  if (loose === undefined) return true;
  let re: RegExp;
  try {
    re = new RegExp(loose, m.callee.flags.replace(/[gy]/g, ""));
  } catch {
    return true;
  }
  return re.test(content.replace(/\s+|\?(?=\.)/g, ""));
}

/** A regex source with `^`, `$`, `\b` and `\B` removed; undefined when it has a lookaround. */
function withoutAssertions(source: string): string | undefined {
  if (/\(\?<?[=!]/.test(source)) return undefined;
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") {
      const next = source[i + 1] ?? "";
      if (inClass || (next !== "b" && next !== "B")) out += ch + next;
      i++;
    } else if (inClass) {
      if (ch === "]") inClass = false;
      out += ch;
    } else if (ch === "[") {
      inClass = true;
      out += ch;
    } else if (ch !== "^" && ch !== "$") out += ch;
  }
  return out;
}

/** Hits of a `call` rule in one file. */
export function callHits(
  m: Extract<CompiledMatch, { kind: "call" }>,
  path: string,
  content: string,
  parsers: Parsers,
  isAdded: (line: number) => boolean,
): Hit[] {
  const syntax = syntaxOf(path);
  const parser = syntax ? parsers.get(syntax) : undefined;
  if (!parser) return [];
  const tree = parser.parse(content);
  if (!tree) return [];
  try {
    const hits: Hit[] = [];
    const scopes = new Map<number, Map<string, Node[]>>();
    for (const call of tree.rootNode.descendantsOfType(CALLS)) {
      if (!call) continue;
      const callee = call.childForFieldName("function")?.text.replace(/\s+|\?(?=\.)/g, "");
      if (!callee || !m.callee.test(callee)) continue;
      const args = argumentsOf(call);
      const picked = m.argument === undefined ? args : args.slice(m.argument, m.argument + 1);
      const scope = enclosingFunction(call) ?? tree.rootNode;
      let assigned = scopes.get(scope.id);
      if (!assigned) {
        assigned = assignmentsIn(scope);
        scopes.set(scope.id, assigned);
      }
      for (const arg of picked) {
        const lines = new Set<number>();
        const text = expand(arg, assigned, call.startIndex, lines, new Set(), 0);
        if (!m.builtFrom.test(text)) continue;
        for (let l = call.startPosition.row + 1; l <= call.endPosition.row + 1; l++) lines.add(l);
        if (![...lines].some(isAdded)) continue;
        hits.push({
          line: call.startPosition.row + 1,
          column: call.startPosition.column + 1,
          endLine: call.endPosition.row + 1,
          endColumn: call.endPosition.column + 1,
          vars: { match: call.text.length > 200 ? call.text.slice(0, 200) + "…" : call.text },
        });
        break;
      }
    }
    return hits;
  } finally {
    tree.delete();
  }
}

function argumentsOf(call: Node): Node[] {
  const list = call.childForFieldName("arguments");
  if (!list || list.type === "template_string") return [];
  return list.namedChildren.flatMap((arg) => {
    if (!arg || arg.type === "comment") return [];
    if (arg.type === "keyword_argument") {
      const value = arg.childForFieldName("value");
      return value ? [value] : [];
    }
    return [arg];
  });
}

function enclosingFunction(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (FUNCTIONS.has(p.type)) return p;
  return undefined;
}

/** name → assigned values in a function, not counting nested functions. */
function assignmentsIn(scope: Node): Map<string, Node[]> {
  const out = new Map<string, Node[]>();
  for (const node of scope.descendantsOfType(Object.keys(ASSIGNMENTS))) {
    if (!node) continue;
    const owner = enclosingFunction(node);
    if ((owner?.id ?? undefined) !== (FUNCTIONS.has(scope.type) ? scope.id : undefined)) continue;
    const [targetField, valueField] = ASSIGNMENTS[node.type] ?? ["", ""];
    const target = node.childForFieldName(targetField);
    const value = node.childForFieldName(valueField);
    if (!target || !value || target.type !== "identifier") continue;
    out.set(target.text, [...(out.get(target.text) ?? []), value]);
  }
  return out;
}

/** The argument's text followed by the text of every local value it was built from. */
function expand(
  node: Node,
  assigned: Map<string, Node[]>,
  before: number,
  lines: Set<number>,
  seen: Set<string>,
  depth: number,
): string {
  for (let l = node.startPosition.row + 1; l <= node.endPosition.row + 1; l++) lines.add(l);
  const parts = [node.text];
  if (depth >= MAX_DEPTH) return node.text;
  const ids = node.type === "identifier" ? [node] : node.descendantsOfType("identifier");
  for (const id of ids) {
    if (!id || seen.has(id.text)) continue;
    seen.add(id.text);
    for (const value of assigned.get(id.text) ?? []) {
      if (value.startIndex >= before) continue;
      parts.push(expand(value, assigned, before, lines, seen, depth + 1));
    }
  }
  return parts.join("\n");
}
