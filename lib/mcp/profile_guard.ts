// Profile refusals at the transport: a tools/call for a tool the profile does not allow is
// answered with a sentence naming the profile that allows it, before the SDK sees it. Built on
// the public Transport interface only.
// @ts-types="@modelcontextprotocol/sdk/shared/transport"
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
// @ts-types="@modelcontextprotocol/sdk/types"
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { allows, type Profile, TOOL_PROFILES, type ToolName } from "./profiles.ts";
import { forwardEvents } from "./transport_events.ts";

/** The refusal for a message, or undefined when it may pass. */
export function refusalFor(message: JSONRPCMessage, profile: Profile): JSONRPCMessage | undefined {
  if (!("method" in message) || message.method !== "tools/call" || !("id" in message)) return;
  const name = (message.params as { name?: unknown } | undefined)?.name;
  if (typeof name !== "string") return;
  if (!Object.hasOwn(TOOL_PROFILES, name)) {
    // Answered here: the SDK looks names up in a plain object, where "constructor" is found.
    return {
      jsonrpc: "2.0",
      id: message.id,
      error: { code: -32602, message: `Unknown tool "${name}": call tools/list for the tools` },
    };
  }
  if (allows(profile, name as ToolName)) return;
  const needed = TOOL_PROFILES[name as ToolName];
  return {
    jsonrpc: "2.0",
    id: message.id,
    result: {
      isError: true,
      content: [{
        type: "text",
        text: `Tool "${name}" is not available: this korva server runs the ${profile} profile ` +
          `and ${name} needs the ${needed} profile. Ask the user to enable it in the editor's ` +
          `MCP settings if it is needed; do not retry.`,
      }],
    },
  };
}

/** Wrap a transport so that calls outside the profile are refused at the door. */
export function guardTransport(inner: Transport, profile: Profile): Transport {
  const outer: Transport = {
    start: () => inner.start(),
    send: (message, options) => inner.send(message, options),
    close: () => inner.close(),
  };
  forwardEvents(inner, outer);
  inner.onmessage = (message, extra) => {
    const refusal = refusalFor(message, profile);
    if (refusal) {
      void inner.send(refusal);
      return;
    }
    outer.onmessage?.(message, extra);
  };
  return outer;
}
