// What a memory of each type needs to be useful later: a decision its why and the alternatives
// rejected, an incident its root cause and the fix, a convention or pattern an example. The
// save still happens; the missing parts come back as a suggestion the writer can act on.
import type { Memory } from "../vault/mod.ts";

const ALTERNATIVES =
  /\b(instead of|rather than|rejected|alternative|considered|over |vs\.?|versus|we chose|chose|not use|didn't use|did not use)\b/i;
const ROOT_CAUSE = /\b(root cause|because|caused by|due to|the cause|happened when|race)\b/i;
const FIX =
  /\b(fix|fixed|fixes|resolved|resolve|now |changed|switched|instead|mitigat|solution|workaround|added|keyed)\b/i;
const EXAMPLE = /`|e\.g\.|for example|example|```|=>|\w\(|;\s*$|\{|\}/im;

/** The parts a memory lacks for its type, as short phrases ("the why", "an example"). */
export function missingParts(memory: Pick<Memory, "type" | "content" | "why">): string[] {
  const text = `${memory.content}\n${memory.why ?? ""}`;
  const missing: string[] = [];
  switch (memory.type) {
    case "decision":
      if (!memory.why) missing.push("the why (the constraint or incident that forced the choice)");
      if (!ALTERNATIVES.test(text)) missing.push("the alternatives rejected and why");
      break;
    case "incident":
    case "bugfix":
      if (!memory.why && !ROOT_CAUSE.test(text)) missing.push("the root cause");
      if (!FIX.test(text)) missing.push("the fix");
      break;
    case "convention":
    case "pattern":
      if (!EXAMPLE.test(text)) missing.push("an example (a line of code or a concrete case)");
      break;
    case "learning":
    case "note":
      break;
    default: {
      const unknown: never = memory.type;
      throw new Error(`no quality check for memory type ${String(unknown)}`);
    }
  }
  return missing;
}
