// The vault's input checks, provided by validate.ts (on zod) when it loads: the Vault calls them
// for every write, and a process that only reads (the file hooks) never loads zod (issue 19).
// lib/vault/mod.ts loads validate.ts, and so does every module that writes through the memory
// layer, so a write never finds the checks missing.
import type { MemoryPatch, NewMemory, ValidImportLine, ValidNewMemory } from "./schemas.ts";
import type { KorvaError } from "../errors.ts";

/** What the Vault asks of its input before it writes. */
export interface Validation {
  /** A new memory, checked and normalised (KorvaError, exit 2, prefixed by `action`). */
  newMemory(input: NewMemory, action: string): ValidNewMemory;
  /** An update's fields, checked and normalised. */
  patch(input: MemoryPatch, action: string): MemoryPatch;
  /** Import lines; `bad` holds `line N: reason` for each invalid one. */
  importLines(lines: unknown[], numberFrom?: number[]): { valid: ValidImportLine[]; bad: string[] };
  /** The error for an import with bad lines. */
  importError(bad: string[]): KorvaError;
}

let provided: Validation | undefined;

/** Called by validate.ts as it loads. */
export function provideValidation(validation: Validation): void {
  provided = validation;
}

/** The checks; an internal error when a writer did not load validate.ts. */
export function validation(): Validation {
  if (!provided) {
    throw new Error("the vault's input checks were not loaded (import lib/vault/validate.ts)");
  }
  return provided;
}
