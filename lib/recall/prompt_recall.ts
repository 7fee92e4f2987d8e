// Prompt-time recall: the few memories worth adding to a user's prompt, or none. Used by the
// `korva hook prompt` handler (Claude Code, Codex, Copilot CLI, VS Code, Kiro UserPromptSubmit,
// Gemini CLI BeforeAgent, OpenCode's plugin).
import type { SearchSemantics } from "../vault/search.ts";
import type { Vault } from "../vault/store.ts";
import type { Memory } from "../vault/types.ts";
import { cosine, vectorText } from "../vault/vectors.ts";
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
/** Without word weights: a memory must share this many distinct content words with the prompt. */
const MIN_SHARED_TERMS = 2;
/** Only the top candidates are considered: below them the match is too weak to interrupt. */
const CANDIDATES = 5;
/**
 * The bar with semantic recall's word weights: the memory holds this share of what the prompt's
 * words tell (each weighed by termWeight), or its vector is this close to the prompt's. Chosen on
 * the tuning questions and unrelated prompts (bench/prompt_recall_eval.ts, BENCHMARKS.md "Prompt
 * recall's bar"): the old bar, two shared words, added memories to 2 of 3 unrelated prompts.
 */
const MIN_COVER = 0.45;
const MIN_COSINE = 0.6;

/**
 * The memories that clear the relevance bar for a prompt: among the top search results, those
 * the prompt is about (see MIN_COVER), not shown before in the session.
 */
export function promptRecall(vault: Vault, prompt: string, options: PromptRecallOptions): Memory[] {
  const terms = new Set(textTerms(prompt));
  if (terms.size < MIN_PROMPT_TERMS) return [];
  const hits = vault.search(prompt.slice(0, 2000), {
    limit: CANDIDATES,
    status: "active",
    ...(options.project ? { project: options.project } : {}),
  });
  const relevant = relevanceBar(prompt, [...terms], vault.semantics);
  const picked: Memory[] = [];
  for (const { memory } of hits) {
    if (picked.length >= (options.limit ?? 3)) break;
    if (options.seen.has(memory.id) || !relevant(memory)) continue;
    picked.push(memory);
    options.seen.add(memory.id);
  }
  return picked;
}

/** Whether a memory clears the bar for the prompt whose distinct content words are `terms`. */
function relevanceBar(
  prompt: string,
  terms: string[],
  semantics: SearchSemantics | undefined,
): (memory: Memory) => boolean {
  const wordsOf = (memory: Memory) =>
    new Set(textTerms(`${memory.title} ${memory.content} ${memory.tags.join(" ")}`));
  const weight = semantics?.termWeight?.bind(semantics);
  if (!semantics || !weight) {
    return (memory) => {
      const words = wordsOf(memory);
      return terms.filter((t) => words.has(t)).length >= Math.min(MIN_SHARED_TERMS, terms.length);
    };
  }
  const total = terms.reduce((sum, t) => sum + weight(t), 0);
  const promptVector = semantics.vectorize(prompt);
  return (memory) => {
    const words = wordsOf(memory);
    const held = terms.reduce((sum, t) => sum + (words.has(t) ? weight(t) : 0), 0);
    if (total > 0 && held / total >= MIN_COVER) return true;
    if (promptVector === undefined) return false;
    const vector = semantics.vectorize(vectorText(memory));
    return vector !== undefined && cosine(promptVector, vector) >= MIN_COSINE;
  };
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
