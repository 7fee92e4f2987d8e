// Personal data: e-mail addresses, phone numbers, payment cards (Luhn), IPv4 and IPv6 addresses.
import { isIP } from "node:net";
import type { Detector } from "../detector.ts";
import { passesLuhn } from "../checks.ts";

const FILE_TLD =
  /^(?:png|jpe?g|gif|svg|webp|ico|js|mjs|cjs|ts|tsx|jsx|json|css|scss|html?|md|txt|map|lock|ya?ml|toml|xml|wasm|zip|gz|tgz|exe|dll|so|py|rb|go|rs|java|kt|swift|php|sh|vue|svelte|min)$/i;
const RESERVED_DOMAIN =
  /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local|users\.noreply\.github\.com)$/i;
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const HEX_COLON = /[0-9a-fA-F:]/;

/** Personal-data detectors (all switchable with `privacy.pii`; none run in gate mode). */
export const piiDetectors: Detector[] = [
  {
    id: "email",
    category: "pii-email",
    description: "E-mail address (reserved example/test domains are left alone)",
    keywords: ["@"],
    pattern:
      /@(?<domain>[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?){0,8}\.(?<tld>[A-Za-z]{2,24}))(?![A-Za-z0-9-]|\.[A-Za-z0-9])/,
    gate: false,
    tier: 1,
    refine: ({ text, match, start, end }) => {
      let from = start;
      const floor = Math.max(0, start - 64);
      while (from > floor && LOCAL_CHAR.test(text[from - 1]!)) from--;
      const local = text.slice(from, start);
      if (local.length === 0 || local.startsWith(".") || local.endsWith(".")) return null;
      if (/^(?:git|noreply|no-reply)$/i.test(local)) return null;
      // user:password@host inside a URL is a credential (url-credentials), not an address.
      let back = from;
      while (back > 0 && back > from - 300 && !/\s/.test(text[back - 1]!)) back--;
      if (text.slice(back, from).includes("://")) return null;
      if (FILE_TLD.test(match.groups?.tld ?? "")) return null;
      if (RESERVED_DOMAIN.test(match.groups?.domain ?? "")) return null;
      return { start: from, end };
    },
    examples: {
      match: [
        "AUTHOR_EMAIL=jane.doe@acme-corp.io",
        '{"contact": "ops+alerts@mail.acme-corp.co.uk"}',
        "2026-01-04 INFO sent reset link to j.smith@acme-corp.io",
      ],
      ignore: [
        "import x from '@types/node'",
        "icon@2x.png",
        "user@example.com",
        "git@github.com:org/repo.git",
      ],
    },
  },
  {
    id: "phone-international",
    category: "pii-phone",
    description: "Phone number in international format (+CC …)",
    keywords: ["+"],
    pattern: /(?<![\w+])\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?![\w])/,
    gate: false,
    tier: 1,
    refine: ({ text, start, end }) => {
      const digits = text.slice(start, end).replace(/\D/g, "");
      return digits.length >= 9 && digits.length <= 15 ? { start, end } : null;
    },
    examples: {
      match: [
        "SUPPORT_PHONE=+44 20 7946 0958",
        '{"phone": "+1-202-555-0143"}',
        "call me on +49 30 1234567 after six",
      ],
      ignore: ["const n = a +1;", "x = +12", "version +1.2.3"],
    },
  },
  {
    id: "phone-national",
    category: "pii-phone",
    description: "Phone number in national format next to a phone/tel/mobile name",
    keywords: ["phone", "tel:", "mobile", "cell", "fax"],
    pattern: /(?<![\w+])\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?!\d)/,
    window: { before: 0, after: 40 },
    gate: false,
    tier: 1,
    examples: {
      match: ["PHONE=(202) 555-0143", '{"mobile": "202.555.0143"}', "Office phone: 202-555-0143"],
      ignore: ["phone numbers are validated elsewhere", "phone_id = 20255501431234"],
    },
  },
  {
    id: "payment-card",
    category: "pii-card",
    description: "Payment card number (13–19 digits, known issuer prefix, passes Luhn)",
    keywords: [],
    pattern: /(?<![\w.-])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\w-]|\.\d)/,
    gate: false,
    tier: 1,
    refine: ({ text, start, end }) => {
      const raw = text.slice(start, end);
      const separators = new Set(raw.replace(/\d/g, ""));
      if (separators.size > 1) return null;
      const digits = raw.replace(/\D/g, "");
      if (digits.length < 13 || digits.length > 19) return null;
      if (!/^(?:4|5[1-5]|2[2-7]|3[47]|3[068]|35|6011|65|64[4-9]|62)/.test(digits)) return null;
      if (/^(\d)\1+$/.test(digits)) return null;
      return passesLuhn(digits) ? { start, end } : null;
    },
    examples: {
      match: [
        "CARD=4111 1111 1111 1111",
        '{"pan": "5555-5555-5555-4444"}',
        "charged card 378282246310005 twice",
      ],
      ignore: ["order 4111111111111112", "timestamp 1700000000000", "4111.1111.1111.1111"],
    },
  },
  {
    id: "ipv4",
    category: "pii-ip",
    description: "IPv4 address (loopback, unspecified and broadcast/netmask values are left alone)",
    keywords: [],
    pattern:
      /(?<![\w.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?!\w|\.\w)/,
    gate: false,
    tier: 1,
    refine: ({ text, start, end }) => {
      const ip = text.slice(start, end);
      if (/^(?:0\.|127\.|255\.|224\.0\.0\.)/.test(ip)) return null;
      // Documentation ranges (RFC 5737) are examples, like example.com.
      if (/^(?:192\.0\.2|198\.51\.100|203\.0\.113)\./.test(ip)) return null;
      // A CIDR range names a network, not a host.
      if (/^\/\d/.test(text.slice(end, end + 2))) return null;
      // Section numbers and OIDs (4.1.2.2, 2.5.29.14) have mostly one-digit parts.
      const octets = ip.split(".");
      if (octets.filter((o) => o.length === 1).length >= 3) return null;
      if (octets[0]!.length === 1 && octets[1]!.length === 1) return null;
      // A dotted four-part version string is far more common in code than an address.
      const before = text.slice(Math.max(0, start - 12), start);
      if (/(?:version|ver|v|section|§|oid|rfc)[\s:=@"'-]*$/i.test(before)) return null;
      // `v8@10.2.154.26`, `chromium@120.0.6099.56`: a package pinned to a four-part version.
      if (
        /(?:^|[^\w.-])(?:[\w.-]*\d|v8|node|chromium|chrome|electron|deno|bun|npm)@$/i.test(before)
      ) {
        return null;
      }
      return { start, end };
    },
    examples: {
      match: [
        "DB_HOST=10.20.30.40",
        '{"client_ip": "81.164.12.54"}',
        "GET /health from 172.217.22.14 took 4ms",
      ],
      ignore: [
        "listen 127.0.0.1:8080",
        "version 1.2.3.4",
        "0.0.0.0/0",
        "1.2.3",
        "see section 4.1.2.2",
        "10.0.0.0/8",
        "192.0.2.44",
        "host 10.10.10.10.example.com",
        "v8@10.2.154.26",
      ],
    },
  },
  {
    id: "ipv6",
    category: "pii-ip",
    description: "IPv6 address (loopback and unspecified are left alone)",
    keywords: [],
    // Anchored on the literal ":" (every address with three or more groups has ":hex:" or
    // "::"), then widened to the whole address: far cheaper than trying every hex digit.
    pattern: /:[0-9a-fA-F]{0,4}:/,
    gate: false,
    tier: 1,
    refine: ({ text, start: hit, end: hitEnd }) => {
      let start = hit;
      let end = hitEnd;
      while (start > 0 && hit - start < 40 && HEX_COLON.test(text[start - 1]!)) start--;
      while (end < text.length && end - hitEnd < 40 && HEX_COLON.test(text[end]!)) end++;
      if (start > 0 && /[\w.:]/.test(text[start - 1]!)) return null;
      if (end < text.length && /[\w]/.test(text[end]!)) return null;
      const ip = text.slice(start, end);
      if (isIP(ip) !== 6 || /^[0:]*1?$/.test(ip)) return null; // ::, ::1 and their long forms
      // Networks (CIDR), documentation, multicast, link-local and NAT64 prefixes are not hosts.
      if (/^\/\d/.test(text.slice(end, end + 2))) return null;
      if (/^(?:2001:0?db8:|ff[0-9a-f]{2}:|fe80:|64:ff9b:)/i.test(ip)) return null;
      // Require either "::" or all eight groups, enough groups and a digit: rules out a:b:c words.
      const groups = ip.split(":");
      if (!ip.includes("::") && groups.length !== 8) return null;
      if (!/\d/.test(ip) || groups.filter(Boolean).length < 4) return null;
      return { start, end };
    },
    examples: {
      match: [
        "HOST=2a01:4f8:85a3::8a2e:370:7334",
        '{"ip": "2a02:1810:1ff:fe23:4567:890a::1"}',
        "peer 2a00:1450:4001:0829:0000:0000:0000:200e connected",
      ],
      ignore: [
        "::1",
        "time 12:30:45",
        "a:b:c:d",
        "http://[0:0:0:0:0:0:0:1]/",
        "2001:db8::1",
        "fe80::1ff:fe23:4567:890a",
        "2002::/16",
      ],
    },
  },
];
