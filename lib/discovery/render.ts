// The compact rendering of chosen memories that fits a character budget: title, type, age, why,
// a trimmed body and the id, so the model can `vault_get` the full text.
import type { ContextMemory } from "./context.ts";

const BODY_CHARS = 360;
const WHY_CHARS = 280;

/** Render memories in order until the budget is used; returns the ones that fit. */
export function renderContext(
  memories: ContextMemory[],
  options: { budgetChars: number; project: string },
): { memories: ContextMemory[]; text: string } {
  if (memories.length === 0) return { memories: [], text: "" };
  const header = `## korva: what this team knows (${options.project})\n` +
    "Memories chosen for this work; call vault_get with an id for the full text.\n";
  let text = header;
  const kept: ContextMemory[] = [];
  for (const memory of memories) {
    let block = renderMemory(memory, BODY_CHARS, WHY_CHARS);
    if (text.length + block.length > options.budgetChars) {
      // The first memory always gets in, trimmed harder; later ones stop the list.
      if (kept.length > 0) break;
      block = renderMemory(memory, 120, 160);
      if (text.length + block.length > options.budgetChars) {
        block = block.slice(0, Math.max(0, options.budgetChars - text.length - 1)) + "…";
      }
    }
    text += block;
    kept.push(memory);
  }
  return { memories: kept, text: text.trimEnd() + "\n" };
}

function renderMemory(memory: ContextMemory, bodyChars: number, whyChars: number): string {
  const lines = [
    `\n### [${memory.type}] ${memory.title}`,
    `id ${memory.id} · ${memory.age} · ${memory.reasons.join("; ")}`,
  ];
  if (memory.why) lines.push(`why: ${trim(memory.why, whyChars)}`);
  lines.push(trim(memory.content, bodyChars));
  return lines.join("\n") + "\n";
}

function trim(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + "…";
}
