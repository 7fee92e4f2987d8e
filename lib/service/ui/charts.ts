// The overview's charts: the server writes each chart's numbers into a data attribute (no inline
// script under the CSP) and a table of the same numbers; assets/charts.js draws them with uPlot
// (npm `uplot`, vendored as assets/uPlot.iife.min.js). Without JavaScript the tables remain.
import { type Html, html } from "./html.ts";

/** One bar. */
export interface Bar {
  label: string;
  value: number;
  href?: string | undefined;
}

/** How a chart is drawn: horizontal bars for categories, columns for a series over time. */
export type ChartKind = "bars" | "columns";

/** What assets/charts.js reads from `data-chart`. */
export interface ChartSpec {
  kind: ChartKind;
  labels: string[];
  values: number[];
  links: Array<string | null>;
}

function dataTable(caption: string, bars: Bar[]): Html {
  return html`
    <details class="chart-data">
      <summary>${caption} as a table</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Count</th>
          </tr>
        </thead>
        <tbody>${bars.map((b) =>
          html`
            <tr>
              <td>${b.href ? html`<a href="${b.href}">${b.label}</a>` : b.label}</td>
              <td class="num">${b.value}</td>
            </tr>
          `
        )}</tbody>
      </table>
    </details>
  `;
}

/** A chart figure: caption, the element charts.js draws into, and the numbers as a table. */
export function chart(id: string, caption: string, kind: ChartKind, bars: Bar[]): Html {
  if (bars.length === 0) {
    return html`
      <figure class="chart" id="${id}">
        <figcaption>${caption}</figcaption>
        <p class="muted">Nothing yet.</p>
      </figure>
    `;
  }
  const spec: ChartSpec = {
    kind,
    labels: bars.map((b) => b.label),
    values: bars.map((b) => b.value),
    links: bars.map((b) => b.href ?? null),
  };
  // Bars get a row each; columns a fixed plot height.
  const height = kind === "bars" ? Math.max(90, bars.length * 26 + 40) : 200;
  return html`
    <figure class="chart" id="${id}">
      <figcaption>${caption}</figcaption>
      <div class="chart-plot" data-height="${height}" data-chart="${JSON.stringify(
        spec,
      )}" role="img" aria-label="${caption}: ${bars.map((b) => `${b.label} ${b.value}`)
        .join(", ")}"></div>${dataTable(caption, bars)}
    </figure>
  `;
}
