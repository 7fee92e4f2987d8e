// korva dashboard: draws the overview's charts with uPlot from the numbers the server wrote into
// each `data-chart` attribute (a file, not inline script: the CSP allows none). Colours come from
// the stylesheet's variables, so charts follow the light or dark system setting.
"use strict";

function cssVar(element, name, fallback) {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

function shorten(label, max) {
  return label.length > max ? label.slice(0, max - 1) + "…" : label;
}

function drawChart(element) {
  const spec = JSON.parse(element.dataset.chart);
  const xs = spec.labels.map((_, i) => i);
  const horizontal = spec.kind === "bars";
  const fg = cssVar(element, "--fg", "#1b1f24");
  const line = cssVar(element, "--line", "#d0d7de");
  const accent = cssVar(element, "--accent", "#0b5cad");
  const font = "12px system-ui, sans-serif";
  const labelAxis = {
    stroke: fg,
    font,
    grid: { show: false },
    ticks: { show: false },
    splits: () => xs,
    // Columns over time label every few weeks so the dates never overlap.
    values: (_, splits) => {
      const every = horizontal ? 1 : Math.ceil(splits.length / 6);
      return splits.map((i) => i % every === 0 ? shorten(spec.labels[i] ?? "", 18) : "");
    },
    ...(horizontal ? { side: 3, size: 130 } : {}),
  };
  const countAxis = {
    stroke: fg,
    font,
    grid: { stroke: line, width: 1 },
    ticks: { show: false },
    // Counts are whole numbers: no 0.5 ticks on small charts.
    splits: (_u, _axis, min, max) => {
      const step = Math.max(1, Math.ceil((max - min) / 5));
      const out = [];
      for (let v = 0; v <= max; v += step) out.push(v);
      return out;
    },
    ...(horizontal ? { side: 2 } : {}),
  };
  const plot = new uPlot(
    {
      width: Math.max(240, element.clientWidth),
      height: Number(element.dataset.height) || 200,
      legend: { show: false },
      cursor: { x: false, y: false, points: { show: false }, drag: { x: false, y: false } },
      select: { show: false },
      scales: {
        x: {
          time: false,
          ori: horizontal ? 1 : 0,
          // Largest first: the first bar at the top.
          dir: horizontal ? -1 : 1,
          range: (_, min, max) => [min - 0.5, max + 0.5],
        },
        y: {
          ori: horizontal ? 0 : 1,
          range: (_, _min, max) => [0, Math.max(1, max) * 1.1],
        },
      },
      axes: [labelAxis, countAxis],
      series: [
        {},
        {
          label: element.getAttribute("aria-label") ?? "",
          fill: accent,
          stroke: accent,
          width: 0,
          points: { show: false },
          paths: uPlot.paths.bars({ size: [0.7, 48], radius: 0.1 }),
        },
      ],
    },
    [xs, spec.values],
    element,
  );
  // A click on a bar opens the search it stands for.
  plot.over.addEventListener("click", () => {
    const link = spec.links[plot.cursor.idx ?? -1];
    if (link) location.assign(link);
  });
  plot.over.title = "Click a bar to search";
  element.korvaChart = plot;
}

function drawCharts() {
  if (typeof uPlot !== "function") return;
  for (const element of document.querySelectorAll("[data-chart]")) {
    if (!element.korvaChart) drawChart(element);
  }
  document.documentElement.dataset.chartsDrawn = String(
    document.querySelectorAll("[data-chart]").length,
  );
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", drawCharts);
} else {
  drawCharts();
}
