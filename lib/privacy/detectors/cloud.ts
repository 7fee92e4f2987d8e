// Cloud and infrastructure providers: AWS, Google Cloud, Azure, DigitalOcean, Heroku, HashiCorp …
import type { Detector } from "../detector.ts";
import { Charset, fakeToken, fakeUuid, inContexts } from "../fake.ts";
import { looksRandom } from "../checks.ts";
import { ASSIGN, prefixed } from "./build.ts";
import { lazy } from "../lazy.ts";

const awsKeyId = lazy(() => "AKIA" + fakeToken("aws-id", Charset.upperAlnum, 16));
const awsSecret = lazy(() => fakeToken("aws-secret", Charset.base64, 40));
const storageKey = lazy(() => fakeToken("azure-storage", Charset.base64, 86) + "==");
const wgKey = lazy(() => fakeToken("azure-sak", Charset.base64, 43) + "=");

/** Cloud and infrastructure detectors. */
export const cloudDetectors = (): Detector[] => [
  {
    id: "aws-presigned-signature",
    category: "cloud-key",
    description: "The X-Amz-Signature of a presigned S3/AWS URL (grants access until it expires)",
    keywords: ["x-amz-signature="],
    pattern: /X-Amz-Signature=(?<secret>[0-9a-f]{64})(?![0-9a-f])/i,
    tier: 3,
    examples: {
      match: [
        `https://b.s3.amazonaws.com/r.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=${
          fakeToken("amzsig1", Charset.hex, 64)
        }`,
        `{"url": "https://b.s3.amazonaws.com/k?X-Amz-Date=20260301T120000Z&X-Amz-Signature=${
          fakeToken("amzsig2", Charset.hex, 64)
        }"}`,
        `curl "https://b.s3.amazonaws.com/k?X-Amz-Signature=${
          fakeToken("amzsig3", Charset.hex, 64)
        }"`,
      ],
      ignore: ["X-Amz-Signature=<signature>"],
    },
  },
  {
    id: "signed-url-signature",
    category: "cloud-key",
    description:
      "The signature of a signed storage or CDN URL (GCS X-Goog-Signature and GoogleAccessId, CloudFront Key-Pair-Id, S3 AWSAccessKeyId): it grants access until it expires",
    keywords: ["signature="],
    // `&` also escaped as in JSON (`\u0026`).
    pattern: /(?:[?&]|\\u0026)(?:X-Goog-)?Signature=(?<secret>[A-Za-z0-9%_~+\/=-]{20,2048})/,
    window: { before: 8, after: 2100 },
    tier: 3,
    refine: ({ text, match, start, end }) => {
      const value = text.slice(start, end);
      if (!/\d/.test(value) || !looksRandom(value, { minLength: 20, minEntropy: 3.3 })) return null;
      if (/X-Goog-Signature=$/i.test(text.slice(start - 17, start))) return { start, end };
      // The rest of the URL names the signing scheme.
      let from = match.index;
      while (from > 0 && !/[\s"'`<>()]/.test(text[from - 1]!)) from--;
      let to = end;
      while (to < text.length && !/[\s"'`<>()]/.test(text[to]!)) to++;
      const url = text.slice(from, to);
      return /(?:[?&]|\\u0026)(?:GoogleAccessId|Key-Pair-Id|AWSAccessKeyId|OSSAccessKeyId|Expires)=/
          .test(url)
        ? { start, end }
        : null;
    },
    examples: {
      match: [
        `https://storage.googleapis.com/b/deck.pdf?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Expires=604800&X-Goog-Signature=${
          fakeToken("gsig1", Charset.hex, 512)
        }`,
        `{"url": "https://storage.googleapis.com/b/o.png?GoogleAccessId=svc@acme.iam.gserviceaccount.com&Expires=1741180800&Signature=${
          fakeToken("gsig2", Charset.base64url, 40)
        }%3D"}`,
        `curl "https://d1.cloudfront.net/i.jpg?Expires=1741180800&Signature=${
          fakeToken("cfsig", Charset.base64url, 60)
        }~&Key-Pair-Id=K2JCJMDEHXQW5F"`,
      ],
      ignore: [
        "X-Goog-Signature=<signature>",
        `https://api.example.test/hook?Signature=${fakeToken("gsig3", Charset.base64url, 40)}`,
      ],
    },
  },
  {
    id: "fcm-server-key",
    category: "cloud-key",
    description: "Firebase Cloud Messaging legacy server key (AAAA…:APA91b…)",
    keywords: [":apa91b"],
    pattern: /(?<![A-Za-z0-9_-])AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{100,200}(?![A-Za-z0-9_-])/,
    window: { before: 16, after: 220 },
    tier: 3,
    examples: {
      match: [
        `headers = {'Authorization': 'key=AAAA${fakeToken("fcm1", Charset.base64url, 7)}:APA91b${
          fakeToken("fcm1b", Charset.base64url, 134)
        }'}`,
        `FCM_SERVER_KEY=AAAA${fakeToken("fcm2", Charset.base64url, 7)}:APA91b${
          fakeToken("fcm2b", Charset.base64url, 134)
        }`,
        `firebase:\n  server_key: "AAAA${fakeToken("fcm3", Charset.base64url, 7)}:APA91b${
          fakeToken("fcm3b", Charset.base64url, 134)
        }"`,
      ],
      ignore: ["Authorization: key=AAAA…:APA91b… (the legacy server key)"],
    },
  },
  {
    id: "azure-function-key",
    category: "cloud-key",
    description: "An Azure Functions key in a function URL (…azurewebsites.net/api/…?code=…)",
    keywords: ["code="],
    pattern: /[?&]code=(?<secret>[A-Za-z0-9_-]{20,128}={0,2})(?![A-Za-z0-9_=-])/,
    window: { before: 8, after: 140 },
    tier: 3,
    refine: ({ text, start, end }) =>
      /azurewebsites\.net\/api\/|\/api\/[\w-]+\?(?:[^\s]*&)?code=$/i.test(
          text.slice(Math.max(0, start - 300), start),
        ) && /\d/.test(text.slice(start, end))
        ? { start, end }
        : null,
    examples: {
      match: [
        `https://acme-fn.azurewebsites.net/api/orders?code=${
          fakeToken("azf1", Charset.base64url, 54)
        }==`,
        `{"hook": "https://x.azurewebsites.net/api/HttpTrigger1?code=${
          fakeToken("azf2", Charset.base64url, 40)
        }&name=x"}`,
        `curl "https://fn.azurewebsites.net/api/run?code=${
          fakeToken("azf3", Charset.base64url, 44)
        }"`,
      ],
      ignore: ["https://github.com/login/oauth?code=abcdef1234567890abcdef", "?code=123"],
    },
  },
  {
    id: "aws-access-key",
    category: "cloud-key",
    description: "AWS access key id (AKIA long-term, ASIA temporary, ABIA, ACCA)",
    keywords: ["akia", "asia", "abia", "acca", "a3t"],
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}(?![A-Za-z0-9])/,
    keep: 4,
    tier: 3,
    examples: {
      match: [
        ...inContexts("AWS_ACCESS_KEY_ID", awsKeyId().replace(/[0189]/g, "7")),
        `[default]\naws_access_key_id = ASIA${
          fakeToken("asia", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
        }\n`,
      ],
      ignore: [
        "AKIA is the prefix of long-term keys",
        "AKIAlowercase1234567890",
        "XAKIA2345672345672345",
      ],
    },
  },
  {
    id: "aws-secret-key",
    category: "cloud-key",
    description: "AWS secret access key assigned to an aws…secret… name",
    keywords: ["aws", "secret_access_key", "secretaccesskey", "secret-access-key"],
    pattern: new RegExp(
      `(?:aws[\\w.-]{0,24}(?:secret|sk)[\\w.-]{0,20}|secret_?access_?key)${ASSIGN}(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])`,
      "i",
    ),
    tier: 3,
    examples: {
      match: [
        `AWS_SECRET_ACCESS_KEY=${awsSecret()}`,
        `aws_secret_access_key = ${awsSecret()}`,
        `{"awsSecretKey": "${awsSecret()}"}`,
      ],
      ignore: [`AWS_SECRET_ACCESS_KEY=${awsSecret().slice(0, 20)}`, `aws_secret_access_key = ""`],
    },
  },
  {
    id: "aws-session-token",
    category: "cloud-key",
    description: "AWS session token assigned to an aws…session_token name",
    keywords: ["session_token", "sessiontoken", "session-token"],
    pattern: new RegExp(
      `session[_-]?token${ASSIGN}(?<secret>[A-Za-z0-9/+=._-]{100,4096})`,
      "i",
    ),
    window: { before: 40, after: 4200 },
    tier: 3,
    examples: {
      match: [
        `AWS_SESSION_TOKEN=${fakeToken("sts1", Charset.base64, 300)}`,
        `{"SessionToken": "${fakeToken("sts2", Charset.base64, 220)}"}`,
        `aws_session_token: ${fakeToken("sts3", Charset.base64, 180)}`,
      ],
      ignore: ["AWS_SESSION_TOKEN=${AWS_SESSION_TOKEN}"],
    },
  },
  prefixed({
    id: "aws-appsync-key",
    category: "cloud-key",
    description: "AWS AppSync GraphQL API key",
    prefix: "da2-",
    body: "[a-z0-9]{26}",
    sample: fakeToken("appsync", Charset.lowerAlnum, 26),
    name: "APPSYNC_API_KEY",
  }),
  prefixed({
    id: "aws-mws-token",
    category: "cloud-key",
    description: "Amazon Marketplace Web Service auth token",
    prefix: "amzn.mws.",
    body: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    sample: fakeUuid("mws"),
    name: "MWS_AUTH_TOKEN",
  }),
  prefixed({
    id: "google-api-key",
    category: "cloud-key",
    description: "Google API key (Maps, Firebase, Gemini …)",
    prefix: "AIza",
    body: "[0-9A-Za-z_-]{35}",
    sample: fakeToken("gapi", Charset.base64url, 35),
    name: "GOOGLE_API_KEY",
  }),
  prefixed({
    id: "google-oauth-client-secret",
    category: "cloud-key",
    description: "Google OAuth client secret (GOCSPX-)",
    prefix: "GOCSPX-",
    body: "[A-Za-z0-9_-]{28}",
    sample: fakeToken("gocspx", Charset.base64url, 28),
    name: "GOOGLE_CLIENT_SECRET",
  }),
  prefixed({
    id: "google-oauth-access-token",
    category: "cloud-key",
    description: "Google OAuth access token (ya29.)",
    prefix: "ya29.",
    body: "[0-9A-Za-z_-]{30,2048}",
    sample: fakeToken("ya29", Charset.base64url, 120),
    name: "GOOGLE_ACCESS_TOKEN",
  }),
  prefixed({
    id: "google-oauth-refresh-token",
    category: "cloud-key",
    description: "Google OAuth refresh token (1//0…)",
    prefix: "1//0",
    body: "[0-9A-Za-z_-]{40,512}",
    sample: fakeToken("g-refresh", Charset.base64url, 100),
    name: "GOOGLE_REFRESH_TOKEN",
  }),
  {
    id: "gcp-service-account",
    category: "cloud-key",
    description: "Google service-account JSON private_key_id",
    keywords: ["private_key_id"],
    pattern: /private_key_id"\s{0,8}:\s{0,8}"(?<secret>[a-f0-9]{40})"/,
    tier: 3,
    examples: {
      match: [
        `{"type": "service_account", "private_key_id": "${fakeToken("gcp1", Charset.hex, 40)}"}`,
        `{\n  "type": "service_account",\n  "project_id": "demo",\n  "private_key_id": "${
          fakeToken("gcp2", Charset.hex, 40)
        }",\n}`,
        `credentials = '{"private_key_id":"${fakeToken("gcp3", Charset.hex, 40)}"}'`,
      ],
      ignore: [`{"private_key_id": "${fakeToken("gcp4", Charset.hex, 12)}"}`],
    },
  },
  {
    id: "azure-storage-key",
    category: "cloud-key",
    description: "Azure storage account key in a connection string (AccountKey=)",
    keywords: ["accountkey"],
    pattern: /AccountKey\s{0,4}=\s{0,4}(?<secret>[A-Za-z0-9+/]{40,100}={0,2})(?![A-Za-z0-9+/=])/i,
    tier: 3,
    examples: {
      match: [
        `DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=${storageKey()};EndpointSuffix=core.windows.net`,
        `{"storage": "AccountName=demo;AccountKey=${storageKey()}"}`,
        `AZURE_STORAGE_CONNECTION_STRING="AccountName=x;AccountKey=${storageKey()}"`,
      ],
      ignore: ["AccountKey=<your-key>;EndpointSuffix=core.windows.net"],
    },
  },
  {
    id: "azure-shared-access-key",
    category: "cloud-key",
    description: "Azure Service Bus / Event Hubs / IoT Hub SharedAccessKey",
    keywords: ["sharedaccesskey="],
    pattern: /SharedAccessKey=(?<secret>[A-Za-z0-9+/]{42,86}={0,2})/i,
    tier: 3,
    examples: {
      match: [
        `Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${wgKey()}`,
        `{"iothub": "HostName=demo.azure-devices.net;SharedAccessKeyName=owner;SharedAccessKey=${wgKey()}"}`,
        `conn = "SharedAccessKey=${wgKey()}"`,
      ],
      ignore: ["SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>"],
    },
  },
  {
    id: "azure-app-config-secret",
    category: "cloud-key",
    description: "Azure App Configuration connection string secret",
    keywords: [".azconfig.io"],
    pattern: /\.azconfig\.io;Id=[^;\s]{1,64};Secret=(?<secret>[A-Za-z0-9+/]{20,88}={0,2})/,
    tier: 3,
    examples: {
      match: [
        `Endpoint=https://demo.azconfig.io;Id=ab12-l0-s0:${
          fakeToken("azc", Charset.alnum, 20)
        };Secret=${fakeToken("azc1", Charset.base64, 43)}=`,
        `{"AppConfig": "Endpoint=https://demo.azconfig.io;Id=x1;Secret=${
          fakeToken("azc2", Charset.base64, 43)
        }="}`,
        `APP_CONFIG=Endpoint=https://d.azconfig.io;Id=k;Secret=${
          fakeToken("azc3", Charset.base64, 43)
        }=`,
      ],
      ignore: ["Endpoint=https://demo.azconfig.io;Id=x1;Secret=<secret>"],
    },
  },
  {
    id: "azure-client-secret",
    category: "cloud-key",
    description: "Microsoft Entra ID (Azure AD) application client secret (…Q~…)",
    keywords: ["q~"],
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/,
    window: { before: 8, after: 40 },
    tier: 3,
    examples: {
      match: inContexts(
        "AZURE_CLIENT_SECRET",
        `${fakeToken("entra", Charset.alnum, 3)}8Q~${fakeToken("entra2", Charset.base64url, 34)}`,
      ),
      ignore: ["use ~Q~ as a separator", `abc8Q~${fakeToken("entra3", Charset.alnum, 10)}`],
    },
  },
  {
    id: "azure-devops-pat",
    category: "vcs-token",
    description: "Azure DevOps personal access token (84 characters with the AZDO signature)",
    keywords: ["azdo"],
    pattern:
      /(?<![A-Za-z0-9])[A-Za-z0-9]{52}JQQJ9[0-9A-Za-z]{14}AZDO[A-Za-z0-9]{4}(?![A-Za-z0-9])|(?<![A-Za-z0-9])[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}(?![A-Za-z0-9])/,
    window: { before: 80, after: 8 },
    tier: 3,
    examples: {
      match: inContexts(
        "AZURE_DEVOPS_PAT",
        `${fakeToken("ado", Charset.alnum, 76)}AZDO${fakeToken("ado2", Charset.alnum, 4)}`,
      ),
      ignore: ["AZDO is the signature of new Azure DevOps tokens"],
    },
  },
  {
    id: "azure-devops-legacy-pat",
    category: "vcs-token",
    description: "Legacy Azure DevOps PAT (52 base32 characters) next to a PAT-like name",
    keywords: [
      "_pat",
      "pat_",
      "pat=",
      "pat:",
      'pat"',
      "personalaccesstoken",
      "personal_access_token",
      "devops",
      "vsts",
      "accesstoken",
      "access_token",
    ],
    pattern: /(?<![a-z2-7])[a-z2-7]{52}(?![A-Za-z0-9])/,
    window: { before: 0, after: 80 },
    gate: false,
    tier: 3,
    refine: ({ text, start, end }) =>
      /[2-7]/.test(text.slice(start, end)) && /[a-z]{3}/.test(text.slice(start, end))
        ? { start, end }
        : null,
    examples: {
      match: [
        `AZURE_DEVOPS_PAT=${fakeToken("adol", Charset.base32Lower, 52)}`,
        `{"personalAccessToken": "${fakeToken("adol2", Charset.base32Lower, 52)}"}`,
        `ado_pat = "${fakeToken("adol3", Charset.base32Lower, 52)}"`,
      ],
      ignore: [`path = "${"a".repeat(52)}x"`],
    },
  },
  ...(["dop_v1_", "doo_v1_", "dor_v1_"] as const).map((prefix) =>
    prefixed({
      id: {
        dop_v1_: "digitalocean-pat",
        doo_v1_: "digitalocean-oauth-token",
        dor_v1_: "digitalocean-refresh-token",
      }[prefix],
      category: "cloud-key",
      description: `DigitalOcean ${
        { dop_v1_: "personal access", doo_v1_: "OAuth access", dor_v1_: "OAuth refresh" }[prefix]
      } token`,
      prefix,
      body: "[a-f0-9]{64}",
      sample: fakeToken(prefix, Charset.hex, 64),
      name: "DIGITALOCEAN_TOKEN",
    })
  ),
  {
    id: "heroku-api-key",
    category: "cloud-key",
    description: "Heroku API key (a UUID next to a heroku name) or HRKU- token",
    keywords: ["heroku", "hrku-"],
    pattern:
      /(?<![A-Za-z0-9])(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|HRKU-[A-Za-z0-9_-]{60})(?![A-Za-z0-9])/i,
    window: { before: 16, after: 80 },
    tier: 3,
    examples: {
      match: [
        `HEROKU_API_KEY=${fakeUuid("heroku1")}`,
        `{"herokuApiKey": "${fakeUuid("heroku2")}"}`,
        `heroku:\n  api_key: HRKU-${fakeToken("hrku", Charset.base64url, 60)}\n`,
      ],
      ignore: [`HEROKU_APP_NAME=my-app-123`, `request id ${fakeUuid("no-heroku")} done`],
    },
  },
  prefixed({
    id: "alibaba-access-key",
    category: "cloud-key",
    description: "Alibaba Cloud AccessKey id",
    prefix: "LTAI",
    body: "[A-Za-z0-9]{20}",
    sample: fakeToken("ltai", Charset.alnum, 20),
    name: "ALIBABA_ACCESS_KEY_ID",
  }),
  prefixed({
    id: "cloudflare-origin-ca-key",
    category: "cloud-key",
    description: "Cloudflare Origin CA key",
    prefix: "v1.0-",
    body: "[a-f0-9]{24}-[a-f0-9]{146}",
    sample: `${fakeToken("cf1", Charset.hex, 24)}-${fakeToken("cf2", Charset.hex, 146)}`,
    name: "CF_ORIGIN_CA_KEY",
  }),
  prefixed({
    id: "flyio-token",
    category: "infra-token",
    description: "Fly.io macaroon access token",
    prefix: "fm2_",
    body: "[A-Za-z0-9+/=_-]{80,2048}",
    sample: fakeToken("fly", Charset.base64, 120),
    name: "FLY_API_TOKEN",
    after: "A-Za-z0-9+/=_\\-",
  }),
  {
    id: "terraform-cloud-token",
    category: "infra-token",
    description: "Terraform Cloud / Enterprise API token (…atlasv1…)",
    keywords: [".atlasv1."],
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/,
    window: { before: 16, after: 72 },
    tier: 3,
    examples: {
      match: inContexts(
        "TFE_TOKEN",
        `${fakeToken("tfc", Charset.alnum, 14)}.atlasv1.${
          fakeToken("tfc2", Charset.base64url, 67)
        }`,
      ),
      ignore: ['credentials "app.terraform.io" { token = "x.atlasv1.short" }'],
    },
  },
  prefixed({
    id: "pulumi-token",
    category: "infra-token",
    description: "Pulumi access token",
    prefix: "pul-",
    body: "[a-f0-9]{40}",
    sample: fakeToken("pulumi", Charset.hex, 40),
    name: "PULUMI_ACCESS_TOKEN",
  }),
  prefixed({
    id: "vault-service-token",
    category: "infra-token",
    description: "HashiCorp Vault service token (hvs., Vault ≥ 1.10)",
    prefix: "hvs.",
    body: "[A-Za-z0-9_-]{24,512}",
    sample: fakeToken("hvs", Charset.base64url, 90),
    name: "VAULT_TOKEN",
  }),
  prefixed({
    id: "vault-batch-token",
    category: "infra-token",
    description: "HashiCorp Vault batch token (hvb., Vault ≥ 1.10)",
    prefix: "hvb.",
    body: "[A-Za-z0-9_-]{24,512}",
    sample: fakeToken("hvb", Charset.base64url, 120),
    name: "VAULT_TOKEN",
  }),
  prefixed({
    id: "vault-recovery-token",
    category: "infra-token",
    description: "HashiCorp Vault recovery token (hvr., Vault ≥ 1.10)",
    prefix: "hvr.",
    body: "[A-Za-z0-9_-]{24,512}",
    sample: fakeToken("hvr", Charset.base64url, 90),
    name: "VAULT_TOKEN",
  }),
  {
    id: "vault-legacy-token",
    category: "infra-token",
    description:
      "HashiCorp Vault token before 1.10 (s./b./r. + 24 characters) next to a vault name",
    keywords: ["vault"],
    pattern: /(?<![A-Za-z0-9.])[sbr]\.[A-Za-z0-9_-]{24,512}(?![A-Za-z0-9_-])/,
    window: { before: 0, after: 80 },
    tier: 3,
    refine: ({ text, start, end }) =>
      looksRandom(text.slice(start + 2, end), { minLength: 24, minEntropy: 3.5 })
        ? { start, end }
        : null,
    examples: {
      match: [
        `VAULT_TOKEN=s.${fakeToken("vlt1", Charset.alnum, 24)}`,
        `{"vault_token": "b.${fakeToken("vlt2", Charset.alnum, 24)}"}`,
        `vault login r.${fakeToken("vlt3", Charset.alnum, 24)}`,
      ],
      ignore: ["vault read s.config.database.connection.name"],
    },
  },
  {
    id: "vault-unseal-key",
    category: "infra-token",
    description: "HashiCorp Vault unseal key (printed by init, passed to operator unseal)",
    keywords: ["unseal"],
    pattern:
      /unseal(?: key \d{1,2}:|\s+(?:-\S+\s+)*)\s{0,4}(?<secret>[A-Za-z0-9+/]{43,44}={0,2})(?![A-Za-z0-9+/=])/i,
    tier: 3,
    examples: {
      match: [
        `Unseal Key 1: ${fakeToken("unseal1", Charset.base64, 44)}`,
        `vault operator unseal ${fakeToken("unseal2", Charset.base64, 44)}`,
        `kubectl exec vault-0 -- vault operator unseal ${fakeToken("unseal3", Charset.base64, 44)}`,
      ],
      ignore: ["vault operator unseal -migrate"],
    },
  },
  ...(
    [
      ["dp.st.", "doppler-service-token", "service"],
      ["dp.ct.", "doppler-cli-token", "CLI"],
      ["dp.pt.", "doppler-personal-token", "personal"],
      ["dp.sa.", "doppler-service-account-token", "service account"],
      ["dp.scim.", "doppler-scim-token", "SCIM"],
      ["dp.audit.", "doppler-audit-token", "audit"],
    ] as const
  ).map(([prefix, id, kind]) =>
    prefixed({
      id,
      category: "infra-token",
      description: `Doppler ${kind} token`,
      prefix,
      body: "(?:[a-z0-9_-]{1,64}\\.)?[A-Za-z0-9]{40,44}",
      sample: fakeToken(id, Charset.alnum, 43),
      name: "DOPPLER_TOKEN",
    })
  ),
  prefixed({
    id: "databricks-token",
    category: "infra-token",
    description: "Databricks personal access token",
    prefix: "dapi",
    body: "[a-f0-9]{32}(?:-\\d)?",
    sample: fakeToken("dapi", Charset.hex, 32),
    name: "DATABRICKS_TOKEN",
  }),
  {
    id: "kubernetes-bootstrap-token",
    category: "infra-token",
    description: "Kubernetes bootstrap token (abcdef.0123456789abcdef) or its token-secret",
    keywords: ["bootstrap", "token-secret", "--token"],
    pattern:
      /(?:(?<![a-z0-9])[a-z0-9]{6}\.|(?<=token-secret["']?\s{0,4}:\s{0,4}["']?))(?<secret>[a-z0-9]{16})(?![a-z0-9])/,
    window: { before: 0, after: 80 },
    tier: 3,
    examples: {
      match: [
        `kubeadm join 10.0.0.1:6443 --token ${fakeToken("kb1", Charset.lowerAlnum, 6)}.${
          fakeToken("kb2", Charset.lowerAlnum, 16)
        }`,
        `BOOTSTRAP_TOKEN: "${fakeToken("kb3", Charset.lowerAlnum, 6)}.${
          fakeToken("kb4", Charset.lowerAlnum, 16)
        }"`,
        `{"bootstrapToken": "${fakeToken("kb5", Charset.lowerAlnum, 6)}.${
          fakeToken("kb6", Charset.lowerAlnum, 16)
        }"}`,
      ],
      ignore: ["bootstrap the cluster with kubeadm init"],
    },
  },
  prefixed({
    id: "docker-hub-pat",
    category: "infra-token",
    description: "Docker Hub personal access token",
    prefix: "dckr_pat_",
    body: "[A-Za-z0-9_-]{27}",
    sample: fakeToken("dckr", Charset.base64url, 27),
    name: "DOCKERHUB_TOKEN",
    after: "A-Za-z0-9_",
  }),
  {
    id: "aws-secret-beside-key-id",
    category: "cloud-key",
    description:
      "A 40-character AWS secret access key written near its access key id with no key name (BasicAWSCredentials(id, secret), `AKIA… / …`, a CSV row)",
    keywords: ["akia", "asia"],
    pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/,
    window: { before: 200, after: 240 },
    tier: 2,
    refine: ({ text, start, end }) => {
      const v = text.slice(start, end);
      if (!/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/\d/.test(v)) return null;
      if (!looksRandom(v, { minLength: 40, minEntropy: 4 })) return null;
      // The key id itself must be there (the keyword pass also hits the word "Asia").
      const near = text.slice(Math.max(0, start - 200), Math.min(text.length, end + 240));
      return /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Z0-9])/.test(near)
        ? { start, end }
        : null;
    },
    examples: {
      match: [
        `new BasicAWSCredentials("AKIA${
          fakeToken("asp1", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
        }", "${fakeToken("asp2", Charset.base64, 40)}")`,
        `aws keys: AKIA${fakeToken("asp3", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)} / ${
          fakeToken("asp4", Charset.base64, 40)
        }`,
        `{"pair": ["ASIA${fakeToken("asp5", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}", "${
          fakeToken("asp6", Charset.base64, 40)
        }"]}`,
      ],
      ignore: [
        `Asia/Tokyo ${fakeToken("asp7", Charset.base64, 40)}`,
        `AKIA${fakeToken("asp8", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)} commit ${
          fakeToken("asp9", Charset.hex, 40)
        }`,
      ],
    },
  },
  prefixed({
    id: "age-secret-key",
    category: "private-key",
    description: "age encryption identity (AGE-SECRET-KEY-1…)",
    prefix: "AGE-SECRET-KEY-1",
    // Bech32's alphabet, read loosely: the prefix alone is specific enough.
    body: "[0-9A-Z]{58}",
    sample: fakeToken("age", "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58),
    name: "SOPS_AGE_KEY",
  }),
];
