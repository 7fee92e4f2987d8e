// The overview: counts by type, project, scope and status, memories added per week, team sync
// state and the sentinel rules with the memories they cite.
import type { LoadedRule } from "../../../sentinel/rules.ts";
import { chart } from "../charts.ts";
import { type Html, html, query } from "../html.ts";
import type { Overview } from "../memory_layer.ts";
import { layout, type View } from "./layout.ts";

const bars = (counts: Record<string, number>, key: string) =>
  Object.entries(counts).slice(0, 12).map(([label, value]) => ({
    label,
    value,
    href: `/${query({ [key]: label, ...(key === "status" ? {} : { status: "all" }) })}`,
  }));

/** The overview page. */
export function overviewPage(view: View, data: Overview, rules: LoadedRule[]): Html {
  const { stats } = data;
  const body = html`
    <h1>Overview</h1>
    <p>${stats.total} memories · vault ${(stats.sizeBytes / 1024 / 1024).toFixed(
      1,
    )} MiB · schema ${stats.schemaVersion}</p>
    <div class="grid3">
    ${chart(
      "chart-weeks",
      "Added per week",
      "columns",
      data.perWeek.map((w) => ({ label: w.week.slice(5), value: w.count })),
    )}
    ${chart("chart-type", "By type", "bars", bars(stats.byType, "type"))}
    ${chart("chart-project", "By project", "bars", bars(stats.byProject, "project"))}
    ${chart("chart-scope", "By scope", "bars", bars(stats.byScope, "scope"))}
    ${chart("chart-status", "By status", "bars", bars(stats.byStatus, "status"))}
    <section aria-labelledby="h-team"><h2 id="h-team">Team sync</h2>${data.team
      ? html`<p>${data.team.inVault} team-scoped memories in the vault; ${data.team.files} files in <code>.korva/memories</code>.</p>${
        data.team.inVault !== data.team.files
          ? html`<p class="muted">The counts differ: run <code>korva sync</code> to bring them together.</p>`
          : html`<p class="ok">In step.</p>`
      }`
      : html`
        <p
          class="muted">The service was not started in a git repository, so there are no team files to compare.</p>
      `}</section>
    </div>
    <section aria-labelledby="h-recall">
      <h2 id="h-recall">Most recalled</h2>
      ${data.recalled.length === 0
        ? html`
          <p class="muted">No memory was served yet: counts start with the first context, search or read.</p>
        `
        : html`
          <table id="most-recalled">
            <thead>
              <tr>
                <th scope="col">Memory</th>
                <th scope="col">Type</th>
                <th scope="col">Recalls</th>
                <th scope="col">Last recalled</th>
              </tr>
            </thead>
            <tbody>${data.recalled.map((r) =>
              html`
                <tr>
                  <td><a href="/m/${r.memory_id}">${r.memory?.title ?? r.memory_id}</a></td>
                  <td>${r.memory?.type ?? ""}</td>
                  <td class="num">${r.count}</td>
                  <td>${r.last_at}</td>
                </tr>
              `
            )}</tbody>
          </table>
        `}
      <p class="muted">A recall is a memory served to an AI (context, hooks, MCP search and get) or a person (CLI, HTTP API, this dashboard's memory page).</p>
    </section>
    <section aria-labelledby="h-rules">
      <h2 id="h-rules">Rules (${rules.length})</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Severity</th>
            <th scope="col">Source</th>
            <th scope="col">Cites</th>
            <th scope="col">Hits</th>
            <th scope="col">Last hit</th>
          </tr>
        </thead>
        <tbody>${rules.map((r) =>
          html`
            <tr>
              <td><a href="/rules#rule-${r.id}"><code>${r.id}</code></a></td>
              <td>${r.severity}</td>
              <td>${r.origin}</td>
              <td>${(r.memory ?? []).map((id) =>
                html`
                  <a href="/m/${id}"><code>${id.slice(-6)}</code></a>
                `
              )}</td>
              <td class="num">${data.ruleHits.get(r.id)?.count ?? 0}</td>
              <td>${data.ruleHits.get(r.id)?.last_at ?? "—"}</td>
            </tr>
          `
        )}</tbody>
      </table>
    </section>
  `;
  return layout(view, { title: "Overview", current: "/overview", body, charts: true });
}
