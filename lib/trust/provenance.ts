// Whether a person vouched for a memory, and what the screen says about its text: the two facts
// that decide whether a memory may be put in front of a model unasked.
import type { Memory } from "../vault/mod.ts";
import { SCREEN_FLAGS, type ScreenFlag, screenFlags } from "./screen.ts";

/** The texts of a memory the screen reads. */
export function screenedTexts(
  memory: Pick<Memory, "title" | "content" | "why" | "tags">,
): Array<string | null> {
  return [memory.title, memory.content, memory.why, ...memory.tags];
}

/**
 * The screen's flags for a memory: those stored at save, plus what today's rules find (rules
 * improve; a memory saved before a rule existed is screened again when it is read).
 */
export function memoryFlags(memory: Memory): string[] {
  const found = screenFlags(screenedTexts(memory));
  if (memory.flags.length === 0) return found;
  const all = new Set<string>([...memory.flags, ...found]);
  return [
    ...SCREEN_FLAGS.filter((flag) => all.has(flag)),
    ...[...all].filter((flag) => !SCREEN_FLAGS.includes(flag as ScreenFlag)),
  ];
}

/**
 * What the screen decides at a write: the flags of the new text, and whether the memory may be
 * confirmed. A person's save (CLI) or a team file merged through git is confirmed, an agent's is a
 * draft; flagged text is a draft whoever wrote it, because a CLI can be run by an agent and a team
 * file can be hand-written: only `korva confirm` vouches for it.
 */
export function screenWrite(
  fields: {
    title?: string | null | undefined;
    content?: string | null | undefined;
    why?: string | null | undefined;
    tags?: string[] | undefined;
  },
  byPerson: boolean,
): { flags: string[]; confirmed: boolean } {
  const flags: string[] = screenFlags([
    fields.title,
    fields.content,
    fields.why,
    ...(fields.tags ?? []),
  ]);
  return { flags, confirmed: byPerson && flags.length === 0 };
}
