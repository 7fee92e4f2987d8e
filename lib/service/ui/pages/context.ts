// "What the AI sees": the context vault_context returns for a file and task, with each memory's
// reasons and score and the token budget used.
import { DEFAULT_MAX_TOKENS } from "../../../discovery/context.ts";
import { type Html, html } from "../html.ts";
import type { previewContext } from "../memory_layer.ts";
import { layout, type View } from "./layout.ts";

/** The form's values. */
export interface ContextForm {
  file: string;
  task: string;
  maxTokens: number | undefined;
}

/** The preview page; `result` is undefined until a file or task is given. */
export function contextPage(
  view: View,
  form: ContextForm,
  result: ReturnType<typeof previewContext> | undefined,
): Html {
  const budget = form.maxTokens ?? DEFAULT_MAX_TOKENS;
  const body = html`
    <h1>What the AI sees</h1>
    <p
      class="muted">Exactly what <code>vault_context</code> returns to an assistant opening this file for this task.</p>
    <form method="get" action="/context" class="filters">
      <div><label for="c-file">File path</label><input id="c-file" name="file" value="${form
        .file}" placeholder="src/payments/pay.ts" autocomplete="off"></div>
      <div><label for="c-task">Task <span class="muted">(optional)</span></label><input id="c-task" name="task" value="${form
        .task}" placeholder="fix the retry bug" autocomplete="off"></div>
      <div><label for="c-budget">Token budget</label><input id="c-budget" name="max_tokens" type="number" min="100" max="20000" value="${budget}"></div>
      <div><label for="c-go">&nbsp;</label><button id="c-go" type="submit">Preview</button></div>
    </form>
    ${result === undefined ? "" : html`<section aria-labelledby="h-chosen">
<h2 id="h-chosen">${result.memories.length} memor${
      result.memories.length === 1 ? "y" : "ies"
    } · ${result.tokens} of ${budget} tokens</h2>
${
      result.memories.length === 0
        ? html`<p>Nothing would be shown for this file and task.</p>`
        : html`
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Memory</th>
                <th scope="col">Score</th>
                <th scope="col">Reasons</th>
              </tr>
            </thead>
            <tbody>${result.memories.map((m, i) =>
              html`
                <tr>
                  <td>${i + 1}</td>
                  <td><a href="/m/${m.id}">${m.title}</a> <span class="muted">${m.type} · ${m
                    .age}</span></td>
                  <td>${m.score.toFixed(2)}</td>
                  <td>${m.reasons.join("; ")}</td>
                </tr>
              `
            )}</tbody>
          </table>
        `
    }
<h2>The text the AI receives</h2>
<pre id="context-text">${result.text || "(empty)"}</pre>
</section>`}
  `;
  return layout(view, { title: "What the AI sees", current: "/context", body });
}
