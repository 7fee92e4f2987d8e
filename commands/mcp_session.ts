// The SDK half of `korva mcp`: loaded while lib/mcp/front.ts answers the client's first
// requests, it takes the session over (lib/mcp/handover.ts) and serves it until the client
// leaves. Everything but initialize, ping and an early tools/list is answered here.
import type { Deps } from "../lib/deps.ts";
import { type Handover, replayOnStart } from "../lib/mcp/handover.ts";
import type { Profile } from "../lib/mcp/profiles.ts";
import { createServer } from "../lib/mcp/server.ts";
import { LimitedStdioTransport } from "../lib/mcp/stdio_transport.ts";

/** Serve the rest of a session with the SDK server for `profile`. */
export async function serveSession(
  deps: Deps,
  profile: Profile,
  handover: Handover,
): Promise<void> {
  const korva = createServer(deps, { profile });
  const transport = new LimitedStdioTransport(handover.input, handover.output, {
    onRefused: (refusal) => korva.ctx.log.error("mcp request refused", { ...refusal }),
  });
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  korva.ctx.log.info("mcp server started", { profile, cwd: deps.cwd });
  deps.io.err(`korva mcp: serving on stdio (profile ${profile})\n`);
  await korva.connect(replayOnStart(transport, handover.replay));
  await closed;
  await korva.close();
  korva.ctx.log.info("mcp server stopped");
}
