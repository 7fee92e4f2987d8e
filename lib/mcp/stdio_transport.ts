// The MCP stdio transport korva serves on: newline-delimited JSON-RPC like the SDK's, plus a
// frame limit enforced while reading (an oversize request gets a JSON-RPC error instead of
// ending the server) and an error reply to every invalid request that carries an id.
// @ts-types="@modelcontextprotocol/sdk/shared/transport"
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
// @ts-types="@modelcontextprotocol/sdk/types"
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  InitializeRequestSchema,
  type JSONRPCMessage,
  JSONRPCMessageSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  PingRequestSchema,
  ReadResourceRequestSchema,
  SetLevelRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";

/** The largest request frame accepted (the SDK's own stdio buffer limit). */
export const MAX_FRAME_BYTES = 10 * 1024 * 1024;

/** What the transport reports about frames it refused. */
export interface FrameRefusal {
  reason: string;
  bytes: number;
  id: string | number | undefined;
}

/** Options for the transport. */
export interface LimitedStdioOptions {
  maxFrameBytes?: number;
  /** Called for every refused frame (korva logs it). */
  onRefused?: (refusal: FrameRefusal) => void;
}

/** Requests whose params are checked here, so a bad one gets -32602 naming the field. */
const REQUEST_SCHEMAS = new Map<string, { safeParse(value: unknown): SafeParse }>([
  ["initialize", InitializeRequestSchema],
  ["ping", PingRequestSchema],
  ["tools/list", ListToolsRequestSchema],
  ["tools/call", CallToolRequestSchema],
  ["resources/list", ListResourcesRequestSchema],
  ["resources/templates/list", ListResourceTemplatesRequestSchema],
  ["resources/read", ReadResourceRequestSchema],
  ["prompts/list", ListPromptsRequestSchema],
  ["prompts/get", GetPromptRequestSchema],
  ["completion/complete", CompleteRequestSchema],
  ["logging/setLevel", SetLevelRequestSchema],
]);
type SafeParse =
  | { success: true }
  | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };

/** How much of an oversize frame's start and end is kept to find its id. */
const EDGE_BYTES = 1024;
const NEWLINE = 10;

/** Newline-delimited JSON-RPC over a byte stream pair, with a frame size limit. */
export class LimitedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  readonly #input: ReadableStream<Uint8Array>;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #max: number;
  readonly #onRefused: ((refusal: FrameRefusal) => void) | undefined;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #pieces: Uint8Array[] = [];
  #size = 0;
  /** Set while skipping the rest of an oversize frame: its first and latest bytes. */
  #oversize: { head: Uint8Array; tail: Uint8Array } | undefined;
  #closed = false;

  constructor(
    input: ReadableStream<Uint8Array>,
    output: WritableStream<Uint8Array>,
    options: LimitedStdioOptions = {},
  ) {
    this.#input = input;
    this.#writer = output.getWriter();
    this.#max = options.maxFrameBytes ?? MAX_FRAME_BYTES;
    this.#onRefused = options.onRefused;
  }

  start(): Promise<void> {
    this.#reader = this.#input.getReader();
    void this.#readLoop();
    return Promise.resolve();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) return;
    await this.#writer.write(new TextEncoder().encode(JSON.stringify(message) + "\n"));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#reader?.cancel().catch(() => {});
    this.#pieces = [];
    this.onclose?.();
  }

  async #readLoop(): Promise<void> {
    const reader = this.#reader;
    if (!reader) return;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || this.#closed) break;
        this.#push(value);
      }
    } catch (error) {
      if (!this.#closed) this.onerror?.(error instanceof Error ? error : new Error(String(error)));
    }
    await this.close();
  }

  /** Split a chunk at newlines; each byte is looked at once, so big frames cost linear time. */
  #push(chunk: Uint8Array): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      this.#append(chunk.subarray(start, newline === -1 ? chunk.length : newline));
      if (newline === -1) return;
      this.#endFrame();
      start = newline + 1;
    }
  }

  #append(piece: Uint8Array): void {
    if (piece.length === 0) return;
    this.#size += piece.length;
    if (this.#oversize) {
      this.#oversize.tail = lastBytes(this.#oversize.tail, piece);
      return;
    }
    if (this.#size > this.#max) {
      // Stop buffering: keep only the edges, where a client puts the request id.
      const sofar = concat([...this.#pieces, piece]);
      this.#oversize = {
        head: sofar.slice(0, EDGE_BYTES),
        tail: sofar.slice(Math.max(0, sofar.length - EDGE_BYTES)),
      };
      this.#pieces = [];
      return;
    }
    this.#pieces.push(piece.slice());
  }

  #endFrame(): void {
    const size = this.#size;
    const oversize = this.#oversize;
    const bytes = oversize ? undefined : concat(this.#pieces);
    this.#pieces = [];
    this.#size = 0;
    this.#oversize = undefined;
    if (oversize) {
      const decoder = new TextDecoder();
      this.#refuse(
        idIn(decoder.decode(oversize.head), decoder.decode(oversize.tail)),
        ErrorCode.InvalidRequest,
        `Request too large: ${formatMiB(size)} is over korva's ${
          formatMiB(this.#max)
        } limit per message; send it in smaller parts (vault_import: fewer records per call)`,
        size,
      );
      return;
    }
    const text = new TextDecoder().decode(bytes).replace(/\r$/, "");
    if (text.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.#refuse(
        idIn(text.slice(0, EDGE_BYTES), text.slice(-EDGE_BYTES)),
        ErrorCode.ParseError,
        `Parse error: ${(error as Error).message}`,
        size,
      );
      return;
    }
    const problem = invalidRequest(value);
    if (problem) {
      this.#refuse(idOf(value), ErrorCode.InvalidRequest, `Invalid Request: ${problem}`, size);
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (!parsed.success) {
      this.#refuse(
        idOf(value),
        ErrorCode.InvalidRequest,
        "Invalid Request: not a JSON-RPC 2.0 request, notification or response",
        size,
      );
      return;
    }
    const method = (value as { method?: string }).method;
    const schema = method === undefined || idOf(value) === undefined
      ? undefined
      : REQUEST_SCHEMAS.get(method);
    const checked = schema?.safeParse(value);
    if (checked && !checked.success) {
      const issues = checked.error.issues.map((issue) =>
        `"${issue.path.map(String).join(".")}": ${issue.message}`
      ).join("; ");
      this.#refuse(
        idOf(value),
        ErrorCode.InvalidParams,
        `Invalid params for ${method}: ${issues}`,
        size,
      );
      return;
    }
    this.onmessage?.(parsed.data);
  }

  #refuse(id: string | number | undefined, code: number, message: string, bytes: number): void {
    this.#onRefused?.({ reason: message, bytes, id });
    // Without an id there is nobody to answer (a notification, or an unreadable frame).
    if (id === undefined) return;
    void this.send({ jsonrpc: "2.0", id, error: { code, message } }).catch((error) =>
      this.onerror?.(error instanceof Error ? error : new Error(String(error)))
    );
  }
}

/** Why a parsed frame is not a JSON-RPC 2.0 message, in words, or undefined when it is. */
function invalidRequest(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "a message must be a JSON object (batches are not supported)";
  }
  const message = value as Record<string, unknown>;
  if (message.jsonrpc !== "2.0") return '"jsonrpc" must be "2.0"';
  if (Object.hasOwn(message, "method") && typeof message.method !== "string") {
    return '"method" must be a string';
  }
  if (Object.hasOwn(message, "id") && idOf(value) === undefined) {
    return '"id" must be a string or a number';
  }
  return undefined;
}

function idOf(value: unknown): string | number | undefined {
  if (typeof value !== "object" || value === null || !Object.hasOwn(value, "id")) return undefined;
  const id = (value as { id: unknown }).id;
  return typeof id === "string" || (typeof id === "number" && Number.isFinite(id)) ? id : undefined;
}

const ID = String.raw`(-?\d+|"(?:[^"\\]|\\.){0,200}")`;
/** `{"jsonrpc":"2.0","id":1,…`: the id among the first members. */
const HEAD_ID = new RegExp(
  String.raw`^\s*\{\s*(?:"(?:jsonrpc|method)"\s*:\s*"[^"]*"\s*,\s*)*"id"\s*:\s*` + ID,
);
/** `…,"jsonrpc":"2.0","id":1}` (the SDK's order): the id among the last members. */
const TAIL_ID = new RegExp(
  String.raw`"id"\s*:\s*` + ID +
    String.raw`\s*(?:,\s*"(?:jsonrpc|method)"\s*:\s*"[^"]*"\s*)*\}\s*$`,
);

/** The top-level id of a frame too big or too broken to parse, from its first and last bytes. */
function idIn(head: string, tail: string): string | number | undefined {
  const found = head.match(HEAD_ID)?.[1] ?? tail.match(TAIL_ID)?.[1];
  if (found === undefined) return undefined;
  try {
    return JSON.parse(found) as string | number;
  } catch {
    return undefined;
  }
}

function concat(pieces: Uint8Array[]): Uint8Array {
  if (pieces.length === 1 && pieces[0]) return pieces[0];
  const total = pieces.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

function lastBytes(previous: Uint8Array, piece: Uint8Array): Uint8Array {
  if (piece.length >= EDGE_BYTES) return piece.slice(piece.length - EDGE_BYTES);
  const keep = previous.subarray(Math.max(0, previous.length - (EDGE_BYTES - piece.length)));
  return concat([keep, piece]).slice();
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
