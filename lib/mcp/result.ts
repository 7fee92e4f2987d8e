// Tool results: structured content plus a compact text rendering; failures as tool errors the
// model can act on.
// @ts-types="@modelcontextprotocol/sdk/types"
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { isExpected, KorvaError, messageOf } from "../errors.ts";
import { revealHidden } from "../trust/hidden.ts";
import type { Memory } from "../vault/mod.ts";

/**
 * A successful result: `structured` must match the tool's output schema. Hidden characters in
 * the text are made visible, whatever the tool put in it (the model reads this text).
 */
export function ok(structured: Record<string, unknown>, text: string): CallToolResult {
  return { content: [{ type: "text", text: revealHidden(text) }], structuredContent: structured };
}

/** A failed call, phrased for the model. */
export function fail(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

/** Run a handler body; expected failures become tool errors, never crashes. */
export async function attempt(
  body: () => CallToolResult | Promise<CallToolResult>,
): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof KorvaError) {
      // A terminal hint names a command to run; a model gets only the hint written for it.
      return fail(error.modelHint ? `${error.message}: ${error.modelHint}` : error.message);
    }
    if (isExpected(error)) return fail(error.message);
    return fail(`Internal error: ${messageOf(error)}`);
  }
}

/** One line per memory for text renderings. */
export function memoryLine(m: Pick<Memory, "id" | "type" | "title">): string {
  return `${m.id} [${m.type}] ${m.title}`;
}
