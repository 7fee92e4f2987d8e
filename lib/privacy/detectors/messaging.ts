// Chat, e-mail and notification services: Slack, Discord, Telegram, Teams, Twilio, SendGrid …
import type { Detector } from "../detector.ts";
import { Charset, fakeToken, fakeUuid, inContexts } from "../fake.ts";
import { prefixed } from "./build.ts";

const slackId = () => fakeToken("slack-id", Charset.digits, 12);

const slack = (id: string, prefix: string, what: string): Detector =>
  prefixed({
    id,
    category: "chat-token",
    description: `Slack ${what} (${prefix})`,
    prefix,
    body: "[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9-]{24,64}",
    sample: `${slackId()}-${fakeToken(id + "n", Charset.digits, 13)}-${
      fakeToken(id, Charset.alnum, 24)
    }`,
    name: "SLACK_TOKEN",
    keep: prefix.length,
  });

const mailgunKey = (seed: string) =>
  `${fakeToken(seed, Charset.hex, 32)}-${fakeToken(seed + "b", Charset.hex, 8)}-${
    fakeToken(seed + "c", Charset.hex, 8)
  }`;

/** Messaging detectors. */
export const messagingDetectors = (): Detector[] => [
  prefixed({
    id: "matrix-access-token",
    category: "chat-token",
    description: "Matrix (Synapse) access token (syt_<user>_<random>_<check>)",
    prefix: "syt_",
    body: "[A-Za-z0-9_-]{1,80}_[A-Za-z0-9]{20}_[A-Za-z0-9]{6}",
    sample: `${fakeToken("syt-user", Charset.alnum, 12)}_${fakeToken("syt", Charset.alnum, 20)}_${
      fakeToken("syt-check", Charset.alnum, 6)
    }`,
    name: "MATRIX_ACCESS_TOKEN",
    keep: 4,
  }),
  slack("slack-bot-token", "xoxb-", "bot token"),
  slack("slack-user-token", "xoxp-", "user token"),
  slack("slack-workspace-token", "xoxa-", "workspace access token"),
  slack("slack-refresh-token", "xoxr-", "refresh token"),
  slack("slack-session-token", "xoxs-", "session token"),
  prefixed({
    id: "slack-app-token",
    category: "chat-token",
    description: "Slack app-level token (xapp-)",
    prefix: "xapp-",
    body: "\\d-[A-Z0-9]{9,12}-\\d{10,14}-[a-f0-9]{64}",
    sample: `1-A${fakeToken("xapp1", Charset.upperAlnum, 10)}-${
      fakeToken("xapp2", Charset.digits, 13)
    }-${fakeToken("xapp3", Charset.hex, 64)}`,
    name: "SLACK_APP_TOKEN",
  }),
  prefixed({
    id: "slack-config-token",
    category: "chat-token",
    description: "Slack configuration access token (xoxe.xoxp-, xoxe-)",
    prefix: "xoxe",
    body: "(?:\\.xox[bp])?-\\d-[A-Z0-9]{100,200}",
    sample: `.xoxp-1-${fakeToken("xoxe", Charset.upperAlnum, 146)}`,
    name: "SLACK_CONFIG_TOKEN",
  }),
  prefixed({
    id: "slack-webhook",
    category: "webhook",
    description: "Slack incoming webhook / workflow URL",
    prefix: "hooks.slack.com/",
    body: "(?:services|workflows|triggers)/[A-Za-z0-9_/]{20,120}",
    sample: `services/T${fakeToken("swh1", Charset.upperAlnum, 10)}/B${
      fakeToken("swh2", Charset.upperAlnum, 10)
    }/${fakeToken("swh3", Charset.alnum, 24)}`,
    name: "SLACK_WEBHOOK_URL",
    keep: 16,
    after: "A-Za-z0-9_/",
  }),
  {
    id: "discord-webhook",
    category: "webhook",
    description: "Discord webhook URL",
    keywords: ["discord.com/api/webhooks/", "discordapp.com/api/webhooks/"],
    pattern: /discord(?:app)?\.com\/api\/webhooks\/\d{15,20}\/(?<secret>[A-Za-z0-9_-]{60,72})/,
    tier: 3,
    examples: {
      match: inContexts(
        "DISCORD_WEBHOOK",
        `https://discord.com/api/webhooks/${fakeToken("dwh1", Charset.digits, 18)}/${
          fakeToken("dwh2", Charset.base64url, 68)
        }`,
      ),
      ignore: ["see https://discord.com/api/webhooks/ in the docs"],
    },
  },
  {
    id: "discord-bot-token",
    category: "chat-token",
    description: "Discord bot token next to a discord name",
    // discord.js logs in with `client.login(token)`, discord.py with `bot.run(token)`.
    keywords: ["discord", ".login(", "bot.run(", "client.run(", "bot_token", "bot token"],
    pattern:
      /(?<![A-Za-z0-9_-])[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_-])/,
    window: { before: 0, after: 120 },
    tier: 3,
    examples: {
      match: [
        `DISCORD_BOT_TOKEN=M${fakeToken("dbt1", Charset.alnum, 25)}.${
          fakeToken("dbt2", Charset.base64url, 6)
        }.${fakeToken("dbt3", Charset.base64url, 38)}`,
        `{"discordToken": "N${fakeToken("dbt4", Charset.alnum, 23)}.${
          fakeToken("dbt5", Charset.base64url, 6)
        }.${fakeToken("dbt6", Charset.base64url, 27)}"}`,
        `discord_client.run("O${fakeToken("dbt7", Charset.alnum, 24)}.${
          fakeToken("dbt8", Charset.base64url, 6)
        }.${fakeToken("dbt9", Charset.base64url, 30)}")`,
      ],
      ignore: ["DISCORD_BOT_TOKEN=Mshort.abc.def"],
    },
  },
  {
    id: "telegram-bot-token",
    category: "chat-token",
    description: "Telegram bot token (digits:AA…)",
    keywords: [":aa", "/bot"],
    // Also glued to "bot" in an API URL (api.telegram.org/bot<token>/sendMessage), where the
    // URL says what it is and the secret part need not start with AA.
    pattern:
      /(?:(?<=\/bot)|(?<![A-Za-z0-9]))\d{8,10}:AA[A-Za-z0-9_-]{30,34}(?![A-Za-z0-9_-])|(?<=telegram\.org\/bot)\d{6,12}:[A-Za-z0-9_-]{30,46}(?![A-Za-z0-9_-])/,
    window: { before: 24, after: 64 },
    tier: 3,
    examples: {
      match: inContexts(
        "TELEGRAM_BOT_TOKEN",
        `${fakeToken("tg1", Charset.digits, 10)}:AA${fakeToken("tg2", Charset.base64url, 33)}`,
      ).concat(
        `curl https://api.telegram.org/bot${fakeToken("tg3", Charset.digits, 10)}:AA${
          fakeToken("tg4", Charset.base64url, 33)
        }/sendMessage`,
      ),
      ignore: ["12:AA is not a token", `time 1234567890:AAshort`],
    },
  },
  {
    id: "microsoft-teams-webhook",
    category: "webhook",
    description: "Microsoft Teams / Office 365 incoming webhook URL",
    keywords: ["webhook.office.com", "outlook.office.com/webhook"],
    pattern:
      /(?:webhook\.office\.com\/webhookb2|outlook\.office\.com\/webhook)\/(?<secret>[a-f0-9-]{36}@[a-f0-9-]{36}\/IncomingWebhook\/[a-f0-9]{32}\/[a-f0-9-]{36}(?:\/[A-Za-z0-9_-]{20,80})?)/,
    window: { before: 40, after: 240 },
    tier: 3,
    examples: {
      match: inContexts(
        "TEAMS_WEBHOOK_URL",
        `https://contoso.webhook.office.com/webhookb2/${fakeUuid("t1")}@${
          fakeUuid("t2")
        }/IncomingWebhook/${fakeToken("t3", Charset.hex, 32)}/${fakeUuid("t4")}`,
      ),
      ignore: ["post to https://contoso.webhook.office.com/webhookb2/<id>"],
    },
  },
  {
    id: "twilio-key",
    category: "chat-token",
    description: "Twilio API key SID or auth token next to a twilio name",
    keywords: ["twilio"],
    pattern:
      /(?<![A-Za-z0-9])(?:SK[0-9a-f]{32}|(?<=(?:auth_?token|secret|key)["']?\s{0,4}[:=,]\s{0,4}["']?)[0-9a-f]{32})(?![A-Za-z0-9])/i,
    window: { before: 0, after: 160 },
    tier: 3,
    examples: {
      match: [
        `TWILIO_API_KEY=SK${fakeToken("tw1", Charset.hex, 32)}`,
        `{"twilioAuthToken": "${fakeToken("tw2", Charset.hex, 32)}"}`,
        `twilio.client(sid, "SK${fakeToken("tw3", Charset.hex, 32)}")`,
      ],
      ignore: [`TWILIO_ACCOUNT_SID=AC${fakeToken("tw4", Charset.hex, 32)}`],
    },
  },
  prefixed({
    id: "sendgrid-api-key",
    category: "chat-token",
    description: "SendGrid API key (SG.)",
    prefix: "SG.",
    body: "[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}",
    sample: `${fakeToken("sg1", Charset.base64url, 22)}.${fakeToken("sg2", Charset.base64url, 43)}`,
    name: "SENDGRID_API_KEY",
  }),
  prefixed({
    id: "mailgun-api-key",
    category: "chat-token",
    description: "Mailgun API key (key- + 32 hex)",
    prefix: "key-",
    body: "[a-f0-9]{32}",
    sample: fakeToken("mailgun", Charset.hex, 32),
    name: "MAILGUN_API_KEY",
  }),
  {
    id: "mailgun-private-key",
    category: "chat-token",
    description:
      "Mailgun private API key of the current form (32 hex-8 hex-8 hex) near a mailgun name",
    keywords: ["mailgun"],
    pattern: /(?<![A-Za-z0-9-])[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}(?![A-Za-z0-9-])/,
    window: { before: 0, after: 300 },
    tier: 3,
    examples: {
      match: [
        `MAILGUN_API_KEY=${mailgunKey("mg1")}`,
        `mailgun key ${mailgunKey("mg2")}`,
        `{"mailgun": {"apiKey": "${mailgunKey("mg3")}"}}`,
      ],
      ignore: ["mailgun: see the dashboard for the key"],
    },
  },
  {
    id: "mailchimp-api-key",
    category: "chat-token",
    description: "Mailchimp API key (32 hex + data-centre suffix -us12)",
    keywords: ["-us"],
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{32}-us[0-9]{1,2}(?![A-Za-z0-9])/,
    window: { before: 34, after: 4 },
    tier: 3,
    examples: {
      match: inContexts("MAILCHIMP_API_KEY", `${fakeToken("mc", Charset.hex, 32)}-us14`),
      ignore: ["locale en-us1 is not a key"],
    },
  },
  {
    id: "postmark-token",
    category: "chat-token",
    description: "Postmark server or account token (a UUID next to a postmark name)",
    keywords: ["postmark"],
    pattern:
      /(?<![A-Za-z0-9])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9])/,
    window: { before: 0, after: 80 },
    tier: 3,
    examples: {
      match: [
        `POSTMARK_SERVER_TOKEN=${fakeUuid("pm1")}`,
        `{"postmarkApiToken": "${fakeUuid("pm2")}"}`,
        `headers: { "X-Postmark-Server-Token": "${fakeUuid("pm3")}" }`,
      ],
      ignore: [`template id ${fakeUuid("pm4")} (not postmark related)`],
    },
  },
];
