// The overview: counts by type, project, scope and status, memories added per week, team sync
// state and the sentinel rules with the memories they cite.
import type { LoadedRule } from "../../../sentinel/rules.ts";
import { barChart, columnChart } from "../charts.ts";
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
    ${columnChart("Added per week", data.perWeek.map((w) => ({ label: w.week, value: w.count })))}
    ${barChart("By type", bars(stats.byType, "type"))}
    ${barChart("By project", bars(stats.byProject, "project"))}
    ${barChart("By scope", bars(stats.byScope, "scope"))}
    ${barChart("By status", bars(stats.byStatus, "status"))}
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
      <p class="muted">The vault does not record recalls yet.</p>
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
              <td class="muted">not recorded</td>
            </tr>
          `
        )}</tbody>
      </table>
    </section>
  `;
  return layout(view, { title: "Overview", current: "/overview", body });
}
