// createServer(): the MCP server with the tools, resources and prompt a profile allows; the
// transport is attached by commands/mcp.ts.
// @ts-types="@modelcontextprotocol/sdk/server/mcp"
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
// @ts-types="@modelcontextprotocol/sdk/shared/transport"
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { Deps } from "../deps.ts";
import { messageOf, notFoundError } from "../errors.ts";
import { fileURLToPath } from "node:url";
// @ts-types="@modelcontextprotocol/sdk/types"
import {
  ListToolsRequestSchema,
  RootsListChangedNotificationSchema,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import { memoryContext } from "../memory/mod.ts";
import { createToolContext, type ToolContext } from "./context.ts";
import { guardTransport } from "./profile_guard.ts";
import { type Profile, toolsFor } from "./profiles.ts";
import { INSTRUCTIONS, serverInfo } from "./server_info.ts";
import { TOOL_REGISTRY } from "./tools/mod.ts";
import TOOLS_LIST from "./tools_list.json" with { type: "json" };
import { z } from "zod";

/** A server and the context its tools share (close it to release the vault). */
export interface KorvaMcpServer {
  server: McpServer;
  ctx: ToolContext;
  /** Serve over a transport; calls outside the profile are refused with a sentence. */
  connect(transport: Transport): Promise<void>;
  close(): Promise<void>;
}

/**
 * Build the server for a profile. Nothing is opened until the first tool call. tools/list is
 * answered from lib/mcp/tools_list.json (the SDK converts every zod schema to JSON Schema on
 * each tools/list, ~100 ms of CPU at start-up); `liveToolsList` keeps the SDK's own answer, and
 * tests/mcp/tools_list_test.ts checks that both agree for every profile.
 */
export function createServer(
  deps: Deps,
  options: { profile: Profile; liveToolsList?: boolean },
): KorvaMcpServer {
  const server = new McpServer(serverInfo(deps.version), { instructions: INSTRUCTIONS });
  const ctx = createToolContext(
    deps,
    options.profile,
    () => server.server.getClientVersion()?.name ?? "mcp",
  );
  for (const tool of toolsFor(options.profile)) TOOL_REGISTRY[tool](server, ctx);
  if (!options.liveToolsList) {
    const tools = TOOLS_LIST[options.profile] as Tool[];
    server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  }
  server.server.oninitialized = () => void adoptClientRoots(server, ctx);
  server.server.setNotificationHandler(
    RootsListChangedNotificationSchema,
    () => adoptClientRoots(server, ctx),
  );
  registerResources(server, ctx);
  registerPrompts(server);
  return {
    server,
    ctx,
    connect: (transport) => server.connect(guardTransport(transport, options.profile)),
    close: async () => {
      await server.close();
      ctx.close();
    },
  };
}

/** Ask a client that has roots for them and adopt the first one inside a repository. */
async function adoptClientRoots(server: McpServer, ctx: ToolContext): Promise<void> {
  if (!server.server.getClientCapabilities()?.roots) return;
  try {
    const { roots } = await server.server.listRoots();
    for (const root of roots) {
      if (root.uri.startsWith("file:") && ctx.adoptPath(fileURLToPath(root.uri))) return;
    }
  } catch (error) {
    ctx.log.error(`Cannot read the client's roots: ${messageOf(error)}`);
  }
}

function registerResources(server: McpServer, ctx: ToolContext): void {
  server.registerResource(
    "memory",
    new ResourceTemplate("korva://memory/{id}", {
      list: () => {
        try {
          return {
            resources: ctx.vault().list({ project: ctx.project(), limit: 50 }).map((m) => ({
              uri: `korva://memory/${m.id}`,
              name: ctx.outText(m.title),
              mimeType: "application/json",
            })),
          };
        } catch {
          return { resources: [] };
        }
      },
    }),
    { title: "A korva memory", mimeType: "application/json" },
    (uri, variables) => {
      const id = String(variables.id ?? "");
      const memory = ctx.vault().get(id);
      if (!memory) throw notFoundError("memory", id);
      return {
        contents: [{
          uri: uri.href,
          mimeType: "application/json",
          text: JSON.stringify(ctx.out(memory), null, 2),
        }],
      };
    },
  );
  server.registerResource(
    "context",
    new ResourceTemplate("korva://context/{+path}", { list: undefined }),
    {
      title: "The team's memory for a file",
      description: "Decisions, incidents and conventions relevant to the file at {path}",
      mimeType: "text/markdown",
    },
    (uri, variables) => {
      const path = decodeURIComponent(String(variables.path ?? ""));
      const result = memoryContext(ctx.memories(), {
        files: [path],
        refresh: ctx.profile !== "readonly",
      });
      return {
        contents: [{
          uri: uri.href,
          mimeType: "text/markdown",
          text: ctx.outText(result.text) || `No memories for ${path} yet.`,
        }],
      };
    },
  );
}

function registerPrompts(server: McpServer): void {
  server.registerPrompt("korva-onboard", {
    title: "Onboard to this project",
    description: "Load the team's memory and summarise the project's key decisions",
    argsSchema: { focus: z.string().max(200).optional() },
  }, ({ focus }) => ({
    messages: [{
      role: "user",
      content: {
        type: "text",
        text: "Call vault_context" + (focus ? ` with task "${focus}"` : "") +
          " and vault_timeline for this project. Then summarise, citing memory ids: the key " +
          "decisions and why they were made, the conventions to follow, and the incidents a " +
          "newcomer must know about (root cause and the rule that came out of each).",
      },
    }],
  }));
}
