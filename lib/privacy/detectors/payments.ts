// Payment and commerce providers: Stripe, Square, Braintree, Shopify, Plaid, Coinbase …
import type { Detector } from "../detector.ts";
import { Charset, fakeToken } from "../fake.ts";
import { prefixed } from "./build.ts";

const stripe = (id: string, prefix: string, what: string): Detector =>
  prefixed({
    id,
    category: "payment-key",
    description: `Stripe ${what} (${prefix})`,
    prefix,
    body: "[A-Za-z0-9]{24,247}",
    sample: fakeToken(id, Charset.alnum, 99),
    name: "STRIPE_SECRET_KEY",
    after: "A-Za-z0-9_",
  });

const shopify = (id: string, prefix: string, what: string): Detector =>
  prefixed({
    id,
    category: "payment-key",
    description: `Shopify ${what} (${prefix})`,
    prefix,
    body: "[a-fA-F0-9]{32}",
    sample: fakeToken(id, Charset.hex, 32),
    name: "SHOPIFY_ACCESS_TOKEN",
  });

/** Payment detectors. */
export const paymentDetectors = (): Detector[] => [
  stripe("stripe-secret-key", "sk_live_", "live secret key"),
  stripe("stripe-test-key", "sk_test_", "test secret key"),
  stripe("stripe-restricted-key", "rk_live_", "live restricted key"),
  stripe("stripe-restricted-test-key", "rk_test_", "test restricted key"),
  prefixed({
    id: "stripe-webhook-secret",
    category: "payment-key",
    description: "Stripe webhook signing secret (whsec_)",
    prefix: "whsec_",
    body: "[A-Za-z0-9+/=]{32,64}",
    sample: fakeToken("whsec", Charset.alnum, 32),
    name: "STRIPE_WEBHOOK_SECRET",
  }),
  prefixed({
    id: "square-access-token",
    category: "payment-key",
    description: "Square access token (sq0atp-)",
    prefix: "sq0atp-",
    body: "[A-Za-z0-9_-]{22}",
    sample: fakeToken("sq0atp", Charset.base64url, 22),
    name: "SQUARE_ACCESS_TOKEN",
  }),
  prefixed({
    id: "square-oauth-secret",
    category: "payment-key",
    description: "Square OAuth application secret (sq0csp-)",
    prefix: "sq0csp-",
    body: "[A-Za-z0-9_-]{43}",
    sample: fakeToken("sq0csp", Charset.base64url, 43),
    name: "SQUARE_APP_SECRET",
  }),
  prefixed({
    id: "square-production-token",
    category: "payment-key",
    description: "Square production access token (EAAA + 60 characters)",
    prefix: "EAAA",
    body: "[A-Za-z0-9_+-]{60}",
    sample: fakeToken("eaaa", Charset.base64url, 60),
    name: "SQUARE_ACCESS_TOKEN",
  }),
  prefixed({
    id: "braintree-access-token",
    category: "payment-key",
    description: "Braintree / PayPal production access token",
    prefix: "access_token$production$",
    body: "[a-z0-9]{16}\\$[a-f0-9]{32}",
    sample: `${fakeToken("bt1", Charset.lowerAlnum, 16)}$${fakeToken("bt2", Charset.hex, 32)}`,
    name: "BRAINTREE_ACCESS_TOKEN",
    keep: 16,
  }),
  shopify("shopify-access-token", "shpat_", "custom-app access token"),
  shopify("shopify-public-app-token", "shpca_", "public-app access token"),
  shopify("shopify-private-app-token", "shppa_", "legacy private-app access token"),
  shopify("shopify-app-secret", "shpss_", "app shared secret"),
  {
    id: "plaid-access-token",
    category: "payment-key",
    description: "Plaid access token (access-sandbox|development|production-uuid)",
    keywords: ["access-production-", "access-development-", "access-sandbox-"],
    pattern:
      /access-(?:production|development|sandbox)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keep: 7,
    tier: 3,
    examples: {
      match: [
        `PLAID_ACCESS_TOKEN=access-production-${fakeToken("pl1", Charset.hex, 8)}-${
          fakeToken("pl2", Charset.hex, 4)
        }-4abc-8def-${fakeToken("pl3", Charset.hex, 12)}`,
        `{"access_token": "access-sandbox-${fakeToken("pl4", Charset.hex, 8)}-1234-4abc-8def-${
          fakeToken("pl5", Charset.hex, 12)
        }"}`,
        `plaid.get(token="access-development-${fakeToken("pl6", Charset.hex, 8)}-1234-4abc-8def-${
          fakeToken("pl7", Charset.hex, 12)
        }")`,
      ],
      ignore: ["access-production-ready checklist"],
    },
  },
  prefixed({
    id: "facebook-access-token",
    category: "saas-token",
    description: "Facebook / Meta Graph API access token (EAACEdEose0cBA, EAAG…)",
    prefix: "EAA",
    body: "(?:CEdEose0cBA|[A-Z])[A-Za-z0-9]{90,400}",
    sample: "CEdEose0cBA" + fakeToken("fb", Charset.alnum, 140),
    name: "FACEBOOK_ACCESS_TOKEN",
  }),
  {
    id: "salesforce-access-token",
    category: "saas-token",
    description: "Salesforce session / access token (00D…!…)",
    keywords: ["00d"],
    pattern: /(?<![A-Za-z0-9])00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,255}/,
    keep: 3,
    tier: 3,
    examples: {
      match: inContextsBang(),
      ignore: ["00Dx0000000ABCD is an org id"],
    },
  },
];

function inContextsBang(): string[] {
  const token = `00D${fakeToken("sf1", Charset.alnum, 12)}!${fakeToken("sf2", Charset.alnum, 96)}`;
  return [
    `SF_ACCESS_TOKEN=${token}`,
    `{"access_token": "${token}"}`,
    `sf org display: Access Token ${token}`,
  ];
}
