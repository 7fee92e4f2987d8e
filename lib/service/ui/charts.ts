// Server-drawn SVG charts for the overview: horizontal bars for counts by category and columns
// for a series over time. Drawn here rather than by a client charting library so the overview
// renders with the page, works without JavaScript under the no-inline-script CSP, follows the
// colour scheme through CSS classes, and carries its numbers as text for screen readers.
import { type Html, html } from "./html.ts";

/** One bar. */
export interface Bar {
  label: string;
  value: number;
  href?: string | undefined;
}

const ROW = 22;
const LABEL_W = 140;
const WIDTH = 460;

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
              <td>${b.label}</td>
              <td>${b.value}</td>
            </tr>
          `
        )}</tbody>
      </table>
    </details>
  `;
}

/** Horizontal bars, largest first, with the value at each bar's end. */
export function barChart(caption: string, bars: Bar[]): Html {
  if (bars.length === 0) {
    return html`
      <figure class="chart">
        <figcaption>${caption}</figcaption>
        <p class="muted">Nothing yet.</p>
      </figure>
    `;
  }
  const max = Math.max(1, ...bars.map((b) => b.value));
  const room = WIDTH - LABEL_W - 50;
  const height = bars.length * ROW + 4;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 2;
    const w = Math.max(1, Math.round((bar.value / max) * room));
    const label = html`<text x="${LABEL_W - 6}" y="${
      y + 15
    }" text-anchor="end" class="chart-label">${
      bar.label.length > 20 ? bar.label.slice(0, 19) + "…" : bar.label
    }</text>`;
    return html`<g>${
      bar.href ? html`<a href="${bar.href}">${label}</a>` : label
    }<rect class="bar" x="${LABEL_W}" y="${y + 3}" width="${w}" height="${
      ROW - 6
    }" rx="2"></rect><text x="${LABEL_W + w + 6}" y="${
      y + 15
    }" class="chart-value">${bar.value}</text></g>`;
  });
  return html`
    <figure
      class="chart"><figcaption>${caption}</figcaption><svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${caption}: ${bars
        .map((b) => `${b.label} ${b.value}`).join(", ")}">${rows}</svg>${dataTable(
          caption,
          bars,
        )}</figure>
  `;
}

/** Columns over time, e.g. memories added per week. */
export function columnChart(caption: string, bars: Bar[]): Html {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotH = 120;
  const step = WIDTH / Math.max(1, bars.length);
  const columns = bars.map((bar, i) => {
    const h = bar.value === 0 ? 0 : Math.max(2, Math.round((bar.value / max) * plotH));
    const x = Math.round(i * step + step * 0.15);
    const w = Math.max(2, Math.round(step * 0.7));
    return html`<g><rect class="bar" x="${x}" y="${
      plotH - h + 16
    }" width="${w}" height="${h}" rx="2"><title>${bar.label}: ${bar.value}</title></rect><text x="${
      x + w / 2
    }" y="${plotH - h + 12}" text-anchor="middle" class="chart-value">${bar.value || ""}</text>${
      i % 2 === 0
        ? html`<text x="${x + w / 2}" y="${plotH + 32}" text-anchor="middle" class="chart-label">${
          bar.label.slice(5)
        }</text>`
        : ""
    }</g>`;
  });
  return html`
    <figure
      class="chart"><figcaption>${caption}</figcaption><svg viewBox="0 0 ${WIDTH} ${plotH +
        40}" width="100%" role="img" aria-label="${caption}: ${bars.map((b) =>
          `${b.label} ${b.value}`
        ).join(", ")}"><line class="axis" x1="0" y1="${plotH + 16}" x2="${WIDTH}" y2="${plotH +
        16}"></line>${columns}</svg>${dataTable(caption, bars)}</figure>
  `;
}
