// korva dashboard: keyboard moves and confirmations. Loaded as a file (the CSP allows no inline
// script); everything else works without it.
"use strict";

function resultLinks() {
  return Array.from(document.querySelectorAll("#results a.result-link"));
}

function typing(target) {
  return target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const search = document.getElementById("q");
  if (event.key === "/" && search && !typing(event.target)) {
    event.preventDefault();
    search.focus();
    search.select();
    return;
  }
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const links = resultLinks();
  if (links.length === 0) return;
  const onSearch = event.target === search;
  const at = links.indexOf(document.activeElement);
  if (!onSearch && at === -1) return;
  event.preventDefault();
  if (event.key === "ArrowDown") {
    links[Math.min(links.length - 1, at + 1)].focus();
  } else if (at <= 0) {
    search?.focus();
  } else {
    links[at - 1].focus();
  }
});

document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form instanceof HTMLFormElement ? form.dataset.confirm : undefined;
  if (question && !globalThis.confirm(question)) event.preventDefault();
});

// Requests sent by typing in the search box say so: the server then ranks by full text only and
// keeps semantic recall's related words and reranking for Enter (see docs/dashboard.md).
document.addEventListener("htmx:configRequest", (event) => {
  if (event.detail.triggeringEvent?.type === "input") {
    event.detail.headers["x-korva-typing"] = "1";
  }
});
