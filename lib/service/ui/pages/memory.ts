// A memory's page: every field, provenance, versions with word diffs, the supersede chain both
// ways, anchored files, rules citing it, and the actions (edit, supersede, archive, delete,
// share/unshare, confirm).
import { diffWords } from "diff";
import type { LoadedRule } from "../../../sentinel/rules.ts";
import { MEMORY_TYPES } from "../../../vault/types.ts";
import { type Html, html, query } from "../html.ts";
import type { Memory, RecallCount } from "../../../vault/mod.ts";
import { isDraft, PROVENANCE_FIELDS } from "../memory_layer.ts";
import { badges } from "./badges.ts";
import { actionForm, csrfField, layout, type View } from "./layout.ts";

/** Everything the memory page shows. */
export interface MemoryView {
  memory: Memory;
  /** How often the memory was served (this view included), if the vault could count it. */
  recalls: RecallCount | undefined;
  history: Memory[];
  chain: { older: Memory[]; newer: Memory[] };
  rules: LoadedRule[];
  shareRedacts: string[];
  canShare: boolean;
  flash?: string | undefined;
  error?: string | undefined;
}

const DIFFED = ["title", "type", "content", "why", "tags", "files", "scope", "status"] as const;

function fieldText(memory: Memory, field: (typeof DIFFED)[number]): string {
  const value = memory[field];
  return Array.isArray(value) ? value.join(", ") : value ?? "";
}

/** Word diff of each changed field between two versions. */
export function versionDiff(before: Memory, after: Memory): Html {
  const changed = DIFFED.filter((f) => fieldText(before, f) !== fieldText(after, f));
  if (changed.length === 0) return html`<p class="muted">No visible field changed.</p>`;
  return html`<dl class="fields">${
    changed.map((field) =>
      html`
        <dt>${field}</dt>
        <dd class="diff">${diffWords(fieldText(before, field), fieldText(after, field)).map((
          part,
        ) =>
          part.added
            ? html`<ins>${part.value}</ins>`
            : part.removed
            ? html`<del>${part.value}</del>`
            : part.value
        )}</dd>
      `
    )
  }</dl>`;
}

function provenanceRows(memory: Memory): Html {
  return html`${
    PROVENANCE_FIELDS.map((field) => {
      const value = memory[field];
      const shown = value === null || value === undefined || value === "" ||
          (Array.isArray(value) && value.length === 0)
        ? "—"
        : field === "confirmed"
        ? (value ? "yes, by a person" : "no: a draft")
        : Array.isArray(value)
        ? value.join(", ")
        : String(value);
      return html`
        <dt>${field}</dt>
        <dd>${shown}</dd>
      `;
    })
  }`;
}

function link(memory: Memory): Html {
  return html`<a href="/m/${memory.id}">${memory.title}</a> <span class="muted">${memory.status} · ${
    memory.created_at.slice(0, 10)
  }</span>`;
}

function editForm(view: View, m: Memory): Html {
  return html`<form method="post" action="/m/${m.id}/edit">${csrfField(view)}
<div class="form-row"><label for="e-title">Title</label><input class="wide" id="e-title" name="title" value="${m.title}" required maxlength="200"></div>
<div class="form-row"><label for="e-type">Type</label><select id="e-type" name="type">${
    MEMORY_TYPES.map((t) =>
      html`<option${
        t === m.type
          ? html`
            selected
          `
          : ""
      }>${t}</option>`
    )
  }</select></div>
<div class="form-row"><label for="e-content">Content</label><textarea id="e-content" name="content" required>${m.content}</textarea></div>
<div class="form-row"><label for="e-why">Why</label><textarea id="e-why" name="why">${
    m.why ?? ""
  }</textarea></div>
<div class="form-row"><label for="e-tags">Tags <span class="muted">(comma-separated)</span></label><input class="wide" id="e-tags" name="tags" value="${
    m.tags.join(", ")
  }"></div>
<div class="form-row"><label for="e-files">Files <span class="muted">(one per line: paths, folders/ or globs)</span></label><textarea id="e-files" name="files">${
    m.files.join("\n")
  }</textarea></div>
<button type="submit">Save changes</button></form>`;
}

function supersedeForm(view: View, m: Memory): Html {
  return html`<form method="post" action="/m/${m.id}/supersede">${csrfField(view)}
<div class="form-row"><label for="s-title">New title</label><input class="wide" id="s-title" name="title" value="${m.title}" required maxlength="200"></div>
<div class="form-row"><label for="s-content">New content</label><textarea id="s-content" name="content" required>${m.content}</textarea></div>
<div class="form-row"><label for="s-why">Why it changed</label><textarea id="s-why" name="why"></textarea></div>
<button type="submit">Save the replacement</button></form>`;
}

/** The memory page. */
export function memoryPage(view: View, mv: MemoryView): Html {
  const m = mv.memory;
  const versions = [...mv.history, m];
  const body = html`
    <p><a href="/">← Search</a></p>
    <h1>${m.title}</h1>
    <p>${badges(m)}</p>
    ${mv.error ? html`<p class="error" role="alert">${mv.error}</p>` : ""}
    <div class="grid2">
      <section aria-labelledby="h-content">
    <h2 id="h-content">Content</h2>
    <div class="content">${m.content}</div>
    ${m.why
      ? html`
        <h2>Why</h2>
        <div class="content">${m.why}</div>
      `
      : ""}
    <h2>Actions</h2>
    <div class="actions">
    ${isDraft(m) ? actionForm(view, `/m/${m.id}/confirm`, "Confirm draft") : ""}
    ${mv.canShare
      ? m.scope === "team"
        ? actionForm(view, `/m/${m.id}/unshare`, "Unshare", {
          className: "secondary",
          confirm: "Remove the team file and make this memory private?",
        })
        : actionForm(view, `/m/${m.id}/share`, "Share with the team", {
          className: "secondary",
          ...(mv.shareRedacts.length
            ? {
              confirm: `The shared file will have ${
                mv.shareRedacts.join(", ")
              } redacted. Share it?`,
            }
            : {}),
        })
      : ""}
    ${m.status === "active"
      ? actionForm(view, `/m/${m.id}/archive`, "Archive", {
        className: "secondary",
        confirm: "Archive this memory? It stays in the vault but leaves search and context.",
      })
      : ""}
    ${actionForm(view, `/m/${m.id}/delete`, "Delete…", { className: "danger" })}
    </div>
    <details class="panel" id="edit"><summary>Edit</summary>${editForm(view, m)}</details>
    ${m.status === "superseded" ? "" : html`
      <details class="panel"
        id="supersede"><summary>Supersede with a new version</summary>${supersedeForm(
          view,
          m,
        )}</details>
    `}
    <h2 id="h-history">History</h2>
    ${mv.history.length === 0
      ? html`<p class="muted">No earlier versions.</p>`
      : html`<ol class="results" aria-labelledby="h-history">${
        versions.slice(1).map((after, i) => {
          const before = versions[i]!;
          return html`<li><strong>${
            i + 2 === versions.length ? "Current" : `Version ${i + 2}`
          }</strong> <span class="muted">changed ${
            after.updated_at.replace("T", " ").slice(0, 16)
          }, from version ${i + 1} (${before.updated_at.replace("T", " ").slice(0, 16)})</span>${
            versionDiff(before, after)
          }</li>`;
        }).reverse()
      }</ol>`}
      </section>
      <aside aria-labelledby="h-fields">
    <h2 id="h-fields">Fields</h2>
    <dl class="fields">
    <dt>id</dt><dd><code>${m.id}</code></dd>
    <dt>project</dt><dd>${m.project}</dd>
    <dt>type</dt><dd>${m.type}</dd>
    <dt>scope</dt><dd>${m.scope}</dd>
    <dt>status</dt><dd>${m.status}</dd>
    <dt>tags</dt><dd>${m.tags.length
      ? m.tags.map((t) =>
        html`
          <a href="/${query({ tag: t })}">#${t}</a>
        `
      )
      : "—"}</dd>
    <dt>author</dt><dd>${m.author ?? "—"}</dd>
    <dt>source</dt><dd>${m.source}</dd>
    <dt>session</dt><dd>${m.session_id ?? "—"}</dd>
    <dt>created</dt><dd>${m.created_at}</dd>
    <dt>updated</dt><dd>${m.updated_at}</dd>
    <dt>content hash</dt><dd><code>${m.content_hash.slice(0, 16)}</code></dd>
    <dt>recalled</dt><dd id="recalls">${mv.recalls
      ? `${mv.recalls.count} ${
        mv.recalls.count === 1 ? "time" : "times"
      }, last ${mv.recalls.last_at}`
      : "never"}</dd>
    ${provenanceRows(m)}
    </dl>
    <h2 id="h-files">Anchored files</h2>
    ${m.files.length
      ? html`<ul aria-labelledby="h-files">${
        m.files.map((f) =>
          html`<li><code>${f}</code> · <a href="/${
            query({ file: f })
          }">memories</a> · <a href="/context${query({ file: f })}">what the AI sees</a></li>`
        )
      }</ul>`
      : html`<p class="muted">Not anchored to files.</p>`}
    <h2 id="h-chain">Supersede chain</h2>
    ${mv.chain.older.length + mv.chain.newer.length === 0
      ? html`<p class="muted">Neither replaces nor is replaced by another memory.</p>`
      : html`
        <ol
          aria-labelledby="h-chain">${[...mv.chain.older].reverse().map((o) =>
            html`<li>${link(o)}</li>`
          )}<li aria-current="true"><strong>this memory</strong></li>${mv.chain.newer.map((n) =>
            html`<li>${link(n)}</li>`
          )}</ol>
      `}
    <h2 id="h-rules">Rules that cite it</h2>
    ${mv.rules.length
      ? html`<ul aria-labelledby="h-rules">${
        mv.rules.map((r) =>
          html`<li><a href="/rules#rule-${r.id}"><code>${r.id}</code></a> <span class="muted">${r.severity} · ${r.source}</span></li>`
        )
      }</ul>`
      : html`<p class="muted">No sentinel rule cites it.</p>`}
      </aside>
    </div>
  `;
  return layout(view, { title: m.title, current: "", body, flash: mv.flash });
}

/** The page that asks before a delete. */
export function deleteConfirmPage(view: View, m: Memory): Html {
  const body = html`<h1>Delete “${m.title}”?</h1>
<p>This removes the memory and its history from the vault for good. Archiving keeps it.</p>
<div class="actions">${
    actionForm(view, `/m/${m.id}/delete`, "Delete for good", {
      className: "danger",
      hidden: { confirm: "yes" },
    })
  }<a class="button secondary" href="/m/${m.id}">Cancel</a></div>`;
  return layout(view, { title: "Delete memory", current: "", body });
}
