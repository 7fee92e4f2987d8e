// The page frame every dashboard page shares: head with the assets, navigation, CSRF token for
// htmx requests (an attribute, not a script), and the main region.
import { type Assets, assetUrl } from "../assets.ts";
import { type Html, html, type Part } from "../html.ts";

/** What every page needs from the request. */
export interface View {
  assets: Assets;
  csrf: string;
}

/** The navigation's pages. */
export const NAV = [
  ["/", "Search"],
  ["/context", "What the AI sees"],
  ["/review", "Review"],
  ["/overview", "Overview"],
  ["/rules", "Rules"],
] as const;

/** A whole page. */
export function layout(
  view: View,
  options: {
    title: string;
    current: string;
    body: Part;
    flash?: string | undefined;
    /** Load uPlot and the chart script (the overview). */
    charts?: boolean;
  },
): Html {
  return html`
    <!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="htmx-config"
          content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"selfRequestsOnly":true}'>
        <title>${options.title} · korva</title>
        <link rel="icon" href="data:,">
        ${options.charts
          ? html`<link rel="stylesheet" href="${assetUrl(view.assets, "uPlot.min.css")}">`
          : ""}
        <link rel="stylesheet" href="${assetUrl(view.assets, "style.css")}">
        <script src="${assetUrl(view.assets, "htmx.min.js")}" defer></script>
        <script src="${assetUrl(view.assets, "app.js")}" defer></script>
        ${options.charts
          ? html`
            <script src="${assetUrl(view.assets, "uPlot.iife.min.js")}" defer></script>
            <script src="${assetUrl(view.assets, "charts.js")}" defer></script>
          `
          : ""}
      </head>
      <body hx-headers='${JSON.stringify({ "x-csrf-token": view.csrf })}'>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <a class="brand" href="/">korva</a>
          <nav aria-label="Dashboard">
            <ul>${NAV.map(([href, label]) =>
              html`<li><a href="${href}"${
                options.current === href
                  ? html`
                    aria-current="page"
                  `
                  : ""
              }>${label}</a></li>`
            )}</ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
    ${options.flash ? html`<p class="flash" role="status">${options.flash}</p>` : ""}
    ${options.body}
        </main>
      </body>
    </html>
  `;
}

/** The hidden CSRF field every state-changing form carries. */
export function csrfField(view: View): Html {
  return html`<input type="hidden" name="_csrf" value="${view.csrf}">`;
}

/** A one-button POST form. */
export function actionForm(
  view: View,
  action: string,
  label: string,
  options: { confirm?: string; className?: string; hidden?: Record<string, string> } = {},
): Html {
  return html`
    <form method="post" action="${action}"
      ${options.confirm
        ? html`
          data-confirm="${options.confirm}"
        `
        : ""}>${csrfField(view)}${Object.entries(options.hidden ?? {}).map(([name, value]) =>
          html`<input type="hidden" name="${name}" value="${value}">`
        )}<button type="submit"${options.className
        ? html`
          class="${options.className}"
        `
        : ""}>${label}</button></form>
  `;
}

/** The page shown to a browser without a session: no memories, just how to sign in. */
export function signInPage(reason = "This browser is not signed in."): Html {
  return html`
    <!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sign in · korva</title>
      </head>
      <body>
        <main>
          <h1>korva dashboard</h1>
          <p>${reason} Run <code>korva ui</code> in a terminal: it opens a one-time sign-in link.</p>
        </main>
      </body>
    </html>
  `;
}

/** A page that is not there (an unknown path or memory id). */
export function notFoundPage(view: View, message: string): Html {
  return layout(view, {
    title: "Not found",
    current: "",
    body: html`
      <h1>Not found</h1>
      <p role="alert">${message}</p>
      <p><a href="/">Search memories</a></p>
    `,
  });
}
