// A stand-in model server for the real-client checks: answers "ok" to OpenAI-compatible chat
// completions, Anthropic messages and Gemini generateContent (streamed or not) and OpenAI
// responses (streamed), and appends every request body to a log, so a check can see what the
// editor sent its model. Prints its port once listening. FAKE_MODEL_CALLS (a JSON list of
// {name, input}) are tool calls the model makes first, in order, each of a tool the request offers.
// Usage: deno run -A tests/e2e/fake_model.ts LOG_FILE
// deno-lint-ignore-file no-console
import { appendFileSync } from "node:fs";

const log = Deno.args[0]!;
const sse = (events: [string | undefined, unknown][], end = "") =>
  new Response(
    events.map(([name, data]) =>
      `${name ? `event: ${name}\n` : ""}data: ${JSON.stringify(data)}\n\n`
    )
      .join("") + end,
    { headers: { "content-type": "text/event-stream" } },
  );

/** OpenAI-compatible chat completions, streamed or not: the next tool call (see nextCall), else "ok". */
function chatCompletion(request: ChatRequest): Response {
  const base = { id: "chatcmpl-1", created: 1, model: request.model };
  const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
  const answered = (request.messages ?? []).filter((m) => m.role === "tool").length;
  const call = nextCall((request.tools ?? []).map((tool) => tool.function?.name ?? ""), answered);
  const toolCall = call && {
    id: `call_${answered + 1}`,
    type: "function",
    function: { name: call.name, arguments: JSON.stringify(call.input) },
  };
  const finish = call ? "tool_calls" : "stop";
  if (!request.stream) {
    const message = toolCall
      ? { role: "assistant", content: null, tool_calls: [toolCall] }
      : { role: "assistant", content: "ok" };
    return Response.json({
      ...base,
      object: "chat.completion",
      choices: [{ index: 0, message, finish_reason: finish }],
      usage,
    });
  }
  const chunk = (delta: unknown, finish: string | null) => ({
    ...base,
    object: "chat.completion.chunk",
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...(finish ? { usage } : {}),
  });
  const delta = toolCall
    ? { role: "assistant", tool_calls: [{ index: 0, ...toolCall }] }
    : { role: "assistant", content: "ok" };
  return sse([
    [undefined, chunk(delta, null)],
    [undefined, chunk({}, finish)],
  ], "data: [DONE]\n\n");
}

interface ChatRequest {
  model: string;
  stream?: boolean;
  tools?: { function?: { name: string } }[];
  messages?: { role: string }[];
}

interface AnthropicRequest {
  model: string;
  stream?: boolean;
  tools?: { name: string }[];
  messages?: { content: string | { type: string }[] }[];
}

/** Tool calls the stand-in model makes before it answers (FAKE_MODEL_CALLS). */
const CALLS: { name: string; input: Record<string, unknown> }[] = JSON.parse(
  Deno.env.get("FAKE_MODEL_CALLS") ?? "[]",
);

/** The call to make next: of the calls whose tool is offered, the one after those answered. */
function nextCall(offered: string[], answered: number) {
  return CALLS.filter((call) => offered.includes(call.name))[answered];
}

/** Anthropic's messages: the next tool call (see nextCall), else "ok". */
function anthropicMessage(request: AnthropicRequest): Response {
  const answered =
    (request.messages ?? []).flatMap((m) => Array.isArray(m.content) ? m.content : [])
      .filter((block) => block.type === "tool_result").length;
  const call = nextCall((request.tools ?? []).map((tool) => tool.name), answered);
  const block = call
    ? { type: "tool_use", id: `toolu_${answered + 1}`, name: call.name, input: call.input }
    : { type: "text", text: "ok" };
  const stop = call ? "tool_use" : "end_turn";
  const message = {
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: request.model,
    content: [block],
    stop_reason: stop,
    stop_sequence: null,
    usage: { input_tokens: 1, output_tokens: 1 },
  };
  if (!request.stream) return Response.json(message);
  const [start, delta] = call
    ? [{ ...block, input: {} }, {
      type: "input_json_delta",
      partial_json: JSON.stringify(call.input),
    }]
    : [{ type: "text", text: "" }, { type: "text_delta", text: "ok" }];
  return sse([
    ["message_start", {
      type: "message_start",
      message: { ...message, content: [], stop_reason: null },
    }],
    ["content_block_start", { type: "content_block_start", index: 0, content_block: start }],
    ["content_block_delta", { type: "content_block_delta", index: 0, delta }],
    ["content_block_stop", { type: "content_block_stop", index: 0 }],
    ["message_delta", {
      type: "message_delta",
      delta: { stop_reason: stop, stop_sequence: null },
      usage: { output_tokens: 1 },
    }],
    ["message_stop", { type: "message_stop" }],
  ]);
}

/** OpenAI's Responses API, streamed: what Codex asks a custom model provider for. */
function response(): Response {
  const usage = {
    input_tokens: 1,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 1,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 2,
  };
  const item = {
    type: "message",
    role: "assistant",
    id: "msg_1",
    content: [{ type: "output_text", text: "ok", annotations: [] }],
  };
  return sse([
    ["response.created", { type: "response.created", response: { id: "resp_1" } }],
    ["response.output_item.done", { type: "response.output_item.done", output_index: 0, item }],
    ["response.completed", { type: "response.completed", response: { id: "resp_1", usage } }],
  ]);
}

/**
 * Gemini's generateContent, streamed or not: the next tool call (see nextCall), else "ok". A
 * request for JSON (Gemini CLI's routing asks for a complexity score) gets its schema's properties
 * filled: "ok", 1 or false.
 */
function geminiContent(request: GeminiRequest, stream: boolean): Response {
  const schema = request.generationConfig?.responseJsonSchema;
  const fill = (type: string) => (/INT|NUM/i.test(type) ? 1 : /BOOL/i.test(type) ? false : "ok");
  const answered = (request.contents ?? []).flatMap((c) => c.parts ?? [])
    .filter((part) => "functionResponse" in part).length;
  const offered = (request.tools ?? []).flatMap((tool) => tool.functionDeclarations ?? [])
    .map((f) => f.name);
  const call = nextCall(offered, answered);
  const part = call ? { functionCall: { name: call.name, args: call.input } } : {
    text: schema
      ? JSON.stringify(
        Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([key, value]) => [key, fill(value.type)]),
        ),
      )
      : "ok",
  };
  const answer = {
    candidates: [{ index: 0, content: { role: "model", parts: [part] }, finishReason: "STOP" }],
    usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
  };
  return stream ? sse([[undefined, answer]]) : Response.json(answer);
}

interface GeminiRequest {
  contents?: { parts?: Record<string, unknown>[] }[];
  tools?: { functionDeclarations?: { name: string }[] }[];
  generationConfig?: { responseJsonSchema?: { properties?: Record<string, { type: string }> } };
}

Deno.serve({
  hostname: "127.0.0.1",
  port: 0,
  onListen: ({ port }) => console.log(port),
}, async (request) => {
  const path = new URL(request.url).pathname;
  const body = request.method === "POST" ? await request.text() : "";
  appendFileSync(log, JSON.stringify({ path, body }) + "\n");
  if (path.endsWith("/chat/completions")) return chatCompletion(JSON.parse(body));
  if (path.endsWith("/v1/messages")) return anthropicMessage(JSON.parse(body));
  if (path.endsWith("/responses")) return response();
  if (path.endsWith(":countTokens")) return Response.json({ totalTokens: 1 });
  if (path.endsWith(":streamGenerateContent")) return geminiContent(JSON.parse(body), true);
  if (path.endsWith(":generateContent")) return geminiContent(JSON.parse(body), false);
  return new Response("{}", { status: 404, headers: { "content-type": "application/json" } });
});
