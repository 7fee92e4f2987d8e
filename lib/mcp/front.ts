// The front of `korva mcp` (issue 19): it answers what every client sends first (initialize,
// notifications/initialized, ping, tools/list) from precomputed answers, without the MCP SDK or
// zod, while the SDK server loads, and then hands the session to the SDK server (handover.ts).
// Any other frame, and any frame the SDK might answer differently (an error, a field the front
// does not check), waits for the SDK server, which answers everything after the handover.
import INITIALIZE from "./initialize.json" with { type: "json" };
import TOOLS_LIST from "./tools_list.json" with { type: "json" };
import type { Handover, Replay } from "./handover.ts";
import type { Profile } from "./profiles.ts";
import { INSTRUCTIONS, serverInfo } from "./server_info.ts";

/** What the front needs: the profile's answers, and how to load the SDK server. */
export interface FrontOptions {
  profile: Profile;
  version: string;
  /** Load the SDK server; resolves to the function that serves the session from a handover. */
  loadServer: () => Promise<(handover: Handover) => Promise<void>>;
}

/** How long after answering initialize the SDK server starts loading if no tools/list came. */
const IDLE_MS = 100;
/** Frames the front reads at most; a longer one goes to the SDK transport and its own limit. */
const MAX_FRONT_FRAME = 64 * 1024;
const NEWLINE = 10;
const LOADED = Symbol("loaded");

/**
 * Serve a session over newline-delimited JSON-RPC: answer the first requests here, load the SDK
 * server once tools/list is answered (or on the first frame the front leaves to it, at the end
 * of input, or shortly after initialize), then hand over and wait for the session to end.
 */
export async function serveFront(
  input: ReadableStream<Uint8Array>,
  output: WritableStream<Uint8Array>,
  options: FrontOptions,
): Promise<void> {
  const answers = new FrontAnswers(options.profile, options.version);
  const reader = input.getReader();
  const writer = output.getWriter();
  const loaded = Promise.withResolvers<(handover: Handover) => Promise<void>>();
  // Awaited below; this only keeps a failure that comes before then from counting as unhandled.
  loaded.promise.catch(() => {});
  let loading = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const load = () => {
    clearTimeout(idle);
    if (loading) return;
    loading = true;
    options.loadServer().then(loaded.resolve, loaded.reject);
  };
  let buffer: Uint8Array = new Uint8Array(0);
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  let ended = false;
  let writing = Promise.resolve();
  let serve: (handover: Handover) => Promise<void>;
  try {
    for (;;) {
      const newline = buffer.indexOf(NEWLINE);
      if (newline >= 0) {
        const step = answers.answer(new TextDecoder().decode(buffer.subarray(0, newline)));
        if (step === undefined) break;
        buffer = buffer.subarray(newline + 1);
        // Written in order without waiting, so a client that writes before it reads is still read
        // (as the SDK transport does); a failed write is reported to nobody, as there.
        const reply = step.reply;
        if (reply) {
          writing = writing.then(() => writer.write(new TextEncoder().encode(reply))).catch(
            () => {},
          );
        }
        if (step.answered === "initialize") idle = setTimeout(load, IDLE_MS);
        if (step.answered === "tools/list") load();
        continue;
      }
      if (ended || buffer.length > MAX_FRONT_FRAME) break;
      // A read that fails ends the input, as the SDK transport's read loop does.
      pending ??= reader.read().catch((): ReadableStreamReadResult<Uint8Array> => ({ done: true }));
      const next = await Promise.race([pending, loaded.promise.then((): typeof LOADED => LOADED)]);
      if (next === LOADED) break;
      pending = undefined;
      if (next.done) ended = true;
      else buffer = concat(buffer, next.value);
    }
    load();
    serve = await loaded.promise;
  } finally {
    // The answers already given reach the client, also when the server cannot start.
    await writing;
  }
  writer.releaseLock();
  await serve({
    input: restOf(reader, { head: buffer, pending, ended }),
    output,
    replay: answers.replay,
  });
}

/** What answering one frame did. */
interface Step {
  /** The line to write (with its newline), if any. */
  reply?: string;
  answered?: "initialize" | "tools/list";
}

/** The answers the front gives, and what the SDK server must replay at the handover. */
export class FrontAnswers {
  readonly replay: Replay = {};
  readonly #profile: Profile;
  readonly #version: string;

  constructor(profile: Profile, version: string) {
    this.#profile = profile;
    this.#version = version;
  }

  /** The step for one frame (without its newline), or undefined to leave it to the SDK. */
  answer(frame: string): Step | undefined {
    const text = frame.replace(/\r$/, "");
    if (text.trim() === "") return {};
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!isMessage(message)) return undefined;
    const { id, method, params } = message;
    if (id === undefined) {
      if (method !== "notifications/initialized") return undefined;
      if (!this.replay.initialize || this.replay.initialized) return undefined;
      this.replay.initialized = message as NonNullable<Replay["initialized"]>;
      return {};
    }
    if (!this.replay.initialize) {
      if (method !== "initialize" || !isInitializeParams(params)) return undefined;
      this.replay.initialize = message as NonNullable<Replay["initialize"]>;
      return {
        reply: respond(id, this.#initializeResult(params.protocolVersion)),
        answered: method,
      };
    }
    if (method === "ping") return { reply: respond(id, {}) };
    if (method === "tools/list" && optional(params?.cursor, isString)) {
      return { reply: respond(id, { tools: TOOLS_LIST[this.#profile] }), answered: method };
    }
    return undefined;
  }

  /** What the SDK's Server answers (its _oninitialize), from lib/mcp/initialize.json. */
  #initializeResult(requested: string) {
    return {
      protocolVersion: INITIALIZE.supportedProtocolVersions.includes(requested)
        ? requested
        : INITIALIZE.latestProtocolVersion,
      capabilities: INITIALIZE.capabilities[this.#profile],
      serverInfo: serverInfo(this.#version),
      instructions: INSTRUCTIONS,
    };
  }
}

/** A response as the SDK writes it (same member order, so the same bytes). */
function respond(id: string | number, result: unknown): string {
  return JSON.stringify({ result, jsonrpc: "2.0", id }) + "\n";
}

type Json = Record<string, unknown>;
type Message = { id?: string | number; method: string; params?: Json };

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
const optional = (value: unknown, check: (value: unknown) => boolean): boolean =>
  value === undefined || check(value);
const allOf = (value: unknown, check: (value: unknown) => boolean): boolean =>
  isObject(value) && Object.values(value).every(check);

/**
 * A JSON-RPC request or notification the SDK transport passes on unchanged (its schemas are
 * strict about top-level members; ids are strings or integers), with plain `_meta`.
 */
function isMessage(value: unknown): value is Message {
  if (!isObject(value) || value.jsonrpc !== "2.0" || !isString(value.method)) return false;
  if (!Object.keys(value).every((key) => ["jsonrpc", "id", "method", "params"].includes(key))) {
    return false;
  }
  if (!optional(value.id, (id) => isString(id) || Number.isSafeInteger(id))) return false;
  return optional(value.params, (params) =>
    isObject(params) &&
    optional(params._meta, (meta) =>
      isObject(meta) &&
      !Object.hasOwn(meta, "io.modelcontextprotocol/related-task") &&
      optional(meta.progressToken, (token) => isString(token) || Number.isSafeInteger(token))));
}

/** initialize params the SDK accepts: the front answers only those it checked field by field. */
function isInitializeParams(params: unknown): params is { protocolVersion: string } {
  return isObject(params) && isString(params.protocolVersion) &&
    isClientInfo(params.clientInfo) && isClientCapabilities(params.capabilities);
}

function isClientInfo(info: unknown): boolean {
  return isObject(info) && isString(info.name) && isString(info.version) &&
    optional(info.title, isString) && optional(info.websiteUrl, isString) &&
    optional(info.description, isString) &&
    optional(
      info.icons,
      (icons) =>
        Array.isArray(icons) &&
        icons.every((icon) =>
          isObject(icon) && isString(icon.src) && optional(icon.mimeType, isString) &&
          optional(icon.sizes, (sizes) => Array.isArray(sizes) && sizes.every(isString)) &&
          optional(icon.theme, (theme) => theme === "light" || theme === "dark")
        ),
    );
}

function isClientCapabilities(capabilities: unknown): boolean {
  if (!isObject(capabilities)) return false;
  const { experimental, extensions, sampling, elicitation, roots, tasks } = capabilities;
  return optional(experimental, (value) => allOf(value, isObject)) &&
    optional(extensions, (value) => allOf(value, isObject)) &&
    optional(
      sampling,
      (value) =>
        isObject(value) && optional(value.context, isObject) && optional(value.tools, isObject),
    ) &&
    optional(elicitation, (value) =>
      isObject(value) && optional(value.url, isObject) &&
      optional(value.form, (form) => isObject(form) && optional(form.applyDefaults, isBoolean))) &&
    optional(roots, (value) => isObject(value) && optional(value.listChanged, isBoolean)) &&
    optional(
      tasks,
      (value) =>
        isObject(value) && optional(value.list, isObject) && optional(value.cancel, isObject) &&
        optional(value.requests, (requests) =>
          isObject(requests) &&
          optional(requests.sampling, (s) => isObject(s) && optional(s.createMessage, isObject)) &&
          optional(requests.elicitation, (e) => isObject(e) && optional(e.create, isObject))),
    );
}

/** The input after the front: its unread bytes, then the read in flight, then the rest. */
function restOf(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  state: {
    head: Uint8Array;
    pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
    ended: boolean;
  },
): ReadableStream<Uint8Array> {
  let head: Uint8Array | undefined = state.head.length > 0 ? state.head : undefined;
  let pending = state.pending;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (head) {
        controller.enqueue(head);
        head = undefined;
        return;
      }
      if (state.ended) return controller.close();
      const next = await (pending ?? reader.read());
      pending = undefined;
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
