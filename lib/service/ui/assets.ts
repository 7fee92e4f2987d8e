// The dashboard's static files (htmx, uPlot, the page scripts, the stylesheets), read once when the
// service starts from beside this module; `deno compile --include lib/service/ui/assets` embeds
// them so the same URL works in the executable. Nothing is ever loaded from the network.
import { createHash } from "node:crypto";

/** One served file. */
export interface Asset {
  body: string;
  type: string;
  /** Short content hash, used in the URL so browsers may cache it for good. */
  hash: string;
}

/** File name → asset. */
export type Assets = Map<string, Asset>;

const FILES: Array<[name: string, type: string]> = [
  ["htmx.min.js", "text/javascript; charset=utf-8"],
  ["app.js", "text/javascript; charset=utf-8"],
  // npm uplot@1.6.32 (pinned in deno.json; MIT, see uPlot.LICENSE), only on pages with charts.
  ["uPlot.iife.min.js", "text/javascript; charset=utf-8"],
  ["uPlot.min.css", "text/css; charset=utf-8"],
  ["charts.js", "text/javascript; charset=utf-8"],
  ["style.css", "text/css; charset=utf-8"],
];

/** Read every asset. */
export async function loadAssets(): Promise<Assets> {
  const assets: Assets = new Map();
  for (const [name, type] of FILES) {
    const body = await Deno.readTextFile(new URL(`./assets/${name}`, import.meta.url));
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
    assets.set(name, { body, type, hash });
  }
  return assets;
}

/** The URL of an asset, versioned by its hash. */
export function assetUrl(assets: Assets, name: string): string {
  return `/assets/${name}?v=${assets.get(name)?.hash ?? "0"}`;
}
