// Personal identifiers with checksums: IBANs (mod-97, anywhere), and national numbers near a
// word that names them (US SSN, FR NIR, NL BSN, ES DNI/NIE, BR CPF, IN Aadhaar, TR kimlik no), and
// passport numbers right after a passport word.
import type { Detector, MatchContext } from "../detector.ts";
import {
  IBAN_LENGTHS,
  isExampleIban,
  lineBefore,
  passesBsn,
  passesCpf,
  passesDni,
  passesIban,
  passesNir,
  passesTcKimlik,
  passesVerhoeff,
  plausibleSsn,
} from "../checks.ts";
import {
  Charset,
  fakeAadhaar,
  fakeBsn,
  fakeCpf,
  fakeDni,
  fakeIban,
  fakeNir,
  fakeSsn,
  fakeTcKimlik,
  fakeToken,
} from "../fake.ts";

/** The IBAN at the start of a match, cut to its country's length (spaces allowed). */
function iban({ text, start, end }: MatchContext): { start: number; end: number } | null {
  const length = IBAN_LENGTHS[text.slice(start, start + 2)];
  if (length === undefined) return null;
  let seen = 0;
  let stop = start;
  while (stop < end && seen < length) {
    if (text[stop] !== " ") seen++;
    stop++;
  }
  if (seen !== length || /[A-Za-z0-9]/.test(text[stop] ?? "")) return null;
  const value = text.slice(start, stop);
  return passesIban(value) && !isExampleIban(value) ? { start, end: stop } : null;
}

const checked = (check: (value: string) => boolean) => ({ text, start, end }: MatchContext) =>
  check(text.slice(start, end).replace(/[\s.-]/g, "")) ? { start, end } : null;

const spaced = (value: string) => value.replace(/(.{4})(?!$)/g, "$1 ");
const dotted = (cpf: string) =>
  `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;

/** National-identifier detectors (category pii-id, IBAN pii-iban). */
export const nationalIdDetectors = (): Detector[] => [
  {
    id: "iban",
    category: "pii-iban",
    description: "International bank account number (known country length, mod-97 checksum)",
    keywords: [],
    pattern: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])/,
    gate: false,
    tier: 1,
    refine: iban,
    examples: {
      match: [
        `IBAN: ${fakeIban("ib1", "DE", 22)}`,
        `{"iban": "${spaced(fakeIban("ib2", "FR", 27))}"}`,
        `Please wire the deposit to ${fakeIban("ib3", "NL", 18)} before Friday`,
      ],
      ignore: ["NL91ABNA0417164301 is invalid", "AB12 CDEF GHIJ KLMN OP", "DE1234"],
    },
  },
  {
    id: "us-ssn",
    category: "pii-id",
    description: "US social security number near SSN / social security",
    keywords: [
      "ssn",
      "social security",
      "social-security",
      "social_security",
      "ss#",
      "ss #",
      "soc. sec",
      "soc sec",
      "taxid",
      "tax_id",
      "tax id",
      "taxpayer",
      "social",
    ],
    pattern: /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])|(?<!\d)\d{9}(?!\d)/,
    window: { before: 0, after: 80 },
    gate: false,
    tier: 1,
    refine: ({ text, start, end }) => {
      // "Her social is 123-45-6789": the bare word "social" only before the dashed form, close by.
      const lead = text.slice(Math.max(0, start - 80), start).toLowerCase();
      if (
        !/ssn|ss ?#|soc(?:\.|ial)?[ _-]?sec|tax/.test(lead) &&
        (!/\bsocial\b[^\d\r\n]{0,16}$/.test(lead) ||
          !/^\d{3}-\d{2}-\d{4}$/.test(text.slice(start, end)))
      ) {
        return null;
      }
      const v = text.slice(start, end).replaceAll(" ", "-");
      return plausibleSsn(v.length === 9 ? `${v.slice(0, 3)}-${v.slice(3, 5)}-${v.slice(5)}` : v)
        ? { start, end }
        : null;
    },
    examples: {
      match: [
        `Employee SSN: ${fakeSsn("ss1")}`,
        `{"name": "Dana Whitfield", "ssn": "${fakeSsn("ss2")}"}`,
        `Her social security number is ${fakeSsn("ss3")}.`,
        `SSN ${fakeSsn("ss4").replaceAll("-", " ")} (soc. sec. card)`,
        `Her social is ${fakeSsn("ss5")}, please add it to the request`,
      ],
      ignore: [
        "SSN: 000-12-3456",
        "ssn 123-45-6789 is the sample in every form",
        "social media campaign 2026 reached 412345678 views",
      ],
    },
  },
  {
    id: "fr-nir",
    category: "pii-id",
    description: "French social security number (NIR, 15 digits with its key) near NIR / sécu",
    // Payslips write "N° SS" / "No SS" for the number.
    keywords: [
      "nir",
      "securite sociale",
      "secu",
      "insee",
      "carte vitale",
      "n° ss",
      "n°ss",
      "no ss",
    ],
    pattern:
      /(?<!\d)[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}(?!\d)/,
    window: { before: 0, after: 80 },
    gate: false,
    tier: 1,
    refine: checked(passesNir),
    examples: {
      match: [
        `Numéro de sécurité sociale : ${fakeNir("nir1")}`,
        `{"nir": "${fakeNir("nir2")}"}`,
        `Salarié : C. Roux\nN° SS : ${fakeNir("nir4")}`,
        `NIR ${
          fakeNir("nir3").replace(
            /^(\d)(\d\d)(\d\d)(\d\d)(\d{3})(\d{3})(\d\d)$/,
            "$1 $2 $3 $4 $5 $6 $7",
          )
        } transmis`,
      ],
      ignore: ["NIR 255081416802539 (bad key)"],
    },
  },
  {
    id: "nl-bsn",
    category: "pii-id",
    description: "Dutch citizen service number (BSN, eleven test) near BSN / burgerservicenummer",
    keywords: ["bsn", "burgerservicenummer", "sofinummer"],
    pattern: /(?<![\d.])(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?!\d|\.\d)/,
    window: { before: 0, after: 80 },
    gate: false,
    tier: 1,
    refine: checked(passesBsn),
    examples: {
      match: [
        `BSN: ${fakeBsn("bsn1")}`,
        `{"burgerservicenummer": "${fakeBsn("bsn2")}"}`,
        `Het burgerservicenummer van de klant is ${fakeBsn("bsn3")}`,
        `Mijn burgerservicenummer is ${fakeBsn("bsn4")}.`,
      ],
      ignore: ["BSN: 123456789"],
    },
  },
  {
    id: "es-dni",
    category: "pii-id",
    description: "Spanish DNI / NIE with its control letter near DNI / NIF / NIE",
    keywords: [
      "dni",
      "nif:",
      "nif ",
      "nif\n",
      ";nif",
      ",nif",
      "nie:",
      "nie ",
      "documento nacional",
    ],
    pattern: /(?<![A-Za-z0-9])(?:\d{8}|[XYZ]\d{7})-?[A-Z](?![A-Za-z0-9])/,
    window: { before: 0, after: 80 },
    gate: false,
    tier: 1,
    refine: checked(passesDni),
    examples: {
      match: [
        `DNI: ${fakeDni("dni1")}`,
        `{"dni": "${fakeDni("dni2")}", "nombre": "Lucía"}`,
        `El cliente con DNI ${fakeDni("dni3")} pidió la baja`,
      ],
      ignore: ["DNI: 12345678A"],
    },
  },
  {
    id: "br-cpf",
    category: "pii-id",
    description: "Brazilian CPF with its check digits near CPF",
    keywords: ["cpf"],
    pattern: /(?<![\d.])\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?!\d|[.-]\d)/,
    window: { before: 0, after: 80 },
    gate: false,
    tier: 1,
    refine: checked(passesCpf),
    examples: {
      match: [
        `CPF: ${dotted(fakeCpf("cpf1"))}`,
        `{"cpf": "${fakeCpf("cpf2")}"}`,
        `O cliente de CPF ${dotted(fakeCpf("cpf3"))} solicitou reembolso`,
      ],
      ignore: ["CPF: 111.111.111-11", "CPF: 123.456.789-00"],
    },
  },
  {
    id: "in-aadhaar",
    category: "pii-id",
    description: "Indian Aadhaar number (12 digits, Verhoeff checksum) near Aadhaar / UIDAI",
    keywords: ["aadhaar", "aadhar", "uidai", "आधार"],
    pattern: /(?<!\d)[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}(?!\d)/,
    window: { before: 0, after: 80 },
    gate: false,
    tier: 1,
    refine: checked(passesVerhoeff),
    examples: {
      match: [
        `Aadhaar: ${spaced(fakeAadhaar("aa1"))}`,
        `{"aadhaar_number": "${fakeAadhaar("aa2")}"}`,
        `KYC done with Aadhaar no. ${spaced(fakeAadhaar("aa3"))}`,
      ],
      ignore: ["Aadhaar: 1234 5678 9012"],
    },
  },
  {
    id: "tr-kimlik",
    category: "pii-id",
    description: "Turkish identity number (TC kimlik no, two check digits) near kimlik / TCKN",
    keywords: ["kimlik", "tckn", "tc no", "t.c. no"],
    pattern: /(?<!\d)[1-9]\d{10}(?!\d)/,
    window: { before: 0, after: 80 },
    gate: false,
    tier: 1,
    // The check digits when they hold; else an 11-digit number right after the word (a typed
    // or masked-out example is as personal as a valid one).
    refine: (ctx) => {
      const value = ctx.text.slice(ctx.start, ctx.end);
      if (passesTcKimlik(value)) return { start: ctx.start, end: ctx.end };
      const before = lineBefore(ctx.text, ctx.start);
      return /(?:kimlik|tckn|t\.?c\.? no)[^\d\r\n]{0,32}$/i.test(before) && !/^(\d)\1+$/.test(value)
        ? { start: ctx.start, end: ctx.end }
        : null;
    },
    examples: {
      match: [
        `TC kimlik no: ${fakeTcKimlik("tc1")}`,
        `{"tckn": "${fakeTcKimlik("tc2")}"}`,
        `Müşterinin TC kimlik numarası ${fakeTcKimlik("tc3")}, doğrulandı`,
      ],
      ignore: ["TC kimlik no: 11111111111", "kimlik doğrulama servisi, istek 1700000000123 ms"],
    },
  },
  {
    id: "passport-number",
    category: "pii-id",
    description:
      "Passport number (6–9 capital letters and digits) right after a passport word in seven languages",
    keywords: [
      "passport",
      "passeport",
      "reisepass",
      "pasaporte",
      "passaporto",
      "paspoort",
      "passaporte",
    ],
    pattern: /(?<![\w-])(?=[A-Z0-9]{0,8}\d)[A-Z0-9]{6,9}(?![\w-])/,
    window: { before: 0, after: 48 },
    gate: false,
    tier: 1,
    refine: ({ text, start, end }) => {
      const value = text.slice(start, end);
      // Nine digits (US, UK) or letters with at least five digits (NK3819402, 09AA12345).
      const digits = value.replace(/\D/g, "").length;
      if (!(digits === 9 || (digits >= 5 && digits < value.length))) return null;
      // Only the passport word and a number word between: `passport no. X`, `Reisepass-Nr.: X`.
      const before = lineBefore(text, start);
      const NUMBER_WORDS =
        /(?:passport|passeport|reisepass|pasaporte|passaporto|paspoort|passaporte)(?:[ \t_-]?(?:no\.?|nr\.?|n°|n[uú]m(?:ero|ber)?\.?|number|nummer|#|id))?["']?[ \t]*[:=]?[ \t]*["']?$/i;
      return NUMBER_WORDS.test(before) ? { start, end } : null;
    },
    examples: {
      match: [
        `passport no. XK${fakeToken("pp1", Charset.digits, 7)}`,
        `{"passport_number": "${fakeToken("pp2", Charset.digits, 9)}"}`,
        `Reisepass-Nr.: C${fakeToken("pp3", Charset.digits, 8)}`,
      ],
      ignore: [
        "passport.authenticate('local')",
        "passport version 0.7.0",
        "passport: OAUTH2 strategy",
      ],
    },
  },
];
