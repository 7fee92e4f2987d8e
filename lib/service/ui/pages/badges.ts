// Small pieces shared by pages that list memories: badges and a highlighted snippet.
import { type Html, html } from "../html.ts";
import type { Memory } from "../../../vault/mod.ts";
import { isDraft } from "../memory_layer.ts";

/** Type, project, scope, status and draft badges. */
export function badges(memory: Memory): Html {
  return html`
    <span
      class="badges"><span class="badge">${memory.type}</span><span class="badge">${memory
        .project}</span><span class="badge">${memory.scope}</span>${memory.status !== "active"
        ? html`<span class="badge">${memory.status}</span>`
        : ""}${isDraft(memory) ? html`<span class="badge draft">draft</span>` : ""}</span>
  `;
}

/** A snippet whose [bracketed] words (snippetOf's marks) become <mark>. */
export function markedSnippet(snippet: string): Html {
  const parts = snippet.split(/\[([^\[\]]{1,80})\]/);
  return html`${parts.map((part, i) => i % 2 === 1 ? html`<mark>${part}</mark>` : part)}`;
}
