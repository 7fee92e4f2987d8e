// Whether a person vouched for a memory, and what the screen says about its text: the two facts
// that decide whether a memory may be put in front of a model unasked.
import type { Memory } from "../vault/mod.ts";
import { type ScreenFlag, screenFlags } from "./screen.ts";

/** Sources written by a person (CLI) or merged through git (team files): confirmed on save. */
const PERSON_SOURCES = new Set(["cli", "team"]);

/** Whether a person wrote or confirmed the memory (else it is a draft). */
export function isConfirmed(memory: Memory): boolean {
  const stored = (memory as { confirmed?: unknown }).confirmed;
  if (typeof stored === "boolean") return stored;
  return confirmedOnSave(memory.source, memoryFlags(memory));
}

/**
 * The `confirmed` a new memory starts with: a person's save (CLI) or a team file merged through
 * git is confirmed, an agent's is a draft; flagged text is a draft whoever wrote it, because a
 * CLI can be run by an agent and a team file can be hand-written: only `korva confirm` vouches.
 */
export function confirmedOnSave(source: string, flags: readonly string[]): boolean {
  return PERSON_SOURCES.has(source) && flags.length === 0;
}

/**
 * The screen's flags for a memory: those stored at save, plus what today's rules find (rules
 * improve; a memory saved before a rule existed is screened again when it is read).
 */
export function memoryFlags(memory: Memory): ScreenFlag[] {
  const stored = (memory as { flags?: unknown }).flags;
  const found = screenFlags([memory.title, memory.content, memory.why, ...memory.tags]);
  if (!Array.isArray(stored) || stored.length === 0) return found;
  return [...new Set([...(stored as ScreenFlag[]), ...found])];
}

/** Flagged and not yet confirmed: kept and shown when asked for, never volunteered. */
export function isWithheld(memory: Memory): boolean {
  return !isConfirmed(memory) && memoryFlags(memory).length > 0;
}
