// OpenCode's prompt-time recall: a plugin file korva owns whole, which runs `korva hook prompt`
// on each message the user sends and adds korva's answer as context the model sees.
import { ownedFile } from "./config_changes.ts";
import type { FileChange, SetupContext } from "./target.ts";

/** The first line of the plugin: how korva knows the file is its own. */
const MARK = "// korva: prompt-time recall for OpenCode";

/**
 * The plugin's source. OpenCode (1.18) loads every `.js` file in `~/.config/opencode/plugins/`;
 * a default export needs an `id`. Its `chat.message` hook receives the message's parts before the
 * message is stored: a text part pushed into `output.parts` (the same array, with an id of its own,
 * `synthetic` so the TUI hides it) is sent to the model with the message.
 */
export function opencodePluginSource(ctx: SetupContext): string {
  return `${MARK}, written by \`korva setup\` (\`korva setup --uninstall\` removes it).
// On each message you send, korva searches the team's memories with it and adds the few that clear
// its relevance bar as context for the model; nothing otherwise. It never fails your message: any
// error, a timeout or an empty answer adds nothing.
import { spawn } from "node:child_process";

const COMMAND = ${JSON.stringify(ctx.hookCommand("prompt"))};
const TIMEOUT_MS = 10000;

/** korva's context for a prompt, or "" (never throws). */
function recall(payload, cwd) {
  return new Promise((resolve) => {
    let out = "";
    let child;
    try {
      child = spawn(COMMAND, { shell: true, cwd, stdio: ["pipe", "pipe", "ignore"] });
    } catch {
      return resolve("");
    }
    const timer = setTimeout(() => child.kill(), TIMEOUT_MS);
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", () => (clearTimeout(timer), resolve("")));
    child.on("close", (code) => {
      clearTimeout(timer);
      try {
        const answer = code === 0 && out.trim() !== "" ? JSON.parse(out) : {};
        resolve(answer.hookSpecificOutput?.additionalContext ?? "");
      } catch {
        resolve("");
      }
    });
    child.stdin.on("error", () => {});
    child.stdin.end(JSON.stringify(payload));
  });
}

let counter = 0;
/** A part id in OpenCode's form: "prt_", the time in 12 hex digits, 14 random letters. */
function partId() {
  const time = (BigInt(Date.now()) * 4096n + BigInt(counter++ % 4096)).toString(16);
  const letters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let random = "";
  for (let i = 0; i < 14; i++) random += letters[Math.floor(Math.random() * letters.length)];
  return "prt_" + time.padStart(12, "0").slice(-12) + random;
}

export default {
  id: "korva",
  server: async ({ directory }) => ({
    "chat.message": async (input, output) => {
      try {
        const prompt = output.parts
          .filter((part) => part.type === "text" && !part.synthetic)
          .map((part) => part.text)
          .join("\\n");
        if (prompt.trim() === "") return;
        const context = await recall(
          { hook_event_name: "UserPromptSubmit", session_id: input.sessionID, cwd: directory, prompt },
          directory,
        );
        if (context === "") return;
        output.parts.push({
          id: partId(),
          sessionID: input.sessionID,
          messageID: output.message.id,
          type: "text",
          text: context,
          synthetic: true,
        });
      } catch {
        // A plugin error must not fail the user's message.
      }
    },
  }),
};
`;
}

/** The plugin file at `path`, which korva owns whole (config_changes.ts ownedFile). */
export function opencodePlugin(path: string, ctx: SetupContext): FileChange {
  return ownedFile(path, {
    part: "prompt recall plugin",
    format: "javascript",
    text: opencodePluginSource(ctx),
    mine: (text) => text.startsWith(MARK),
  });
}
