// Personal data: e-mail addresses, phone numbers, payment cards (Luhn), IPv4 and IPv6 addresses.
import type { Detector } from "../detector.ts";
import { isIPv6, isTestCard, lineBefore, passesLuhn } from "../checks.ts";
import { lazy, settle } from "../lazy.ts";
import { fakeCard } from "../fake.ts";

const FILE_TLD =
  /^(?:png|jpe?g|gif|svg|webp|ico|js|mjs|cjs|ts|tsx|jsx|json|css|scss|html?|md|txt|map|lock|ya?ml|toml|xml|wasm|zip|gz|tgz|exe|dll|so|py|rb|go|rs|java|kt|swift|php|sh|vue|svelte|min)$/i;
// Also machine identities written as addresses (Google Cloud service accounts): not a person.
const RESERVED_DOMAIN =
  /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local|users\.noreply\.github\.com|gserviceaccount\.com)$/i;
// Patterns with \p classes are built on first use (lazy, settle): the edit-time gate runs none.
const LOCAL_CHAR = lazy(() => /[\p{L}\p{M}\p{N}._%+-]/u);
const DOMAIN = String
  .raw`(?<domain>[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?){0,8}\.(?<tld>\p{L}{2,24}))(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])`;
const EMAIL_DOMAIN_AT = lazy(() => new RegExp("@" + DOMAIN, "u"));
const EMAIL_DOMAIN_ENCODED = lazy(() => new RegExp("%40" + DOMAIN, "iu"));

/** The local part before `at` (the `@` or `%40`), or null when there is none. */
function localPart(text: string, at: number): number | null {
  let from = at;
  const floor = Math.max(0, at - 64);
  while (from > floor && LOCAL_CHAR().test(text[from - 1]!)) from--;
  const local = text.slice(from, at);
  if (local.length === 0 || local.startsWith(".") || local.endsWith(".")) return null;
  return from;
}
const HEX_COLON = /[0-9a-fA-F:]/;

/** One comma-separated part after a street: a town, a region code, a postcode or a mix. */
const PLACE_PART = lazy(() =>
  /^,[ \t]{0,4}(?:(?:[A-Z]{1,2}-)?(?:\d{2}-\d{3}|\d{3}[ \t]\d{2}|\d{4,6}(?:-\d{3,4})?)[ \t]{1,4})?\p{Lu}[\p{L}'.-]*(?:[ \t]{1,4}[\p{Lu}\d][\p{L}\d'.-]*){0,3}|^,[ \t]{0,4}(?:\d{2}-\d{3}|\d{4,6}(?:-\d{3,4})?)(?![\p{L}\p{N}])/u
);

/** A unit after the street ("Suite 1900", "Apt 3B", ", Flat 2"). */
const UNIT =
  /^,?[ \t]{1,4}(?:(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Flat|Floor|Fl\.?|#|Piso|Planta|Puerta|Escalera|Esc\.|App\.?|Appartement|Bus|Stiege|Top|Scala|Interno|Int\.)[ \t]?#?\w{1,6}|\d{1,2}[ºª°](?:[ \t]?[A-Za-z]{1,4}\b)?)/;

/** Where an address ends: the street plus up to three parts (", Springfield, OR 97403"). */
function placeTail(text: string, end: number): number {
  let at = end;
  // A compass point after the street type (`221 Wellington St W`).
  const direction = /^[ \t](?:N|S|E|W|NE|NW|SE|SW)(?![\p{L}\p{N}])/u.exec(text.slice(at, at + 4));
  if (direction) at += direction[0].length;
  const unit = UNIT.exec(text.slice(at, at + 24));
  if (unit) at += unit[0].length;
  for (let part = 0; part < 3; part++) {
    const m = PLACE_PART().exec(text.slice(at, at + 64));
    if (!m) break;
    at += m[0].length;
  }
  return at;
}

/** A number word that names a business record, not a line (invoice, order, customer …). */
const BUSINESS_NUMBER =
  /(?:rechnungs|kunden|bestell|auftrags|artikel|vertrags|sendungs|serien|konto|invoice|order|ticket|case|customer|account|tracking|serial|reference|referenz|factura|facture|fattura|pedido|commande|bestel|factuur|klant|dossier|policy|claim|booking|reservation)[\s_-]?(?:nummer|number|num|no\.?|nr\.?|numero|número|numéro|#|id)?\s*(?:is|ist|est|es|:)?\s*$/;
/** A word that makes a number a phone number anyway. */
const PHONE_WORD = /phone|tel[.:\s]|telef|mobil|handy|fax|cell|whatsapp|ruf/;

/** A table header naming a date of birth. */
const BIRTH_COLUMN =
  /^["'`*]*(?:dob|d\.o\.b\.?|date[ _]?of[ _]?birth|birth[ _]?date|birthday|geburtsdatum|date[ _]de[ _]naissance|date_naissance|fecha[ _]de[ _]nacimiento|fecha_nacimiento|data[ _]di[ _]nascita|data[ _]de[ _]nascimento|geboortedatum)["'`*]*$/i;

/** The first letters of a month's name in the languages the birth words are in. */
const MONTH =
  /^(?:jan|feb|f[ée]v|m[äa]r|apr|avr|abr|kwi|ma[iy]|mei|mag|maj|jun|juin|giu|jul|juil|lug|aug|ao[ûu]|ago|sep|set|s[ie]p|oct|okt|ott|out|pa[źz]|nov|lis|dec|dez|d[ée]c|dic|gru|sty|lut|cze|lip|wrz|enero|janv|febr|marz|m[äa]rz|maart|junio|julio|luglio|giugno)/i;

/** Personal-data detectors (all switchable with `privacy.pii`; none run in gate mode). */
export const piiDetectors = (): Detector[] => [
  {
    id: "email",
    category: "pii-email",
    description: "E-mail address (reserved example/test domains are left alone)",
    keywords: ["@"],
    // Internationalised domains and local parts (josé@société.fr) are addresses too.
    get pattern() {
      return settle(this, "pattern", EMAIL_DOMAIN_AT());
    },
    gate: false,
    tier: 1,
    refine: ({ text, match, start, end }) => {
      const from = localPart(text, start);
      if (from === null) return null;
      if (/^(?:git|noreply|no-reply)$/i.test(text.slice(from, start))) return null;
      // user:password@host inside a URL is a credential (url-credentials), not an address.
      let back = from;
      while (back > 0 && back > from - 300 && !/\s/.test(text[back - 1]!)) back--;
      // An address in the path or query (`/contacts/lena@mail.test/edit`) is one, though.
      const url = text.slice(back, from);
      const scheme = url.indexOf("://");
      if (scheme !== -1 && !/[/?#=]/.test(url.slice(scheme + 3))) return null;
      if (FILE_TLD.test(match.groups?.tld ?? "")) return null;
      if (RESERVED_DOMAIN.test(match.groups?.domain ?? "")) return null;
      return { start: from, end };
    },
    examples: {
      match: [
        "AUTHOR_EMAIL=jane.doe@acme-corp.io",
        '{"contact": "ops+alerts@mail.acme-corp.co.uk"}',
        "2026-01-04 INFO sent reset link to j.smith@acme-corp.io",
        "https://crm.acme-corp.io/contacts/lena.fischer@posteo.de/edit",
      ],
      ignore: [
        "import x from '@types/node'",
        "icon@2x.png",
        "user@example.com",
        "git@github.com:org/repo.git",
        "serviceAccount: deployer@acme-prod-381212.iam.gserviceaccount.com",
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
      if (/^1555/.test(digits)) return null; // NANP area code 555 is never a real line
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
    description:
      "Phone number in national or international format next to a phone word (12 languages)",
    // Whole words only where a short keyword hides in common code words (cancel, hotel, intel).
    keywords: [
      "phone",
      "tel:",
      "tel.",
      "tel ",
      "mobile",
      "cell:",
      "cell ",
      "cell.",
      "mobil",
      "contact number",
      "contact no",
      "ph:",
      "ph.",
      "mob:",
      "mob.",
      "tlf",
      "puhelin",
      "telepon",
      "dien thoai",
      "numer tel",
      "телефон",
      "тел.",
      "τηλ",
      "电话",
      "電話",
      "携帯",
      "手机",
      "연락처",
      "전화",
      "휴대폰",
      "cellphone",
      "fax",
      "handy",
      "telefon",
      "telefono",
      "telephone",
      "movil",
      "celular",
      "cellulare",
      "telefoon",
      "portable",
      "whatsapp",
      "call me",
      "reach me",
      "text me",
      "joignable",
      "appelez",
      "llamame",
      "llama al",
      "ligue",
      "chiamami",
      "anrufen",
      "my number",
      "erreichbar",
      "number is",
      "ph ",
      "mob ",
      "sms ",
      "landline",
      "numero",
      "nummer",
      "номер",
      "tfn",
      "mobiel",
      "komorka",
      "cep:",
      "ruf mich",
      "appelle",
      "msisdn",
      "nomor hp",
      "no hp",
      "no. hp",
      "טלפון",
      "هاتف",
      "جوال",
      "موبايل",
      "मोबाइल",
      "फोन",
      "फ़ोन",
      "โทร",
      "please call",
      "call us",
      "ring me",
      "contact:",
      "contacto",
      "contato",
      "kontakt",
      "fon:",
      "fon ",
      // Verbs: call me back on, reach me at (FR, DE, ES, IT, PT, NL, PL).
      "rappel",
      "appeler",
      "joindre",
      "ruckruf",
      "zuruckrufen",
      "llamar",
      "chiamar",
      "richiam",
      "ligar",
      "bellen",
      "bel me",
      "zadzwon",
    ],
    // Groups are separated by exactly one separator, so a digit run has one reading (no
    // backtracking blow-up); the first group may hold the whole national number.
    pattern:
      /(?<![\w+./-])(?:(?:\+|00)\d{1,3}[ .-]?)?(?:\(0?\d{1,4}\)[ .-]?)?\d{1,12}(?:[ .\/-]\d{1,8}){0,6}(?!\w|\.\w|-\d)/,
    window: { before: 0, after: 48 },
    gate: false,
    tier: 1,
    refine: ({ text, start, end }) => {
      const raw = text.slice(start, end);
      const digits = raw.replace(/\D/g, "");
      if (digits.length < 8 || digits.length > 15) return null;
      if (/^1?555/.test(digits)) return null; // NANP area code 555 is never a real line
      // Dates, times, versions and dotted addresses are not phone numbers.
      if (/^\d{4}[-./]\d\d[-./]\d\d(?!\d)|^\d\d[-./]\d\d[-./]\d{4}$/.test(raw)) return null;
      if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(raw)) return null;
      // A decimal or a build number (`20261120.4`), not a phone.
      if (/^\d+[.,]\d{1,3}$/.test(raw)) return null;
      // An invoice, order or customer number ("Rechnungsnummer 2026-004417"), not a phone.
      const lead = text.slice(Math.max(0, start - 40), start).toLowerCase();
      if (BUSINESS_NUMBER.test(lead) && !PHONE_WORD.test(lead)) return null;
      return { start, end };
    },
    examples: {
      match: [
        "PHONE=(202) 555-0143",
        '{"mobile": "202.555.0143"}',
        "Office phone: 202-555-0143",
        "Téléphone : 06 12 34 56 78",
        "Handy: 0151 23456789",
        "Telefone: (11) 91234-5678",
        "Le client demande à être rappelé au 06 12 48 93 75.",
        "contacto: 11 4321-8765",
        "Fon: 0221 9876543",
        "Tel: 0049-30-44172290",
        "טלפון: 052-123-4567",
        '"msisdn": "447911123456"',
      ],
      ignore: [
        "phone numbers are validated elsewhere",
        "phone_id = 20255501431234567",
        "telemetry since 2026-03-01",
        "mobile layout v1.2.3.4",
        "Contact: see CONTRIBUTING.md, build 20261120.4 shipped",
        "Rechnungsnummer 2026-004417 vom 20.11.2026",
        "order number is 4410-2291-8835",
        "Mozilla/5.0 (Mobile; LYF/F300B/LYF-F300B-001-01-15-130718-i;Android)",
      ],
    },
  },
  {
    id: "date-of-birth",
    category: "pii-id",
    description:
      "A date of birth right after a birth word (date of birth, DOB, born on, Geburtsdatum, date de naissance … in 12 languages)",
    keywords: [
      "date of birth",
      "date_of_birth",
      "dateofbirth",
      "birth date",
      "birth_date",
      "birthdate",
      "birthday",
      "dob",
      "d.o.b",
      "born",
      "geboren",
      "geburtsdatum",
      "geb.",
      "date de naissance",
      "ne le",
      "nee le",
      "fecha de nacimiento",
      "fecha_nacimiento",
      "nacido el",
      "nacida el",
      "data di nascita",
      "nato il",
      "nata il",
      "data de nascimento",
      "nascido em",
      "nascida em",
      "geboortedatum",
      "data urodzenia",
      "urodzon",
      "fodelsedatum",
      // Swedish, Danish and Norwegian "born" (född, født, fødd).
      "fodd ",
      "fodt ",
      "fodselsdato",
      "syntymaaika",
      "生年月日",
      "出生日期",
      "생년월일",
      "дата рождения",
    ],
    // Sticky at the birth word (whole word), a few separators, then the date in one of the
    // forms people write: ISO, day-month-year or month/day/year with / . -, a month's name,
    // or CJK's 年月日.
    pattern:
      /(?<![A-Za-z\u00C0-\u024F])(?:date[ _]?of[ _]?birth|birth[ _]?date|birthday|d\.?o\.?b\.?|born(?:[ \t]on)?|geboren(?:[ \t](?:am|op))?|geburtsdatum|geb\.|date de naissance|n[ée]e?[ \t]le|fecha[ _]de[ _]nacimiento|fecha_nacimiento|nacid[oa][ \t]el|data di nascita|nat[oa][ \t]il|data de nascimento|nascid[oa][ \t]em|geboortedatum|data urodzenia|urodzon[ya]?|f[öo]delsedatum|f[øo]dselsdato|f[öøo]dd?t?(?=[ \t])|syntym[äa]aika|生年月日|出生日期|생년월일|дата рождения)["'\]*_]{0,2}(?:[ \t:=：|,(*_]|["'][ \t]?[:,]|\([A-Za-z/.\- ]{4,16}\)){0,8}["']?(?<secret>\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})(?![\d.])|\d{1,2}\.?(?:[ \t]de)?[ \t][A-Za-z\u00C0-\u00FF]{3,10}\.?(?:[ \t]de)?[ \t]\d{4}|[A-Za-z\u00C0-\u00FF]{3,10}\.?[ \t]\d{1,2}(?:st|nd|rd|th)?,?[ \t]\d{4}|\d{4}年\d{1,2}月\d{1,2}日)(?!\d)/i,
    gate: false,
    tier: 1,
    refine: ({ text, start, end }) => {
      const value = text.slice(start, end);
      const year = /\d{4}/.exec(value)?.[0];
      if (year !== undefined && (Number(year) < 1900 || Number(year) > 2030)) return null;
      const name = /[A-Za-z\u00C0-\u00FF]{3,10}/.exec(value)?.[0];
      if (name !== undefined && !MONTH.test(name)) return null;
      // A timestamp (`Born: 2026-11-20T10:00:00Z` for a process) is not a birthday.
      if (/^[T ]?\d{1,2}:\d{2}/.test(text.slice(end, end + 8))) return null;
      return { start, end };
    },
    examples: {
      match: [
        "Employee: Jana Kowal, date of birth 1987-04-12",
        '{"name": "Lea", "dob": "03/11/1990"}',
        "Geburtsdatum: 12. April 1985",
        "né le 3 mars 1979 à Lyon",
        "patient born on March 4th, 1962",
        "生年月日：1990年4月12日",
        "*Date of birth (DD/MM/YYYY):* 12/04/1987",
        "Personuppgifter: född 1985-02-28, anställd 2019",
        "Ansatt: født 14.03.1979 i Bergen",
      ],
      ignore: [
        "dob: null",
        "Adobe 2024-01-01 release",
        "born in 1987",
        "the birthday widget ships 2026-01-01 to 2026-12-31",
        "Born: 2026-11-20T10:00:00Z (service start)",
      ],
    },
  },
  {
    id: "date-of-birth-column",
    category: "pii-id",
    description:
      "A date in the date-of-birth column of a CSV, TSV or Markdown table (dob, birth_date, Geburtsdatum …)",
    keywords: ["dob", "birth", "geburtsdatum", "naissance", "nacimiento", "nascita", "nascimento"],
    pattern: /(?<![\d.\/-])(?:\d{4}-\d{2}-\d{2}|\d{1,2}[.\/]\d{1,2}[.\/]\d{4})(?![\d.\/-])/,
    window: { before: 0, after: 400 },
    gate: false,
    tier: 1,
    refine: ({ text, start, end }) => {
      const year = Number(/\d{4}/.exec(text.slice(start, end))![0]);
      if (year < 1900 || year > 2030) return null;
      const line = lineBefore(text, start);
      const delimiter = ["|", "\t", ";", ","].find((d) => line.includes(d));
      if (delimiter === undefined) return null;
      const column = line.split(delimiter).length - 1;
      // The header: one of the few lines above, with a birth word in the same column.
      let at = start - line.length - 1;
      for (let up = 0; up < 8 && at > 0; up++) {
        const above = lineBefore(text, at);
        const cells = above.split(delimiter);
        if (cells.length > column && BIRTH_COLUMN.test(cells[column]!.trim())) {
          return { start, end };
        }
        at -= above.length + 1;
      }
      return null;
    },
    examples: {
      match: [
        "name,dob\nAna Ruiz,1985-03-09",
        "| Name | Date of birth |\n|---|---|\n| Jo Lam | 12/04/1987 |",
        "id;nom;date_naissance\n7;Petit;05.06.1979",
      ],
      ignore: ["name,created\nAna,2026-03-09", "dob,name\n2026-03-09 Ana"],
    },
  },
  {
    id: "phone-japan",
    category: "pii-phone",
    description: "Japanese phone number after 電話 / 携帯 (telephone, mobile)",
    keywords: ["電話", "携帯"],
    pattern: /(?:電話|携帯)(?:番号)?[:：\s]{0,3}(?<secret>0\d{1,4}-\d{1,4}-\d{4})(?!\d)/,
    gate: false,
    tier: 1,
    examples: {
      match: ["電話: 03-1234-5678", '{"連絡先": "電話 090-1234-5678"}', "携帯番号：080-9876-5432"],
      ignore: ["電話番号を入力してください"],
    },
  },
  {
    id: "postal-address",
    category: "pii-address",
    description: "Street address next to an address word (EN, FR, DE, NL, ES, PT, IT)",
    keywords: [
      "address:",
      'address"',
      "address ",
      "address=",
      "adresse",
      "anschrift",
      "direccion",
      "adres:",
      "adres ",
      "endereco",
      "morada",
      "adresa",
      "adress:",
      "osoite",
      "indirizzo",
      "ship to",
      "destinatario",
      "destinataire",
      "empfanger",
      "recipient:",
      "lives at",
      "located at",
      "domicile",
      "wohnhaft",
      "deliver to",
      "deliver it to",
      "my address",
      "our address",
      "home:",
      "ship_to",
      "ship-to",
      "shipto",
      "bill to",
      "bill_to",
      "send to",
      "send it to",
      "ship it to",
      "mail it to",
      "post it to",
      "resides at",
      "residing at",
      "visit us at",
      "find us at",
      "based at",
      "shipping",
      "moved to",
      "office:",
      "office is",
      "headquarters",
      "adr;",
      "adr:",
      "street:",
      'street"',
      "strasse",
      "strase",
      "住所",
      "地址",
      "주소",
    ],
    get pattern() {
      return settle(
        this,
        "pattern",
        new RegExp(
          [
            String
              .raw`(?<![\p{L}\p{N}])\d{1,5}[A-Za-z]?\s+(?:(?:\p{Lu}[\p{L}'.-]*|\d{1,3}(?:st|nd|rd|th))\s+){0,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Way|Court|Ct\.?|Place|Pl\.?|Terrace|Parkway|Pkwy|Square|Sq\.?|Close|Crescent|Highway|Hwy|Circle|Row|Walk|Loop|Trail|Trl|Pike|Plaza|Alley|Path|Ridge|Cove|Crossing|Expressway|Expy|Freeway|Fwy|Turnpike|Heights|Gardens)(?![\p{L}])`,
            String
              .raw`(?<![\p{L}\p{N}])\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:[Rr]ue|[Aa]venue|[Aa]v\.|[Bb]oulevard|[Bb]d|[Cc]hemin|[Aa]llée|[Pp]lace|[Ii]mpasse|[Qq]uai|[Rr]oute|[Cc]ours)\s+[\p{L}'-]+(?:\s[\p{L}'-]+){0,3}`,
            String
              .raw`(?<![\p{L}])\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|gracht|laan|straat|plein|kade|dijk|singel)\s\d{1,4}[a-zA-Z]?(?![\p{L}\p{N}])`,
            // Nordic street names end in their street word (Kungsgatan 44, Vesterbrogade 12).
            String
              .raw`(?<![\p{L}])\p{Lu}[\p{L}-]*(?:gatan|gata|vägen|vagen|gränd|torget|gade|vej|veien|vegen|gate|katu|tie)\s\d{1,4}[a-zA-Z]?(?![\p{L}\p{N}])`,
            // … or as a word of their own (Karl Johans gate 22), then only before a postcode.
            String
              .raw`(?<![\p{L}])\p{Lu}[\p{L}-]*(?:[ \t]\p{Lu}[\p{L}-]*)?[ \t](?:gatan|gata|vägen|gade|vej|veien|vei|vegen|gate|katu|tie)\s\d{1,4}[a-zA-Z]?(?=,?[ \t]{1,4}\d{3}[ \t]?\d{1,2}(?!\d))`,
            String
              .raw`(?<![\p{L}])(?:Calle|C\/|Avenida|Av\.|Rue|Avenue|Boulevard|Chemin|Quai|Impasse|Chaussée|Avda\.?|Plaza|Paseo|Carrer|Rua|Travessa|Via|Viale|Piazza|Corso|Largo|ul\.|ulica|al\.|Aleja)\s+[\p{L}'-]+(?:\s+[\p{L}'-]+){0,3},?\s+\d{1,4}(?:\/\d{1,4})?[A-Za-z]?(?![\p{N}])`,
            // Japanese, Chinese and Korean addresses: place names, then block and house numbers.
            String
              .raw`(?:[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}ー]{2,24}[ \t]?){1,4}\d{1,5}(?:[-−‐의]\d{1,5}){0,3}(?:[号號番地]|번지)?`,
          ].join("|"),
          "u",
        ),
      );
    },
    // The address word may follow the address ("… 4 Privet Drive (address on file)").
    window: { before: 80, after: 100 },
    gate: false,
    tier: 1,
    refine: ({ text, start, end }) => ({ start, end: placeTail(text, end) }),
    examples: {
      match: [
        "Address: 742 Evergreen Terrace, Springfield, OR 97403",
        '{"address": "350 Fifth Avenue, New York, NY 10118"}',
        "Adresse : 12 rue des Lilas, 75011 Paris",
        "Anschrift: Hauptstraße 5, 10115 Berlin",
        "Ship to: 742 Evergreen Terrace, Springfield, OR 97403",
        "住所: 東京都千代田区丸の内1-1-1",
        "Dirección: Calle Mayor 24, 28013 Madrid",
        "Adresse: Rue de la Loi 16, 1000 Bruxelles",
        'ship_to: "88 Queen St W, Toronto, ON M5H 2M5"',
        "Return address: Storgatan 12, 113 51 Stockholm",
        "Recipient: Ola Nordmann, Karl Johans gate 22, 0159 Oslo",
        "Destinatario: Luca Bianchi\nVia Roma 15, 20121 Milano MI",
      ],
      ignore: [
        "address: string | null",
        "The IP address is logged for rate limiting.",
        "shipping: Terminal gate 12 at 10:00",
      ],
    },
  },
  {
    id: "email-url-encoded",
    category: "pii-email",
    description: "E-mail address written with %40 (URL-encoded), e.g. in a query string",
    keywords: ["%40"],
    get pattern() {
      return settle(this, "pattern", EMAIL_DOMAIN_ENCODED());
    },
    gate: false,
    tier: 1,
    refine: ({ text, match, start, end }) => {
      const from = localPart(text, start);
      if (from === null) return null;
      // `http://trusted.com%40evil.com/`, `user%3Apass%40host`: a URL authority, not an address.
      if (/(?::\/\/|%3A)$/i.test(text.slice(Math.max(0, from - 3), from))) return null;
      if (/%3A/i.test(text.slice(from, start))) return null;
      if (RESERVED_DOMAIN.test(match.groups?.domain ?? "")) return null;
      return { start: from, end };
    },
    examples: {
      match: [
        "https://crm.acme-corp.io/contacts?email=jane.doe%40acme-corp.io",
        '{"redirect": "/invite?to=k.tanaka%40mail.acme.jp"}',
        "GET /unsubscribe?u=m.rossi%40fastmail.it 200",
      ],
      ignore: [
        "/invite?to=user%40example.com",
        "%40 is an encoded at sign",
        "http://trusted.com%40evil.com/",
      ],
    },
  },
  {
    id: "email-obfuscated",
    category: "pii-email",
    description:
      "E-mail address written against harvesters: name(at)domain.tld, name [at] domain [dot] tld",
    keywords: ["(at)", "[at]", "{at}"],
    get pattern() {
      return settle(
        this,
        "pattern",
        /[\p{L}\p{N}._%+-]{1,64}[ \t]?[([{]at[)\]}][ \t]?[\p{L}\p{N}-]{1,63}(?:[ \t]?(?:\.|[([{]dot[)\]}])[ \t]?[\p{L}\p{N}-]{1,63}){1,4}/iu,
      );
    },
    window: { before: 70, after: 300 },
    gate: false,
    tier: 1,
    refine: ({ text, start, end }) => {
      const value = text.slice(start, end);
      const domain = value.replace(/^.*?[([{]at[)\]}][ \t]?/i, "").replace(
        /[ \t]?[([{]dot[)\]}][ \t]?/gi,
        ".",
      );
      const tld = domain.split(".").pop() ?? "";
      if (!/^\p{L}{2,24}$/u.test(tld) || RESERVED_DOMAIN.test(domain)) return null;
      return { start, end };
    },
    examples: {
      match: [
        "email me: jane.roe(at)acme-mail.com",
        '{"contact": "ops [at] globex-corp [dot] io"}',
        "Kontakt: m.weber{at}firma-web.de",
      ],
      ignore: ["user(at)example(dot)com", "look (at) this", "x[at]y"],
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
      // Published test numbers are fixtures and documentation, not a person's card.
      if (isTestCard(digits)) return null;
      return passesLuhn(digits) ? { start, end } : null;
    },
    get examples() {
      const card = fakeCard("card-example");
      return settle(this, "examples", {
        match: [
          `CARD=${card.replace(/(\d{4})(?!$)/g, "$1 ")}`,
          `{"pan": "${card.replace(/(\d{4})(?!$)/g, "$1-")}"}`,
          `charged card ${card} twice`,
        ],
        ignore: [
          "order 4111111111111112",
          "timestamp 1700000000000",
          "4111.1111.1111.1111",
          'Mask("4111 1111 1111 1111") in the test',
          "Stripe test card 4242 4242 4242 4242, exp 12/34",
        ],
      });
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
      // Private, shared (CGNAT) and link-local ranges name hosts on an internal network (a
      // backend pool, a VPC subnet), not a person's connection.
      if (
        /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|169\.254\.)/
          .test(ip)
      ) {
        return null;
      }
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
      if (/(?:version|ver|v\d*|section|§|oid|rfc)[\s:=@"'-]*$/i.test(before)) return null;
      // `11.3.244.8-node.17`, `1.2.3.4-beta`: a version with a pre-release or build suffix.
      if (/^-[A-Za-z]/.test(text.slice(end, end + 2))) return null;
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
        "DB_HOST=81.20.30.40",
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
        "backend api\n    server api1 10.0.1.11:8080 check",
        "assigned 192.168.1.23 to eth0",
        "node v20.11.1 (v8 11.3.244.8-node.17)",
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
      if (!isIPv6(ip) || /^[0:]*1?$/.test(ip)) return null; // ::, ::1 and their long forms
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
