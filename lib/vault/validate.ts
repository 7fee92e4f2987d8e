// Validation at the vault's door: schema checks with one sentence per failure, and the import
// line checks that name every bad line.
import type { z } from "zod";
import { KorvaError } from "../errors.ts";
import { ImportLine, MemoryPatch, NewMemory } from "./schemas.ts";
import { provideValidation } from "./validation.ts";

/** Validate import lines; `bad` holds `line N: reason` for each invalid one. */
export function validateImportLines(
  lines: unknown[],
  numberFrom?: number[],
): { valid: z.output<typeof ImportLine>[]; bad: string[] } {
  const valid: z.output<typeof ImportLine>[] = [];
  const bad: string[] = [];
  lines.forEach((line, index) => {
    const parsed = ImportLine.safeParse(line);
    if (parsed.success) valid.push(parsed.data);
    else bad.push(`line ${numberFrom?.[index] ?? index + 1}: ${describeIssue(parsed.error)}`);
  });
  return { valid, bad };
}

/** How many bad import lines an error names before it counts the rest. */
const BAD_LINES_NAMED = 50;

/** The error for an import with bad lines: the first 50 named with their reasons, then a count. */
export function importError(bad: string[]): KorvaError {
  const named = bad.slice(0, BAD_LINES_NAMED).join("; ");
  const more = bad.length > BAD_LINES_NAMED ? `; and ${bad.length - BAD_LINES_NAMED} more` : "";
  return new KorvaError(
    `Cannot import: ${bad.length} invalid line${bad.length === 1 ? "" : "s"} (${named}${more})`,
    { exitCode: 2, hint: "nothing was imported; fix those lines and run it again" },
  );
}

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  action: string,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new KorvaError(`${action}: ${describeIssue(parsed.error)}`, { exitCode: 2 });
  }
  return parsed.data;
}

/** "field" reason, for the first issue of a zod error. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid input";
  const field = issue.path.length > 0 ? `"${issue.path.join(".")}" ` : "";
  let message = issue.message;
  if (issue.code === "invalid_value" && "values" in issue) {
    message = `must be one of ${(issue.values as unknown[]).join(", ")}`;
  } else if (issue.code === "invalid_type" && /received undefined/.test(message)) {
    message = "is required";
  }
  return `${field}${message}`;
}

provideValidation({
  newMemory: (input, action) => parseInput(NewMemory, input, action),
  patch: (input, action) => parseInput(MemoryPatch, input, action),
  importLines: validateImportLines,
  importError,
});
