// The local vault service's HTTP API: loopback only, bearer token, Host check against DNS
// rebinding, no cross-origin writes, size-limited bodies validated with the vault's schemas.
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { buildContext } from "../discovery/context.ts";
import { KorvaError, messageOf } from "../errors.ts";
import { repoRoot } from "../git.ts";
import { type Memory, MemoryPatch, MemoryType, NewMemory, type Vault } from "../vault/mod.ts";
import { describeIssue } from "../vault/mod.ts";
import { redactMemory, toJsonlLine } from "../vault/export.ts";
import type { Redactor } from "../privacy/redact.ts";
import type { UiSessions } from "./ui/session.ts";

/** Largest request body accepted. */
export const MAX_BODY_BYTES = 256 * 1024;

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** What the handler needs. */
export interface ApiContext {
  deps: Deps;
  vault: Vault;
  token: string;
  redactor: Redactor;
  project: string;
  startedAt: Date;
  /** Dashboard sign-in; `POST /api/ui/login` hands out one-time login paths when present. */
  sessions?: UiSessions;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

const error = (status: number, message: string) => json(status, { error: message });

/** Whether a Host or Origin names this machine's loopback. */
export function isLocal(hostHeader: string | null): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.replace(/^https?:\/\//, "").replace(/:\d+$/, "").replace(/\/.*$/, "")
    .toLowerCase();
  return LOCAL_HOSTS.has(host);
}

function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

async function readBody(request: Request): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) {
    throw new HttpError(413, `Request body over ${MAX_BODY_BYTES} bytes`);
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > MAX_BODY_BYTES) {
    throw new HttpError(413, `Request body over ${MAX_BODY_BYTES} bytes`);
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new HttpError(400, "Request body is not valid JSON");
  }
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, describeIssue(result.error));
  return result.data;
}

const SearchQuery = z.object({
  q: z.string().min(1, "q is required").max(500),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  type: MemoryType.optional(),
  project: z.string().max(200).optional(),
  tag: z.string().max(64).optional(),
  file: z.string().max(512).optional(),
});

const ContextQuery = z.object({
  file: z.array(z.string().max(512)).max(20),
  task: z.string().max(2000).optional(),
  project: z.string().max(200).optional(),
  max_tokens: z.coerce.number().int().min(100).max(20_000).optional(),
});

/** Build the request handler. */
export function createApiHandler(ctx: ApiContext): (request: Request) => Promise<Response> {
  const out = (m: Memory) => redactMemory(m, ctx.redactor);
  return async (request) => {
    try {
      if (!isLocal(request.headers.get("host"))) {
        return error(421, "Host header must be localhost (DNS-rebinding protection)");
      }
      const url = new URL(request.url);
      const path = url.pathname.replace(/\/+$/, "") || "/";
      if (request.method === "GET" && path === "/health") {
        return json(200, { ok: true, version: ctx.deps.version, pid: Deno.pid });
      }
      const origin = request.headers.get("origin");
      if (origin && !isLocal(origin)) {
        return error(403, "Cross-origin requests are refused");
      }
      const auth = request.headers.get("authorization") ?? "";
      const token = auth.match(/^Bearer\s+(\S+)$/i)?.[1] ?? "";
      if (!sameToken(token, ctx.token)) {
        return error(401, "Missing or wrong bearer token (see $KORVA_HOME/token)");
      }
      if (request.method === "POST" && path === "/api/ui/login" && ctx.sessions) {
        return json(201, { path: `/login?code=${ctx.sessions.issueLoginCode()}` });
      }
      const memoryId = path.match(/^\/api\/memories\/([0-9A-Za-z]{10,40})$/)?.[1];
      if (request.method === "GET" && path === "/api/stats") {
        const { path: _p, ...stats } = ctx.vault.stats();
        return json(200, stats);
      }
      if (request.method === "GET" && path === "/api/search") {
        const query = parse(SearchQuery, Object.fromEntries(url.searchParams));
        const hits = ctx.vault.search(query.q, {
          limit: query.limit ?? 10,
          type: query.type,
          project: query.project,
          tag: query.tag,
          file: query.file,
        });
        return json(200, {
          results: hits.map((h) => ({
            ...out(h.memory),
            score: h.score,
            snippet: ctx.redactor.redact(h.snippet).text,
          })),
        });
      }
      if (request.method === "GET" && memoryId) {
        const memory = ctx.vault.get(memoryId);
        return memory ? json(200, out(memory)) : error(404, `No memory with id "${memoryId}"`);
      }
      if (request.method === "PATCH" && memoryId) {
        const patch = parse(MemoryPatch, await readBody(request));
        return json(200, out(ctx.vault.update(memoryId, patch)));
      }
      if (request.method === "POST" && path === "/api/memories") {
        const input = parse(NewMemory, await readBody(request));
        const result = ctx.vault.save({ project: ctx.project, ...input, source: "http" });
        return json(result.duplicate ? 200 : 201, {
          id: result.memory.id,
          duplicate: result.duplicate,
          redacted: result.redacted,
        });
      }
      if (request.method === "GET" && path === "/api/context") {
        const query = parse(ContextQuery, {
          file: url.searchParams.getAll("file"),
          task: url.searchParams.get("task") ?? undefined,
          project: url.searchParams.get("project") ?? undefined,
          max_tokens: url.searchParams.get("max_tokens") ?? undefined,
        });
        const root = repoRoot(ctx.deps.cwd);
        const result = buildContext(ctx.vault, {
          project: query.project ?? ctx.project,
          files: query.file,
          ...(query.task ? { task: query.task } : {}),
          ...(query.max_tokens ? { maxTokens: query.max_tokens } : {}),
          ...(root ? { repoRoot: root } : {}),
          now: ctx.deps.now(),
        });
        return json(200, {
          memories: result.memories,
          text: ctx.redactor.redact(result.text).text,
        });
      }
      if (request.method === "GET" && path === "/api/export") {
        const lines = [...ctx.vault.iterate({ status: "all" })].map((m) => toJsonlLine(out(m)))
          .join("");
        return new Response(lines, { headers: { "content-type": "application/x-ndjson" } });
      }
      return error(404, `No route for ${request.method} ${path}`);
    } catch (caught) {
      if (caught instanceof HttpError) return error(caught.status, caught.message);
      if (caught instanceof KorvaError) {
        return error(caught.exitCode === 2 ? 400 : 500, caught.message);
      }
      return error(500, `Internal error: ${messageOf(caught)}`);
    }
  };
}
