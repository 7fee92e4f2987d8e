// Transport wrappers (the profile guard, the handover's replay) pass the wrapped transport's close
// and error events on to whoever connects to the wrapper.
// @ts-types="@modelcontextprotocol/sdk/shared/transport"
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";

/** Pass `inner`'s close and error events to `outer`, after the handlers `inner` already had. */
export function forwardEvents(inner: Transport, outer: Transport): void {
  const previousClose = inner.onclose;
  const previousError = inner.onerror;
  inner.onclose = () => {
    previousClose?.();
    outer.onclose?.();
  };
  inner.onerror = (error) => {
    previousError?.(error);
    outer.onerror?.(error);
  };
}
