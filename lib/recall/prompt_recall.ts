// Prompt-time recall: the few memories worth adding to a user's prompt, or none. Used by the
// `korva hook prompt` handler (Claude Code UserPromptSubmit, Gemini CLI BeforeAgent).
import type { Vault } from "../vault/store.ts";
import type { Memory } from "../vault/types.ts";
import { textTerms } from "./terms.ts";

/** Options for promptRecall. */
export interface PromptRecallOptions {
  project?: string;
  /** Memory ids already shown in this session: never shown again (updated in place). */
  seen: Set<string>;
  /** At most this many memories (default 3). */
  limit?: number;
}

/** Prompts shorter than this many content words are chit-chat ("yes", "go on"): no recall. */
const MIN_PROMPT_TERMS = 2;
/** A memory must share this many distinct content words with the prompt to be shown. */
const MIN_SHARED_TERMS = 2;
/** Only the top candidates are considered: below them the match is too weak to interrupt. */
const CANDIDATES = 5;

/**
 * The memories that clear the relevance bar for a prompt: among the top search results, those
 * sharing at least two content words with it, not shown before in the session.
 */
export function promptRecall(vault: Vault, prompt: string, options: PromptRecallOptions): Memory[] {
  const terms = new Set(textTerms(prompt));
  if (terms.size < MIN_PROMPT_TERMS) return [];
  const hits = vault.search(prompt.slice(0, 2000), {
    limit: CANDIDATES,
    status: "active",
    ...(options.project ? { project: options.project } : {}),
  });
  const picked: Memory[] = [];
  for (const { memory } of hits) {
    if (picked.length >= (options.limit ?? 3)) break;
    if (options.seen.has(memory.id)) continue;
    const words = new Set(textTerms(`${memory.title} ${memory.content} ${memory.tags.join(" ")}`));
    let shared = 0;
    for (const term of terms) if (words.has(term)) shared++;
    if (shared < Math.min(MIN_SHARED_TERMS, terms.size)) continue;
    picked.push(memory);
    options.seen.add(memory.id);
  }
  return picked;
}

/** The context text added to the prompt. */
export function renderPromptRecall(memories: Memory[]): string {
  const lines = memories.map((m) => {
    const body = m.content.replace(/\s+/g, " ").trim();
    return `- [${m.type}] ${m.title} (${m.id}): ${
      body.length > 300 ? body.slice(0, 300) + "…" : body
    }`;
  });
  return `Team memory (korva) that may bear on this request; call vault_get for a full record:\n${
    lines.join("\n")
  }`;
}
