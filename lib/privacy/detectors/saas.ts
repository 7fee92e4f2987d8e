// Monitoring and other SaaS APIs: Grafana, Datadog, Sentry, New Relic, Dynatrace, Okta, Dropbox …
import type { Detector } from "../detector.ts";
import { looksRandom } from "../checks.ts";
import { Charset, fakeToken, fakeUuid, inContexts } from "../fake.ts";
import { prefixed } from "./build.ts";

const obs = (
  id: string,
  description: string,
  prefix: string,
  body: string,
  sample: string,
  name: string,
): Detector =>
  prefixed({ id, category: "observability-token", description, prefix, body, sample, name });

const nearName = (
  id: string,
  category: Detector["category"],
  description: string,
  keywords: string[],
  pattern: RegExp,
  sample: string,
  names: [string, string, string],
): Detector => ({
  id,
  category,
  description,
  keywords,
  pattern,
  window: { before: 0, after: 120 },
  tier: 3,
  examples: {
    match: [
      `${names[0]}=${sample}`,
      `{"${names[1]}": "${sample}"}`,
      `${names[2]}: ${sample}\n`,
    ],
    ignore: [`${names[0]}=`, `${names[0]}=\${${names[0]}}`],
  },
});

/**
 * Vendor prefixes that mark a token by themselves (Supabase `sbp_`, Buildkite `bkua_`, Pinecone
 * `pcsk_`, SonarQube `squ_`, PlanetScale `pscale_tk_`, 1Password `ops_`, Tailscale `tskey-`,
 * Netlify `nfp_`, Contentful `CFPAT-`, Neon `napi_`, Render `rnd_`, Fly `fo1_`, Grafana Cloud
 * `glc_`, CircleCI `CCIPAT_`, Razorpay `rzp_live_`, Flutterwave `FLWSECK-`, Slack's rotating
 * `xoxe`, Tencent `AKID`, NVIDIA `nvapi-`, Cerebras `csk-`, OpenAI's and DeepSeek's bare `sk-` …).
 * The body must read as random, so `sk-spinner` or `task-runner-2` never match.
 */
const VENDOR_PREFIXES = [
  "sbp_",
  "sb_secret_",
  "sntrys_",
  "bkua_",
  "pcsk_",
  "squ_",
  "sqp_",
  "sqa_",
  "pscale_tk_",
  "pscale_tkn_",
  "pscale_pw_",
  "pscale_oauth_",
  "ops_eyJ",
  "tskey-auth-",
  "tskey-api-",
  "tskey-client-",
  "nfp_",
  "CFPAT-",
  "napi_",
  "rnd_",
  "fo1_",
  "glc_",
  "rdme_",
  "phx_",
  "CCIPAT_",
  "lin_oauth_",
  "glsoat-",
  "rzp_live_",
  "FLWSECK-",
  "xoxe.xox",
  "xoxe-",
  "y0_",
  "AKID",
  "nvapi-",
  "csk-",
  "fw_",
  "jina_",
  "HRKU-",
  "ntn_",
  "xkeysib-",
  "xsmtpsib-",
  "sk-",
];

/** SaaS and observability detectors. */
export const saasDetectors = (): Detector[] => [
  obs(
    "grafana-cloud-token",
    "Grafana Cloud access policy token (glc_)",
    "glc_",
    "[A-Za-z0-9+/]{32,400}={0,2}",
    fakeToken("glc", Charset.alnum, 80),
    "GRAFANA_CLOUD_TOKEN",
  ),
  obs(
    "grafana-service-account-token",
    "Grafana service account token (glsa_)",
    "glsa_",
    "[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}",
    `${fakeToken("glsa1", Charset.alnum, 32)}_${fakeToken("glsa2", Charset.hex, 8)}`,
    "GRAFANA_TOKEN",
  ),
  obs(
    "grafana-api-key",
    "Grafana legacy API key (eyJrIjoi…)",
    "eyJrIjoi",
    "[A-Za-z0-9+/]{40,400}={0,2}",
    fakeToken("grafana", Charset.alnum, 60),
    "GRAFANA_API_KEY",
  ),
  nearName(
    "datadog-api-key",
    "observability-token",
    "Datadog API or application key next to a datadog/dd name",
    [
      "datadog",
      "dd_api_key",
      "dd_app_key",
      "dd_application_key",
      "dd-api-key",
      "dd-application-key",
    ],
    /(?<![A-Za-z0-9])(?:[a-f0-9]{32}|[a-f0-9]{40})(?![A-Za-z0-9])/,
    fakeToken("dd", Charset.hex, 32),
    ["DD_API_KEY", "datadogApiKey", "datadog_app_key"],
  ),
  {
    id: "sentry-dsn",
    category: "observability-token",
    description: "Sentry DSN (public key in an ingest URL)",
    keywords: ["sentry.io", "ingest.sentry"],
    pattern: /https?:\/\/(?<secret>[a-f0-9]{32})(?::[a-f0-9]{32})?@[A-Za-z0-9.-]*sentry\.io\/\d+/,
    window: { before: 60, after: 40 },
    tier: 3,
    examples: {
      match: inContexts(
        "SENTRY_DSN",
        `https://${fakeToken("sentry", Charset.hex, 32)}@o12345.ingest.us.sentry.io/4501234`,
      ),
      ignore: ["https://sentry.io/organizations/demo/issues/"],
    },
  },
  obs(
    "sentry-org-token",
    "Sentry organisation auth token (sntrys_)",
    "sntrys_",
    "[A-Za-z0-9+/=_]{60,400}",
    fakeToken("sntrys", Charset.alnum, 120),
    "SENTRY_AUTH_TOKEN",
  ),
  obs(
    "sentry-user-token",
    "Sentry user auth token (sntryu_)",
    "sntryu_",
    "[a-f0-9]{64}",
    fakeToken("sntryu", Charset.hex, 64),
    "SENTRY_AUTH_TOKEN",
  ),
  obs(
    "newrelic-user-key",
    "New Relic user API key (NRAK-)",
    "NRAK-",
    "[A-Z0-9]{27}",
    fakeToken("nrak", Charset.upperAlnum, 27),
    "NEW_RELIC_API_KEY",
  ),
  obs(
    "newrelic-insert-key",
    "New Relic Insights insert key (NRII-)",
    "NRII-",
    "[A-Za-z0-9_-]{32}",
    fakeToken("nrii", Charset.base64url, 32),
    "NEW_RELIC_INSERT_KEY",
  ),
  obs(
    "newrelic-query-key",
    "New Relic Insights query key (NRIQ-)",
    "NRIQ-",
    "[A-Za-z0-9_-]{32}",
    fakeToken("nriq", Charset.base64url, 32),
    "NEW_RELIC_QUERY_KEY",
  ),
  obs(
    "newrelic-rest-key",
    "New Relic REST API key (NRRA-)",
    "NRRA-",
    "[a-f0-9]{42}",
    fakeToken("nrra", Charset.hex, 42),
    "NEW_RELIC_REST_KEY",
  ),
  obs(
    "newrelic-admin-key",
    "New Relic admin API key (NRAA-)",
    "NRAA-",
    "[a-f0-9]{27}",
    fakeToken("nraa", Charset.hex, 27),
    "NEW_RELIC_ADMIN_KEY",
  ),
  obs(
    "newrelic-browser-key",
    "New Relic browser API key (NRJS-)",
    "NRJS-",
    "[a-f0-9]{19}",
    fakeToken("nrjs", Charset.hex, 19),
    "NEW_RELIC_BROWSER_KEY",
  ),
  {
    id: "newrelic-license-key",
    category: "observability-token",
    description: "New Relic ingest licence key (40 characters ending NRAL)",
    keywords: ["nral"],
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{36}NRAL(?![A-Za-z0-9])/,
    window: { before: 38, after: 2 },
    tier: 3,
    examples: {
      match: inContexts("NEW_RELIC_LICENSE_KEY", `eu01xx${fakeToken("nral", Charset.hex, 30)}NRAL`),
      ignore: ["NRAL suffix marks licence keys"],
    },
  },
  obs(
    "pixie-api-key",
    "New Relic Pixie API key (px-api-)",
    "px-api-",
    "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
    fakeUuid("pxapi"),
    "PX_API_KEY",
  ),
  obs(
    "pixie-deploy-key",
    "New Relic Pixie deploy key (px-dep-)",
    "px-dep-",
    "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
    fakeUuid("pxdep"),
    "PX_DEPLOY_KEY",
  ),
  obs(
    "dynatrace-token",
    "Dynatrace API token (dt0c01.)",
    "dt0c01.",
    "[A-Z0-9]{24}\\.[A-Z0-9]{64}",
    `${fakeToken("dt1", Charset.upperAlnum, 24)}.${fakeToken("dt2", Charset.upperAlnum, 64)}`,
    "DT_API_TOKEN",
  ),
  obs(
    "honeycomb-ingest-key",
    "Honeycomb ingest key (hcaik_)",
    "hcaik_",
    "[A-Za-z0-9]{50,64}",
    fakeToken("hcaik", Charset.lowerAlnum, 58),
    "HONEYCOMB_API_KEY",
  ),
  {
    id: "okta-api-token",
    category: "saas-token",
    description: "Okta API token (00 + 40 characters next to an okta name, or SSWS header)",
    keywords: ["okta", "ssws "],
    pattern: /(?<![A-Za-z0-9_-])00[A-Za-z0-9_-]{40}(?![A-Za-z0-9_-])/,
    window: { before: 0, after: 120 },
    tier: 3,
    examples: {
      match: [
        `OKTA_API_TOKEN=00${fakeToken("okta1", Charset.base64url, 40)}`,
        `{"oktaApiToken": "00${fakeToken("okta2", Charset.base64url, 40)}"}`,
        `Authorization: SSWS 00${fakeToken("okta3", Charset.base64url, 40)}`,
      ],
      ignore: ["OKTA_ORG_URL=https://dev-000000.okta.com"],
    },
  },
  prefixed({
    id: "dropbox-token",
    category: "saas-token",
    description: "Dropbox short-lived access token (sl.)",
    prefix: "sl.",
    body: "(?:u\\.)?[A-Za-z0-9_-]{130,1400}",
    sample: fakeToken("dropbox", Charset.base64url, 140),
    name: "DROPBOX_ACCESS_TOKEN",
  }),
  {
    id: "twitch-stream-key",
    category: "saas-token",
    description: "Twitch stream key (live_<digits>_<30 characters>)",
    keywords: ["live_"],
    pattern: /(?<![A-Za-z0-9])live_\d{6,12}_[A-Za-z0-9]{30}(?![A-Za-z0-9])/,
    keep: 5,
    tier: 3,
    examples: {
      match: inContexts(
        "TWITCH_STREAM_KEY",
        `live_${fakeToken("tw1", Charset.digits, 9)}_${fakeToken("tw2", Charset.alnum, 30)}`,
      ),
      ignore: ["is_live_stream_enabled = true"],
    },
  },
  prefixed({
    id: "mapbox-secret-token",
    category: "saas-token",
    description: "Mapbox secret access token (sk.eyJ)",
    prefix: "sk.eyJ",
    body: "[A-Za-z0-9_-]{20,400}\\.[A-Za-z0-9_-]{20,100}",
    sample: `${fakeToken("mbx1", Charset.base64url, 60)}.${
      fakeToken("mbx2", Charset.base64url, 22)
    }`,
    name: "MAPBOX_SECRET_TOKEN",
  }),
  prefixed({
    id: "mapbox-temporary-token",
    category: "saas-token",
    description: "Mapbox temporary access token (tk.eyJ)",
    prefix: "tk.eyJ",
    body: "[A-Za-z0-9_-]{20,400}\\.[A-Za-z0-9_-]{20,100}",
    sample: `${fakeToken("mbt1", Charset.base64url, 60)}.${
      fakeToken("mbt2", Charset.base64url, 22)
    }`,
    name: "MAPBOX_TOKEN",
  }),
  prefixed({
    id: "segment-api-token",
    category: "saas-token",
    description: "Segment public API token (sgp_ + 64 characters)",
    prefix: "sgp_",
    body: "[A-Za-z0-9]{64}",
    sample: fakeToken("segment", Charset.alnum, 64),
    name: "SEGMENT_TOKEN",
  }),
  prefixed({
    id: "adafruit-io-key",
    category: "saas-token",
    description: "Adafruit IO key (aio_)",
    prefix: "aio_",
    body: "[A-Za-z0-9]{28}",
    sample: fakeToken("aio", Charset.alnum, 28),
    name: "ADAFRUIT_IO_KEY",
  }),
  prefixed({
    id: "adobe-client-secret",
    category: "saas-token",
    description: "Adobe OAuth client secret (p8e-)",
    prefix: "p8e-",
    body: "[A-Za-z0-9_-]{32}",
    sample: fakeToken("p8e", Charset.base64url, 32),
    name: "ADOBE_CLIENT_SECRET",
  }),
  prefixed({
    id: "frameio-token",
    category: "saas-token",
    description: "Frame.io developer token (fio-u-)",
    prefix: "fio-u-",
    body: "[A-Za-z0-9_=-]{64}",
    sample: fakeToken("fio", Charset.base64url, 64),
    name: "FRAMEIO_TOKEN",
  }),
  prefixed({
    id: "typeform-token",
    category: "saas-token",
    description: "Typeform personal token (tfp_)",
    prefix: "tfp_",
    body: "[A-Za-z0-9_.=-]{59}",
    sample: fakeToken("tfp", Charset.base64url, 59),
    name: "TYPEFORM_TOKEN",
  }),
  prefixed({
    id: "easypost-api-key",
    category: "saas-token",
    description: "EasyPost production API key (EZAK)",
    prefix: "EZAK",
    body: "[A-Za-z0-9]{54}",
    sample: fakeToken("ezak", Charset.alnum, 54),
    name: "EASYPOST_API_KEY",
  }),
  prefixed({
    id: "shippo-api-token",
    category: "saas-token",
    description: "Shippo live API token (shippo_live_)",
    prefix: "shippo_live_",
    body: "[a-f0-9]{40}",
    sample: fakeToken("shippo", Charset.hex, 40),
    name: "SHIPPO_API_TOKEN",
  }),
  prefixed({
    id: "prefect-api-key",
    category: "infra-token",
    description: "Prefect Cloud API key (pnu_)",
    prefix: "pnu_",
    body: "[A-Za-z0-9]{36}",
    sample: fakeToken("pnu", Charset.alnum, 36),
    name: "PREFECT_API_KEY",
  }),
  prefixed({
    id: "readme-api-key",
    category: "saas-token",
    description: "ReadMe API key (rdme_)",
    prefix: "rdme_",
    body: "[a-z0-9]{70}",
    sample: fakeToken("rdme", Charset.lowerAlnum, 70),
    name: "README_API_KEY",
  }),
  {
    id: "thingsboard-access-token",
    category: "saas-token",
    description: "ThingsBoard device access token in a device API URL",
    keywords: ["/api/v1/"],
    pattern:
      /\/api\/v1\/(?<secret>[A-Za-z0-9]{20})\/(?:telemetry|attributes|rpc|claim|provision|firmware|software)/,
    tier: 3,
    examples: {
      match: [
        `curl -X POST https://demo.thingsboard.io/api/v1/${
          fakeToken("tb1", Charset.lowerAlnum, 20)
        }/telemetry`,
        `{"url": "http://localhost:8080/api/v1/${
          fakeToken("tb2", Charset.lowerAlnum, 20)
        }/attributes"}`,
        `TB_URL=coap://tb.local/api/v1/${fakeToken("tb3", Charset.lowerAlnum, 20)}/rpc`,
      ],
      ignore: ["GET /api/v1/users/telemetry"],
    },
  },
  {
    id: "blynk-token",
    category: "saas-token",
    description: "Blynk device token in an external API URL",
    keywords: ["blynk"],
    pattern: /[?&]token=(?<secret>[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
    window: { before: 0, after: 120 },
    tier: 3,
    examples: {
      match: [
        `curl "https://blynk.cloud/external/api/get?token=${
          fakeToken("bl1", Charset.base64url, 32)
        }&V1"`,
        `{"url": "https://fra1.blynk.cloud/external/api/update?token=${
          fakeToken("bl2", Charset.base64url, 32)
        }&v2=1"}`,
        `BLYNK_URL=https://blynk.cloud/external/api/get?token=${
          fakeToken("bl3", Charset.base64url, 32)
        }`,
      ],
      ignore: ["https://blynk.cloud/external/api/get?token={TOKEN}"],
    },
  },
  {
    id: "vendor-prefixed-token",
    category: "saas-token",
    description:
      "A token behind a vendor prefix that marks it by itself (sbp_, bkua_, pcsk_, squ_, pscale_tk_, tskey-, nfp_, CFPAT-, napi_, sk- …)",
    keywords: VENDOR_PREFIXES.map((p) => p.toLowerCase()),
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9_.-])(?:${
        VENDOR_PREFIXES.map((p) => p.replace(/[.]/g, "\\.")).join("|")
      })(?<body>[A-Za-z0-9_.+/=-]{16,512})(?![A-Za-z0-9_.+/=-])`,
    ),
    tier: 3,
    refine: ({ match, start, end }) => {
      const body = match.groups?.body ?? "";
      if (!/\d/.test(body) || !/[A-Za-z]/.test(body)) return null;
      return looksRandom(body.replace(/[_.-]/g, ""), { minLength: 16, minEntropy: 3.3 })
        ? { start, end }
        : null;
    },
    examples: {
      match: [
        `SUPABASE_ACCESS_TOKEN=sbp_${fakeToken("vp1", Charset.hex, 40)}`,
        `{"tailscale": "tskey-auth-${fakeToken("vp2", Charset.alnum, 17)}-${
          fakeToken("vp3", Charset.alnum, 33)
        }"}`,
        `openai key sk-${fakeToken("vp4", Charset.alnum, 48)} in the log`,
      ],
      ignore: ['class="sk-spinner sk-spinner-wave"', "OPENAI_API_KEY=sk-...", "task-runner-2"],
    },
  },
  {
    id: "resend-api-key",
    category: "saas-token",
    description: "Resend API key (re_ + 8 characters + _ + 24 or more)",
    keywords: ["re_"],
    pattern: /(?<![A-Za-z0-9_.-])re_[A-Za-z0-9]{8}_[A-Za-z0-9]{20,40}(?![A-Za-z0-9_])/,
    tier: 3,
    refine: ({ text, start, end }) =>
      /\d/.test(text.slice(start, end)) && /[A-Z]/.test(text.slice(start, end))
        ? { start, end }
        : null,
    examples: {
      match: inContexts(
        "RESEND_API_KEY",
        `re_${fakeToken("rs1", Charset.alnum, 8)}_${fakeToken("rs2", Charset.alnum, 24)}`,
      ),
      ignore: ["re_compile_pattern_for_the_parser_stage", "pre_AbCdEfGh_1234567890abcdefghijkl"],
    },
  },
];
