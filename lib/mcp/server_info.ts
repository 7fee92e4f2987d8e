// What korva's MCP server says about itself in its initialize answer: shared by the SDK server
// (lib/mcp/server.ts) and the front that answers initialize before the SDK loads (front.ts).

/** The server's name and title; the version is korva's. */
export function serverInfo(version: string): { name: string; title: string; version: string } {
  return { name: "korva", title: "korva team memory", version };
}

/** The instructions a client gives its model with the server's tools. */
export const INSTRUCTIONS = "korva is this team's memory: decisions with their rationale, " +
  "incidents with their root cause, conventions. Call vault_context at the start of a task and " +
  "before editing a file; vault_search for history; vault_save for anything worth remembering.";
