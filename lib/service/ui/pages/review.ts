// The review queue page: drafts, flagged, past-review and superseded-but-cited memories, each with
// one-click actions.
import { type Html, html } from "../html.ts";
import type { ReviewItem, ReviewKind } from "../review_queue.ts";
import { badges } from "./badges.ts";
import { actionForm, layout, type View } from "./layout.ts";

const HEADINGS: Record<ReviewKind, string> = {
  draft: "Drafts to confirm",
  flagged: "Flagged content",
  "past-review": "Past their review date",
  "superseded-cited": "Superseded or archived, yet cited by a rule",
  "missing-cited": "Cited by a rule but not in this vault",
};

/** The review page. */
export function reviewPage(view: View, items: ReviewItem[], flash?: string): Html {
  const kinds = Object.keys(HEADINGS) as ReviewKind[];
  const body = html`<h1>Review</h1>
${items.length === 0 ? html`<p>Nothing to review.</p>` : ""}
${
    kinds.map((kind) => {
      const group = items.filter((item) => item.kind === kind);
      if (group.length === 0) return "";
      return html`
        <section aria-labelledby="h-${kind}">
          <h2 id="h-${kind}">${HEADINGS[kind]} (${group.length})</h2>
          <ul class="results">${group.map((item) =>
            html`<li>${
              item.memory
                ? html`<a class="result-link" href="/m/${item.id}">${item.memory.title}</a> ${
                  badges(item.memory)
                }`
                : html`<code>${item.id}</code>`
            }<p class="muted">${item.detail}</p><div class="actions">${
              item.memory && kind === "draft"
                ? actionForm(view, `/m/${item.id}/confirm`, "Confirm", {
                  hidden: { back: "/review" },
                })
                : ""
            }${
              item.memory && item.memory.status === "active"
                ? actionForm(view, `/m/${item.id}/archive`, "Archive", {
                  className: "secondary",
                  hidden: { back: "/review" },
                })
                : ""
            }${
              item.memory
                ? html`<a class="button secondary" href="/m/${item.id}#edit">Edit</a>`
                : ""
            }</div></li>`
          )}</ul>
        </section>
      `;
    })
  }`;
  return layout(view, { title: "Review", current: "/review", body, flash });
}
