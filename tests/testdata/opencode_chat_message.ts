// Runs an OpenCode plugin's `chat.message` hook the way OpenCode 1.18 does, outside OpenCode:
// imports the plugin file, starts it for a project folder, passes it the message read from stdin
// ({ input, output }) and prints `output` after the hook. Usage: opencode_chat_message.ts PLUGIN DIR
// deno-lint-ignore-file no-console
import { pathToFileURL } from "node:url";

const [plugin, directory] = Deno.args;
const { input, output } = JSON.parse(await new Response(Deno.stdin.readable).text());
const module = await import(pathToFileURL(plugin!).href);
const hooks = await module.default.server({ directory });
await hooks["chat.message"](input, output);
console.log(JSON.stringify({ id: module.default.id, output }));
