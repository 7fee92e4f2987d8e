// The local vault service's HTTP API: loopback only, bearer token, Host check against DNS
// rebinding, no cross-origin writes, size-limited bodies validated with the vault's schemas.
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { ExitCode, type ExpectedError, isExpected, messageOf } from "../errors.ts";
import {
  confirmMemory,
  exportMemories,
  forgetMemory,
  type Memories,
  memoryContext,
  recordRecalls,
  saveMemory,
  shareMemory,
  supersedeMemory,
  unshareMemory,
  updateMemory,
} from "../memory/mod.ts";
import { type Memory, MemoryPatch, MemoryType, NewMemory } from "../vault/mod.ts";
import { describeIssue } from "../vault/mod.ts";
import { redactMemory, toJsonlLine } from "../vault/export.ts";
import type { UiSessions } from "./ui/session.ts";

/** Largest request body accepted. */
export const MAX_BODY_BYTES = 256 * 1024;
/** How long a client may take to send a request body. */
export const BODY_TIMEOUT_MS = 10_000;

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** What the handler needs. */
export interface ApiContext {
  deps: Deps;
  /** The memory layer over the service's vault, written as client "http". */
  memories: Memories;
  token: string;
  startedAt: Date;
  /** Aborted when the service stops: body reads still waiting end at once. */
  stopping?: AbortSignal;
  /** Override BODY_TIMEOUT_MS (tests). */
  bodyTimeoutMs?: number;
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

/**
 * Read a JSON body, stopping at MAX_BODY_BYTES (a chunked body is never buffered past it) and
 * at the body timeout, so a slow or endless client cannot hold the request open.
 */
async function readBody(request: Request, ctx: ApiContext): Promise<unknown> {
  const tooLarge = () => new HttpError(413, `Request body over ${MAX_BODY_BYTES} bytes`);
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    let failure: HttpError | undefined;
    const stop = (error: HttpError) => {
      failure ??= error;
      void reader.cancel().catch(() => {});
    };
    const timer = setTimeout(
      () => stop(new HttpError(408, "Request body not received in time")),
      ctx.bodyTimeoutMs ?? BODY_TIMEOUT_MS,
    );
    const onStopping = () => stop(new HttpError(503, "The vault service is stopping"));
    ctx.stopping?.addEventListener("abort", onStopping);
    try {
      while (failure === undefined) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > MAX_BODY_BYTES) stop(tooLarge());
        else chunks.push(value);
      }
    } catch (error) {
      failure ??= new HttpError(400, `Cannot read the request body: ${messageOf(error)}`);
    } finally {
      clearTimeout(timer);
      ctx.stopping?.removeEventListener("abort", onStopping);
    }
    if (failure) throw failure;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
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

/**
 * A memory body checked against its schema but passed on as the client sent it (only the keys
 * the schema knows): the memory layer redacts before anything is normalised, so a secret in a
 * tag is caught before tags are lower-cased.
 */
function parseRaw<S extends z.ZodObject>(schema: S, value: unknown): z.input<S> {
  parse(schema, value);
  const body = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(schema.shape).filter((key) => body[key] !== undefined).map((key) => [
      key,
      body[key],
    ]),
  ) as z.input<S>;
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

/** What a client may send to save: the memory, not its bookkeeping (source, session, author). */
const HttpNewMemory = NewMemory.omit({ source: true, session_id: true, author: true });

/** What a client may change: fields of the memory; bookkeeping is the service's. */
const HttpPatch = MemoryPatch.omit({ shared_by: true, flags: true });

/** A replacement: the new content, and any field that differs from the old memory. */
const HttpSupersede = HttpNewMemory.omit({ project: true }).partial().required({ content: true });

/** The HTTP status of a KorvaError: 404 not found, 400 bad input, 503 busy, else 500. */
function httpStatus(error: ExpectedError): number {
  if (error.exitCode === ExitCode.notFound) return 404;
  if (error.exitCode === ExitCode.usage) return 400;
  if (/write lock/.test(error.message)) return 503;
  return 500;
}

/** Build the request handler. */
export function createApiHandler(ctx: ApiContext): (request: Request) => Promise<Response> {
  const redactor = ctx.memories.ctx.redactor();
  const vault = ctx.memories.vault;
  const out = (m: Memory) => redactMemory(m, redactor);
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
        const { path: _p, ...stats } = vault.stats();
        return json(200, stats);
      }
      if (request.method === "GET" && path === "/api/search") {
        const query = parse(SearchQuery, Object.fromEntries(url.searchParams));
        const hits = vault.search(query.q, {
          limit: query.limit ?? 10,
          type: query.type,
          project: query.project,
          tag: query.tag,
          file: query.file,
        });
        recordRecalls(ctx.memories, hits.map((h) => h.memory.id));
        return json(200, {
          results: hits.map((h) => ({
            ...out(h.memory),
            score: h.score,
            snippet: redactor.redact(h.snippet).text,
          })),
        });
      }
      if (request.method === "GET" && memoryId) {
        const memory = vault.require(memoryId);
        recordRecalls(ctx.memories, [memory.id]);
        return json(200, out(memory));
      }
      if (request.method === "PATCH" && memoryId) {
        const patch = parseRaw(HttpPatch, await readBody(request, ctx));
        return json(200, out(updateMemory(ctx.memories, memoryId, patch).memory));
      }
      if (request.method === "DELETE" && memoryId) {
        const hard = url.searchParams.get("hard") === "true";
        const { memory } = forgetMemory(ctx.memories, memoryId, { hard });
        return json(200, { id: memory.id, action: hard ? "deleted" : "archived" });
      }
      const action = path.match(/^\/api\/memories\/([0-9A-Za-z]{10,40})\/([a-z]+)$/);
      if (request.method === "POST" && action) {
        const [, id = "", verb] = action;
        if (verb === "supersede") {
          const fields = parseRaw(HttpSupersede, await readBody(request, ctx));
          const result = supersedeMemory(ctx.memories, id, fields);
          return json(201, {
            old_id: result.old.id,
            id: result.next.memory.id,
            redacted: result.next.redacted,
          });
        }
        if (verb === "confirm") return json(200, out(confirmMemory(ctx.memories, id).memory));
        if (verb === "share") return json(200, out(shareMemory(ctx.memories, id).memory));
        if (verb === "unshare") return json(200, out(unshareMemory(ctx.memories, id).memory));
      }
      if (request.method === "POST" && path === "/api/memories") {
        const input = parseRaw(HttpNewMemory, await readBody(request, ctx));
        const result = saveMemory(ctx.memories, input, { similar: true });
        return json(result.duplicate ? 200 : 201, {
          id: result.memory.id,
          duplicate: result.duplicate,
          redacted: result.redacted,
          similar: result.similar.map((s) => ({ ...s, title: redactor.redact(s.title).text })),
        });
      }
      if (request.method === "GET" && path === "/api/context") {
        const query = parse(ContextQuery, {
          file: url.searchParams.getAll("file"),
          task: url.searchParams.get("task") ?? undefined,
          project: url.searchParams.get("project") ?? undefined,
          max_tokens: url.searchParams.get("max_tokens") ?? undefined,
        });
        const result = memoryContext(ctx.memories, {
          project: query.project,
          files: query.file,
          task: query.task,
          maxTokens: query.max_tokens,
          refresh: true,
        });
        return json(200, {
          memories: result.memories,
          text: redactor.redact(result.text).text,
        });
      }
      if (request.method === "GET" && path === "/api/export") {
        const lines = [...exportMemories(ctx.memories, { status: "all" })].map(toJsonlLine)
          .join("");
        return new Response(lines, { headers: { "content-type": "application/x-ndjson" } });
      }
      return error(404, `No route for ${request.method} ${path}`);
    } catch (caught) {
      if (caught instanceof HttpError) return error(caught.status, caught.message);
      if (isExpected(caught)) return error(httpStatus(caught), caught.message);
      return error(500, `Internal error: ${messageOf(caught)}`);
    }
  };
}
