// The review queue page: drafts, flagged, past-review and superseded-but-cited memories, each with
// one-click actions.
import { type Html, html } from "../html.ts";
import type { StoredCandidate } from "../../../vault/mod.ts";
import type { ReviewItem, ReviewKind } from "../review_queue.ts";
import { badges } from "./badges.ts";
import { actionForm, csrfField, layout, type View } from "./layout.ts";

const HEADINGS: Record<ReviewKind, string> = {
  draft: "Drafts to confirm",
  flagged: "Flagged content",
  "past-review": "Past their review date",
  stale: "Stale: their files changed since",
  conflict: "Team copies in conflict",
  "superseded-cited": "Superseded, yet cited by a rule",
  "missing-cited": "Cited by a rule but not in this vault",
  candidate: "Commits worth a memory (from korva mine git)",
};

function candidateForm(view: View, c: StoredCandidate): Html {
  const id = c.sha.slice(0, 12);
  return html`
    <details class="panel">
      <summary>Write it up as a memory</summary>
      <form method="post" action="/review/candidate">${csrfField(view)}
    <input type="hidden" name="sha" value="${c.sha}">
    <input type="hidden" name="files" value="${c.files.join("\n")}">
    <div class="form-row"><label for="c-type-${id}">Type</label><select id="c-type-${id}" name="type">${[
      "incident",
      "bugfix",
      "decision",
      "pattern",
      "convention",
      "learning",
    ].map((t) => html`<option>${t}</option>`)}</select></div>
    <div class="form-row"><label for="c-title-${id}">Title</label><input class="wide" id="c-title-${id}" name="title" value="${c
      .subject}" required maxlength="200"></div>
    <div class="form-row"><label for="c-content-${id}">What happened</label><textarea id="c-content-${id}" name="content" required>${c
      .message}</textarea></div>
    <div class="form-row"><label for="c-why-${id}">Why <span class="muted">(what the team should remember)</span></label><textarea id="c-why-${id}" name="why"></textarea></div>
    <button type="submit">Save as a memory</button></form>
    </details>
  `;
}

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
                : item.candidate
                ? html`<strong>${item.candidate.subject}</strong> <span class="muted">${
                  item.candidate.files.slice(0, 4).join(", ")
                }</span>`
                : html`<code>${item.id}</code>`
            }<p class="muted">${item.detail}</p>${
              item.candidate ? candidateForm(view, item.candidate) : ""
            }<div class="actions">${
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
