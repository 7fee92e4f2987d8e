// The search page: query with filters, results as you type (htmx swaps #results), keyboard moves.
import { MEMORY_TYPES } from "../../../vault/types.ts";
import { type Html, html, query } from "../html.ts";
import type { FindInput, Found } from "../memory_layer.ts";
import { badges, markedSnippet } from "./badges.ts";
import { layout, type View } from "./layout.ts";

function select(
  name: string,
  label: string,
  values: readonly string[],
  chosen: string | undefined,
) {
  return html`<div><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}"><option value="">any</option>${
    values.map((v) =>
      html`<option${
        v === chosen
          ? html`
            selected
          `
          : ""
      }>${v}</option>`
    )
  }</select></div>`;
}

function text(name: string, label: string, value: string | undefined, placeholder: string) {
  return html`<div><label for="f-${name}">${label}</label><input id="f-${name}" name="${name}" value="${
    value ?? ""
  }" placeholder="${placeholder}" autocomplete="off"></div>`;
}

/** The result list (also the htmx fragment). */
export function resultsList(found: Found[], input: FindInput): Html {
  const filtered = input.q.trim() !== "" ||
    Object.entries(input).some(([k, v]) => k !== "q" && k !== "limit" && v !== undefined);
  const heading = input.q.trim() === ""
    ? filtered ? "Newest matching memories" : "Newest memories"
    : `${found.length} result${found.length === 1 ? "" : "s"} for “${input.q}”`;
  return html`<div id="results" aria-live="polite"><h2 class="muted">${heading}</h2>${
    found.length === 0
      ? html`<p>No memories match.</p>`
      : html`<ol class="results">${
        found.map((f) =>
          html`<li><a class="result-link" href="/m/${f.memory.id}">${f.memory.title}</a> ${
            badges(f.memory)
          }<p class="snippet">${
            f.score === null ? f.snippet : markedSnippet(f.snippet)
          }</p><p class="muted">${f.memory.created_at.slice(0, 10)}${
            f.memory.files.length ? ` · ${f.memory.files.slice(0, 3).join(", ")}` : ""
          }${f.memory.tags.length ? ` · #${f.memory.tags.join(" #")}` : ""}</p></li>`
        )
      }</ol>`
  }</div>`;
}

/** The whole search page. */
export function searchPage(view: View, input: FindInput, found: Found[], flash?: string): Html {
  const body = html`
    <h1>Search memories</h1>
    <form class="searchbar" role="search" action="/" method="get" hx-get="/" hx-target="#results"
      hx-select="#results" hx-swap="outerHTML" hx-push-url="true" hx-sync="this:replace"
      hx-trigger="input changed delay:120ms from:#q, change from:.filters, submit">
      <div><label for="q">Search <span class="muted">(press <span class="kbd">/</span>, then <span class="kbd">↓</span> <span class="kbd">↑</span> and <span class="kbd">Enter</span>)</span></label>
    <input id="q" type="search" name="q" value="${input
      .q}" placeholder="words, identifiers, file names" autocomplete="off" autofocus></div>
      <fieldset class="filters"><legend class="muted">Filters</legend>
    ${text("project", "Project", input.project, "any project")}
    ${select("type", "Type", MEMORY_TYPES, input.type)}
    ${text("tag", "Tag", input.tag, "any tag")}
    ${text("file", "File", input.file, "src/pay.ts")}
    ${select("scope", "Scope", ["private", "team"], input.scope)}
    ${select("status", "Status", ["active", "superseded", "archived", "all"], input.status)}
    ${select("state", "Confirmed", ["confirmed", "draft"], input.state)}
      </fieldset>
      <noscript><button type="submit">Search</button></noscript>
    </form>
    ${resultsList(found, input)}
  `;
  return layout(view, { title: "Search", current: "/", body, flash });
}

/** Link back to a search with these filters. */
export function searchHref(input: Partial<FindInput>): string {
  return `/${query({ ...input, limit: undefined, typing: undefined })}`;
}
