// The dashboard's request handler: sign-in by one-time link, cookie session, CSRF and Origin/Host
// checks, security headers, and the routes of each page. Pages only render; memory_layer.ts does.
import process from "node:process";
import { z } from "zod";
import { ExitCode, isExpected, KorvaError, messageOf } from "../../errors.ts";
import type { Memories } from "../../memory/mod.ts";
import { evaluate } from "../../sentinel/engine.ts";
import type { LoadedRule } from "../../sentinel/rules.ts";
import { MemoryType, Scope } from "../../vault/schemas.ts";
import { isLocal, MAX_BODY_BYTES } from "../api.ts";
import type { Assets } from "./assets.ts";
import { type Html, query } from "./html.ts";
import {
  archiveMemory,
  canShare,
  confirmMemory,
  deleteMemory,
  editMemory,
  type FindInput,
  findMemories,
  loadActiveRules,
  memoryHistory,
  openedMemory,
  overview,
  previewContext,
  readMemory,
  redactorOf,
  requireMemory,
  ruleHitCounts,
  saveFromCandidate,
  shareFindings,
  shareMemory,
  supersedeChain,
  supersedeMemory,
  unshareMemory,
} from "./memory_layer.ts";
import { reviewQueue } from "./review_queue.ts";
import { contextPage } from "./pages/context.ts";
import { notFoundPage, signInPage, type View } from "./pages/layout.ts";
import { deleteConfirmPage, memoryPage } from "./pages/memory.ts";
import { overviewPage } from "./pages/overview.ts";
import { reviewPage } from "./pages/review.ts";
import { rulesPage, type RuleTest } from "./pages/rules.ts";
import { resultsList, searchPage } from "./pages/search.ts";
import type { UiSession, UiSessions } from "./session.ts";

/** What the dashboard handler needs. */
export interface DashboardContext {
  /** The memory layer over the service's vault, writing as client "ui". */
  memories: Memories;
  sessions: UiSessions;
  assets: Assets;
}

/** How long loaded sentinel rules are reused before the files are read again. */
export const RULES_TTL_MS = 3000;

/** No inline script, nothing from the network, no framing. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; " +
  "base-uri 'none'";

const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts.
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

function page(status: number, body: Html | string, headers: Record<string, string> = {}): Response {
  return new Response(String(body), {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      ...SECURITY_HEADERS,
      ...headers,
    },
  });
}

function plain(status: number, message: string): Response {
  return new Response(message + "\n", {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", ...SECURITY_HEADERS },
  });
}

function redirect(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, {
    status: 303,
    headers: { location, ...SECURITY_HEADERS, ...headers },
  });
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional()).catch(undefined);

const FindQuery = z.object({
  q: z.string().max(500).catch(""),
  project: optional(z.string().max(200)),
  type: optional(MemoryType),
  tag: optional(z.string().max(64)),
  file: optional(z.string().max(512)),
  scope: optional(Scope),
  status: optional(z.enum(["active", "superseded", "archived", "all"])),
  state: optional(z.enum(["confirmed", "draft"])),
});

const ContextQuery = z.object({
  file: z.string().max(512).catch(""),
  task: z.string().max(2000).catch(""),
  max_tokens: optional(z.coerce.number().int().min(100).max(20_000)),
});

const list = (text: string, split: RegExp) =>
  text.split(split).map((part) => part.trim()).filter((part) => part !== "");

async function readForm(request: Request): Promise<Record<string, string>> {
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) {
    throw new KorvaError(`Request body over ${MAX_BODY_BYTES} bytes`, { exitCode: 2 });
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) {
    throw new KorvaError(`Request body over ${MAX_BODY_BYTES} bytes`, { exitCode: 2 });
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** Build the dashboard's handler (the service routes every non-API path here). */
export function createDashboardHandler(
  ctx: DashboardContext,
): (request: Request) => Promise<Response> {
  const { memories, sessions, assets } = ctx;
  // Rule files are YAML validated with zod: read them at most every RULES_TTL_MS, so a memory
  // page does not parse every rule file, yet an edited rule shows up within seconds.
  let rulesCache:
    | { at: number; value: { rules: LoadedRule[]; error: string | undefined } }
    | undefined;
  return async (request) => {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const response = await route(request);
    // Server time for the browser's devtools and bench/dashboard.ts: wall time, and the
    // process's CPU time, which a busy machine does not inflate.
    const cpu = process.cpuUsage(cpuBefore);
    response.headers.set(
      "server-timing",
      `app;dur=${(performance.now() - started).toFixed(2)}, cpu;dur=${
        ((cpu.user + cpu.system) / 1000).toFixed(2)
      }`,
    );
    return response;
  };

  async function route(request: Request): Promise<Response> {
    if (!isLocal(request.headers.get("host"))) {
      return plain(421, "Host header must be localhost (DNS-rebinding protection)");
    }
    // Stricter than the API: another web app on a different port of this machine is same-site
    // (so the cookie goes along), so the Origin must be this very host and port.
    const origin = request.headers.get("origin");
    if (
      (origin && origin !== `http://${request.headers.get("host")}`) ||
      request.headers.get("sec-fetch-site") === "cross-site"
    ) {
      return plain(403, "Cross-origin requests are refused");
    }
    const url = new URL(request.url);
    const path = url.pathname;
    if (request.method === "GET" && path.startsWith("/assets/")) {
      const asset = assets.get(path.slice("/assets/".length));
      if (!asset) return plain(404, "No such asset");
      return new Response(asset.body, {
        headers: {
          "content-type": asset.type,
          "cache-control": "public, max-age=31536000, immutable",
          ...SECURITY_HEADERS,
        },
      });
    }
    if (request.method === "GET" && path === "/login") {
      const session = sessions.redeem(url.searchParams.get("code") ?? "");
      if (!session) {
        return page(403, signInPage("This sign-in link was already used or has expired."));
      }
      return redirect("/", { "set-cookie": sessions.cookie(session) });
    }
    const session = sessions.fromCookie(request.headers.get("cookie"));
    if (!session) {
      return request.method === "GET"
        ? page(401, signInPage())
        : plain(401, "Not signed in: run korva ui for a sign-in link");
    }
    const view: View = { assets, csrf: session.csrf };
    try {
      if (request.method === "POST") return await post(request, path, view, session);
      if (request.method === "GET") return get(request, url, view);
      return plain(405, `Method ${request.method} is not allowed`);
    } catch (caught) {
      if (isExpected(caught)) {
        const status = caught.exitCode === ExitCode.notFound
          ? 404
          : caught.exitCode === ExitCode.usage
          ? 400
          : 500;
        return plain(status, caught.message);
      }
      return plain(500, `Internal error: ${messageOf(caught)}`);
    }
  }

  function get(request: Request, url: URL, view: View): Response {
    const path = url.pathname;
    const params = Object.fromEntries(url.searchParams);
    if (path === "/") {
      const input: FindInput = {
        ...FindQuery.parse(params),
        // Set by app.js on requests an input event sent (not Enter, not a filter change).
        typing: request.headers.get("x-korva-typing") === "1",
      };
      const found = findMemories(memories, input);
      if (request.headers.get("hx-request") === "true") return page(200, resultsList(found, input));
      return page(200, searchPage(view, input, found, params.flash));
    }
    const memoryId = path.match(/^\/m\/([0-9A-Za-z]{26})$/)?.[1];
    if (memoryId) {
      const opened = openedMemory(memories, memoryId);
      if (!opened) {
        return page(404, notFoundPage(view, `No memory with id "${memoryId}"`));
      }
      const { memory, recalls } = opened;
      const rules = safeRules();
      return page(
        200,
        memoryPage(view, {
          memory,
          recalls,
          history: memoryHistory(memories, memory.id),
          chain: supersedeChain(memories, memory),
          rules: rules.rules.filter((r) =>
            (r.memory ?? []).some((id) => id.toUpperCase() === memory.id)
          ),
          shareRedacts: shareFindings(memories, memory.id),
          canShare: canShare(memories),
          flash: params.flash,
          error: params.error ?? rules.error,
        }),
      );
    }
    const deleteId = path.match(/^\/m\/([0-9A-Za-z]{26})\/delete$/)?.[1];
    if (deleteId) return page(200, deleteConfirmPage(view, requireMemory(memories, deleteId)));
    if (path === "/context") {
      const form = ContextQuery.parse(params);
      const files = list(form.file, /[\n,]/);
      const result = files.length || form.task
        ? previewContext(memories, { files, task: form.task, maxTokens: form.max_tokens })
        : undefined;
      return page(
        200,
        contextPage(view, { file: form.file, task: form.task, maxTokens: form.max_tokens }, result),
      );
    }
    if (path === "/review") {
      return page(200, reviewPage(view, reviewQueue(memories, safeRules().rules), params.flash));
    }
    if (path === "/overview") {
      return page(200, overviewPage(view, overview(memories), safeRules().rules));
    }
    if (path === "/rules") return rulesResponse(view);
    return page(404, notFoundPage(view, `No page at ${path}`));
  }

  async function post(request: Request, path: string, view: View, session: UiSession) {
    const form = await readForm(request);
    const token = request.headers.get("x-csrf-token") ?? form._csrf ?? "";
    if (token !== session.csrf) return plain(403, "Missing or wrong CSRF token: reload the page");
    if (path === "/rules/test") {
      const rule = safeRules().rules.find((r) => r.id === form.rule);
      if (!rule) return plain(400, `No active rule "${form.rule ?? ""}"`);
      const code = form.code ?? "";
      const file = (form.file ?? "").trim() || "src/example.ts";
      const { findings } = evaluate([rule], [{
        path: file,
        content: code,
        added: "all",
        size: new TextEncoder().encode(code).length,
        binary: false,
      }], redactorOf(memories));
      return rulesResponse(view, { ruleId: rule.id, file, code, findings });
    }
    if (path === "/review/candidate") {
      const type = MemoryType.safeParse(form.type);
      try {
        const memory = saveFromCandidate(memories, {
          type: type.success ? type.data : "learning",
          title: form.title ?? "",
          content: form.content ?? "",
          why: form.why?.trim() ? form.why : undefined,
          files: list(form.files ?? "", /\n/),
          sha: form.sha ?? "",
        });
        return redirect(`/m/${memory.id}${query({ flash: "Saved from the commit" })}`);
      } catch (caught) {
        if (isExpected(caught) && caught.exitCode === ExitCode.usage) {
          return redirect(`/review${query({ flash: caught.message })}`);
        }
        throw caught;
      }
    }
    const match = path.match(/^\/m\/([0-9A-Za-z]{26})\/(\w+)$/);
    if (!match) return plain(404, `No action at ${path}`);
    const [, id = "", action] = match;
    const back = form.back === "/review" ? "/review" : `/m/${id.toUpperCase()}`;
    const done = (message: string, to = back) => redirect(`${to}${query({ flash: message })}`);
    try {
      switch (action) {
        case "edit": {
          editMemory(memories, id, {
            ...(form.title !== undefined ? { title: form.title } : {}),
            ...(form.type !== undefined ? { type: form.type as MemoryType } : {}),
            ...(form.content !== undefined ? { content: form.content } : {}),
            ...(form.why !== undefined ? { why: form.why.trim() === "" ? null : form.why } : {}),
            ...(form.tags !== undefined ? { tags: list(form.tags, /,/) } : {}),
            ...(form.files !== undefined ? { files: list(form.files, /\n/) } : {}),
          });
          return done("Saved");
        }
        case "supersede": {
          const next = supersedeMemory(memories, id, {
            ...(form.title?.trim() ? { title: form.title } : {}),
            content: form.content ?? "",
            ...(form.why?.trim() ? { why: form.why } : {}),
          });
          return done(`Superseded ${id.toUpperCase()}`, `/m/${next.id}`);
        }
        case "archive":
          archiveMemory(memories, id);
          return done("Archived");
        case "delete":
          if (form.confirm !== "yes") return redirect(`/m/${id}/delete`);
          deleteMemory(memories, id);
          return done(`Deleted ${id.toUpperCase()}`, "/");
        case "share":
          return done(`Shared: ${shareMemory(memories, id).path}`);
        case "unshare":
          unshareMemory(memories, id);
          return done("Unshared; the memory is private now");
        case "confirm":
          confirmMemory(memories, id);
          return done("Confirmed");
        default:
          return plain(404, `No action "${action}"`);
      }
    } catch (caught) {
      // Bad input and a vanished id are the person's to fix: back to the page, saying why.
      if (
        isExpected(caught) &&
        (caught.exitCode === ExitCode.usage || caught.exitCode === ExitCode.notFound)
      ) {
        return redirect(`${back}${query({ error: caught.message })}`);
      }
      throw caught;
    }
  }

  function safeRules() {
    const now = performance.now();
    if (rulesCache && now - rulesCache.at < RULES_TTL_MS) return rulesCache.value;
    let value: { rules: LoadedRule[]; error: string | undefined };
    try {
      value = { rules: loadActiveRules(memories), error: undefined };
    } catch (caught) {
      value = { rules: [], error: messageOf(caught) };
    }
    rulesCache = { at: now, value };
    return value;
  }

  function rulesResponse(view: View, test?: RuleTest): Response {
    const { rules, error } = safeRules();
    const cited = new Map(
      rules.flatMap((r) => r.memory ?? []).map((id) => [id, readMemory(memories, id)] as const),
    );
    return page(
      200,
      rulesPage(view, rules, cited, { test, error, hits: ruleHitCounts(memories) }),
    );
  }
}
