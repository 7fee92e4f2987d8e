// Passwords and tokens on command lines: generic secret flags (--password X, --api-key X),
// mysql's attached -pX, and the password arguments of redis-cli, ldap*, openssl, htpasswd,
// keytool and rabbitmqctl.
import type { Detector, MatchContext } from "../detector.ts";
import { credibleLiteral, lineBefore } from "../checks.ts";
import { Charset, fakeToken } from "../fake.ts";

/** Whether a command-line argument (quotes stripped) is a credential. */
function credibleArgument(raw: string, mode: MatchContext["mode"]): boolean {
  return credibleLiteral(raw.replace(/^(["'])(.*)\1$/s, "$2"), mode);
}

/** The span of the argument without its quotes. */
function unquoted(text: string, start: number, end: number): { start: number; end: number } {
  return /^["']/.test(text[start]!) && end - start >= 2 ? { start: start + 1, end: end - 1 } : {
    start,
    end,
  };
}

/** A refine that checks the argument and, when given, that a command is on the line. */
function argumentOf(command?: RegExp) {
  return ({ text, start, end, mode }: MatchContext) => {
    if (command && !command.test(lineBefore(text, start))) return null;
    return credibleArgument(text.slice(start, end), mode) ? unquoted(text, start, end) : null;
  };
}

const ARG = String.raw`(?<secret>"[^"\r\n]+"|'[^'\r\n]+'|[^\s"'|;&]+)`;

const pw = (seed: string) =>
  `${fakeToken(seed, Charset.alpha, 5)}_${fakeToken(seed, "0123456789", 2)}!${
    fakeToken(seed + "t", Charset.lower, 4)
  }`;

/** Command-line detectors. */
export const cliDetectors = (): Detector[] => [
  {
    id: "cli-secret-flag",
    category: "password-assignment",
    description:
      "A secret passed to any command as a flag value (--password X, --api-key X, --token X, add-authtoken X)",
    keywords: [
      "--password",
      "--pass ",
      "--passwd",
      "--token",
      "--api-key",
      "--apikey",
      "--secret",
      "--client-secret",
      "--auth-token",
      "--access-token",
      "--authtoken",
      "add-authtoken",
      "-password ",
    ],
    pattern: new RegExp(
      String
        .raw`(?:--?(?:password|pass|passwd|token|api-key|apikey|secret|client-secret|auth-token|access-token|authtoken|secret-key)|add-authtoken)[ =]` +
        ARG,
      "i",
    ),
    tier: 1,
    refine: argumentOf(),
    examples: {
      match: [
        `mongosh mongodb://db:27017/app --username app --password ${pw("cf1")}`,
        `run: ./deploy.sh --api-key ${fakeToken("cf2", Charset.alnum, 40)} --env prod`,
        `ngrok config add-authtoken ${fakeToken("cf3", Charset.alnum, 27)}_${
          fakeToken("cf4", Charset.alnum, 21)
        }`,
      ],
      ignore: [
        'parser.add_argument("--password", help="the password")',
        "deploy --token $DEPLOY_TOKEN",
        "vault login --token -",
      ],
    },
  },
  {
    id: "mysql-attached-password",
    category: "password-assignment",
    description: "A password attached to mysql's -p (mysql -pSECRET, mysqldump -p'SECRET')",
    keywords: ["mysql", "mariadb"],
    pattern: new RegExp(String.raw`\s-p` + ARG.replace("+", "{1,512}")),
    window: { before: 0, after: 400 },
    tier: 1,
    refine: argumentOf(
      /(?:^|[\s/;&|])(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|mysqlsh)\s/,
    ),
    examples: {
      match: [
        `mysql -h db.internal -u root -p${pw("my1")} app`,
        `mysqldump -uroot -p'${pw("my2")}' --all-databases > all.sql`,
        `backup:\n  cmd: mariadb -u admin -p"${pw("my3")}" shop`,
      ],
      ignore: ["mysql -h db -u root -p app", "mysql -u root -p$MYSQL_PASSWORD"],
    },
  },
  ...(
    [
      [
        "redis-cli-password",
        "Password passed to redis-cli with -a",
        ["redis-cli"],
        /\s-a\s+/,
        /redis-cli/,
        (p: string) => [`redis-cli -h cache -a ${p} ping`, `cmd: redis-cli -a '${p}' INFO`],
      ],
      [
        "ldap-bind-password",
        "Bind password passed to ldapsearch/ldapmodify/ldapadd with -w",
        ["ldapsearch", "ldapmodify", "ldapadd", "ldapdelete", "ldapwhoami", "ldappasswd"],
        /\s-w\s+/,
        /ldap(?:search|modify|add|delete|whoami|passwd)/,
        (p: string) => [
          `ldapsearch -x -D "cn=admin,dc=acme,dc=io" -w ${p} -b "dc=acme,dc=io"`,
          `cmd: ldapwhoami -x -D cn=ro -w '${p}'`,
        ],
      ],
      [
        "openssl-pass-argument",
        "Password given to openssl as pass:… (-passout, -passin, -pass)",
        ["pass:"],
        /-pass(?:in|out|word)?\s+pass:/,
        undefined,
        (p: string) => [
          `openssl pkcs12 -export -in c.pem -out c.p12 -passout pass:${p}`,
          `cmd: openssl rsa -in k.pem -passin pass:${p}`,
        ],
      ],
      [
        "htpasswd-batch-password",
        "Password given to htpasswd in batch mode (htpasswd -b file user password)",
        ["htpasswd"],
        // The batch flag alone or among others (-bc, -b -c, -B -b).
        /htpasswd(?:\s+-[a-zA-Z]+){0,4}?\s+-[a-zA-Z]*b[a-zA-Z]*(?:\s+-[a-zA-Z]+){0,4}\s+\S+\s+\S+\s+/,
        undefined,
        (p: string) => [
          `htpasswd -b /etc/nginx/.htpasswd alice ${p}`,
          `cmd: htpasswd -bc .htpasswd bob '${p}'`,
          `htpasswd -b -c /etc/nginx/.htpasswd admin ${p}`,
        ],
      ],
      [
        "keytool-store-password",
        "Keystore password passed to keytool (-storepass, -keypass, -srcstorepass …)",
        ["storepass", "keypass"],
        /-(?:src|dest)?(?:store|key)pass\s+/,
        undefined,
        (p: string) => [
          `keytool -importkeystore -srcstorepass ${p} -deststorepass ${p}`,
          `cmd: keytool -genkey -keystore k.jks -storepass '${p}'`,
        ],
      ],
      [
        "smbclient-user-password",
        "Password after % in smbclient/rpcclient -U user%password",
        ["smbclient", "rpcclient"],
        /-U\s+[^\s%"']+%/,
        /(?:smb|rpc)client/,
        (p: string) => [
          `smbclient //fs/share -U backup%${p} -c ls`,
          `cmd: rpcclient -U admin%${p} dc01`,
        ],
      ],
      [
        "powershell-plaintext-password",
        "A literal turned into a SecureString (ConvertTo-SecureString '…' -AsPlainText)",
        ["convertto-securestring"],
        /ConvertTo-SecureString\s+(?:-String\s+)?/,
        undefined,
        (p: string) => [
          `$pw = ConvertTo-SecureString '${p}' -AsPlainText -Force`,
          `cmd: ConvertTo-SecureString -String "${p}" -AsPlainText -Force`,
        ],
      ],
      [
        "aws-configure-secret",
        "A secret given to `aws configure set` (aws_secret_access_key, aws_session_token)",
        ["configure set"],
        /configure\s+set\s+\S*(?:secret|token|password)\S*\s+/,
        undefined,
        (p: string) => [
          `aws configure set aws_secret_access_key ${p}`,
          `cmd: aws configure set aws_session_token '${p}' --profile ci`,
        ],
      ],
      [
        "archive-password",
        "Password of an archive or key file on the command line (zip -P, 7z -p, ssh-keygen -P/-N)",
        ["zip ", "7z ", "ssh-keygen"],
        // The command is looked for behind each flag, so every password flag of a line is found.
        /(?:(?<=\b(?:zip|unzip)(?:\s[^\n|;&]{0,200}?)?)\s-P\s+|(?<=\b7z(?:\s[^\n|;&]{0,200}?)?)\s-p|(?<=\bssh-keygen(?:\s[^\n|;&]{0,200}?)?)\s-[PN]\s+)/,
        undefined,
        (p: string) => [
          `zip -P ${p} secrets.zip creds.txt`,
          `cmd: ssh-keygen -p -N '${p}' -f ~/.ssh/id_rsa`,
        ],
      ],
      [
        "rabbitmqctl-password",
        "Password given to rabbitmqctl add_user / change_password",
        ["rabbitmqctl"],
        /rabbitmqctl\s+(?:add_user|change_password)\s+\S+\s+/,
        undefined,
        (p: string) => [
          `rabbitmqctl add_user svc ${p}`,
          `cmd: rabbitmqctl change_password admin '${p}'`,
        ],
      ],
    ] as const
  ).map(([id, description, keywords, flag, command, examples]): Detector => ({
    id,
    category: "password-assignment",
    description,
    keywords: [...keywords],
    pattern: new RegExp(flag.source + ARG.replace("+", "{1,512}")),
    window: { before: 40, after: 400 },
    tier: 1,
    refine: argumentOf(command),
    examples: {
      match: [...examples(pw(id)), ...examples(fakeToken(id, Charset.alnum, 20)).slice(0, 1)],
      ignore: [examples("$PASSWORD")[0]!],
    },
  })),
];
