// How the front of `korva mcp` (front.ts) hands a session to the SDK server: the rest of the
// input, the output, and the client's initialize, which the server must process as if it had
// received it (client capabilities, client name) without answering it a second time.
// @ts-types="@modelcontextprotocol/sdk/shared/transport"
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
// @ts-types="@modelcontextprotocol/sdk/types"
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { forwardEvents } from "./transport_events.ts";

/** What the front already handled and the SDK server must still process. */
export interface Replay {
  /** The client's initialize request, already answered by the front. */
  initialize?: JSONRPCMessage & { id: string | number };
  /** The client's notifications/initialized, received before the handover. */
  initialized?: JSONRPCMessage;
}

/** What the SDK server takes over. */
export interface Handover {
  /** The rest of the input, from the first frame the front did not answer on. */
  input: ReadableStream<Uint8Array>;
  /** The output, unlocked, after every answer of the front was written. */
  output: WritableStream<Uint8Array>;
  replay: Replay;
}

/**
 * Wrap the server's transport so that, when the server starts it, the server first processes
 * the replayed initialize (its answer is dropped: the client has it) and then the replayed
 * notifications/initialized, in that order, before anything from the input.
 */
export function replayOnStart(inner: Transport, replay: Replay): Transport {
  let dropAnswerTo: { id: string | number; answered: () => void } | undefined;
  const outer: Transport = {
    start: async () => {
      const { initialize, initialized } = replay;
      if (initialize) {
        // The initialized notification must wait for the answer: the server reads the client's
        // capabilities (roots) when it is notified, and sets them while answering.
        const answered = new Promise<void>((resolve) => {
          dropAnswerTo = { id: initialize.id, answered: resolve };
        });
        outer.onmessage?.(initialize);
        await answered;
      }
      if (initialized) outer.onmessage?.(initialized);
      await inner.start();
    },
    send: (message, options) => {
      if (dropAnswerTo && !("method" in message) && "id" in message) {
        if (message.id === dropAnswerTo.id) {
          dropAnswerTo.answered();
          dropAnswerTo = undefined;
          return Promise.resolve();
        }
      }
      return inner.send(message, options);
    },
    close: () => inner.close(),
  };
  forwardEvents(inner, outer);
  inner.onmessage = (message, extra) => outer.onmessage?.(message, extra);
  return outer;
}
