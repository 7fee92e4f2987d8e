// Passwords and tokens on command lines: generic secret flags (--password X, --api-key X),
// mysql's attached -pX, and the password arguments of redis-cli, ldap*, openssl, htpasswd,
// keytool and rabbitmqctl.
import type { Detector, MatchContext } from "../detector.ts";
import {
  credibleInGate,
  credibleLiteral,
  lineBefore,
  looksRandom,
  passphraseShaped,
} from "../checks.ts";
import { secretUnderKey } from "./generic.ts";
import { Charset, fakeToken } from "../fake.ts";

/** Whether a command-line argument (quotes stripped) is a credential. */
function credibleArgument(raw: string, mode: MatchContext["mode"]): boolean {
  const value = raw.replace(/^(["'])(.*)\1$/s, "$2");
  // A quoted pass phrase of a few words (`-N 'purple monkey dishwasher 7'`).
  if (value !== raw && passphraseShaped(value)) return true;
  return credibleLiteral(value, mode);
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
      "ngrok authtoken",
      "-password ",
    ],
    pattern: new RegExp(
      String
        .raw`(?:--?(?:password|pass|passwd|token|api-key|apikey|secret|client-secret|auth-token|access-token|authtoken|secret-key)|add-authtoken|ngrok\s+authtoken)[ =]` +
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
      /(?:^|[\s/;&|(`"'])(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|mysqlsh)\s/,
    ),
    examples: {
      match: [
        `mysql -h db.internal -u root -p${pw("my1")} app`,
        `mysqldump -uroot -p'${pw("my2")}' --all-databases > all.sql`,
        `backup:\n  cmd: mariadb -u admin -p"${pw("my3")}" shop`,
        `for db in $(mysql -u root -p'${pw("my4")}' -N -e 'SHOW DATABASES'); do`,
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
        /-pass(?:in|out|word)?\s+["']?pass:/,
        undefined,
        (p: string) => [
          `openssl pkcs12 -export -in c.pem -out c.p12 -passout pass:${p}`,
          `cmd: openssl rsa -in k.pem -passin pass:${p}`,
          `openssl req -x509 -newkey rsa:4096 -passout 'pass:${p}' -keyout k.pem`,
        ],
      ],
      [
        "openssl-enc-password",
        "Password given to openssl enc (and its cipher commands) with -k",
        ["openssl"],
        /\s-k\s+/,
        /openssl\s+(?:enc|aes|des|bf|camellia|chacha|rc4|sm4)/,
        (p: string) => [
          `openssl enc -aes-256-cbc -salt -k ${p} -in a.tar -out a.tar.enc`,
          `cmd: openssl aes-256-cbc -d -k '${p}' -in backup.enc`,
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
        "Password after % in -U user%password (smbclient, rpcclient, smbcacls, winexe, net rpc)",
        ["smbclient", "rpcclient", "smbcacls", "smbget", "winexe", "net rpc", "net ads"],
        // Also quoted, with a domain: -U 'CORP\\svc%…', --user=svc%….
        /(?:-U\s*|--user(?:name)?[= ])["']?[^\s%"']+%/,
        /(?:smb\w*|rpcclient|winexe|net\s+(?:rpc|ads))\s/,
        (p: string) => [
          `smbclient //fs/share -U backup%${p} -c ls`,
          `cmd: rpcclient -U admin%${p} dc01`,
          `smbclient //fs01/finance -U 'CORP\\svc_backup%${p}'`,
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
        "putty-password",
        "Password given to PuTTY's pscp, plink or psftp with -pw",
        ["pscp", "plink", "psftp"],
        /\s-pw\s+/,
        /(?:pscp|plink|psftp)/,
        (p: string) => [
          `pscp -pw ${p} report.csv admin@10.1.1.9:/tmp`,
          `cmd: plink -ssh root@host -pw '${p}' uptime`,
        ],
      ],
      [
        "lftp-user-password",
        "Password after the comma of lftp -u user,password",
        ["lftp"],
        /\s-u\s+["']?[^\s,"']{1,64},/,
        /lftp/,
        (p: string) => [
          `lftp -u backup,${p} sftp://files.acme.io`,
          `cmd: lftp -e 'mirror' -u ci,'${p}' ftp://host`,
        ],
      ],
      [
        "windows-net-password",
        "Password given to net use \\\\share or net user name on a Windows command line",
        ["net use", "net user"],
        /[Nn][Ee][Tt]\s+(?:[Uu][Ss][Ee]\s+(?:[A-Za-z]:\s+)?\\\\\S+(?:\s+\/[Uu][Ss][Ee][Rr]:\S+)?|[Uu][Ss][Ee][Rr]\s+(?:"[^"\r\n]{1,64}"|[^\s/"]{1,64}))\s+/,
        undefined,
        (p: string) => [
          `net use \\\\fs01\\share ${p} /user:CORP\\jdoe`,
          `cmd: net user svc_backup ${p} /add`,
          `net use Z: \\\\fs01\\share /user:CORP\\jdoe ${p}`,
        ],
      ],
      [
        "rclone-config-secret",
        "A secret given as a key/value pair to rclone config create/update (key X, pass X, secret_access_key X)",
        ["rclone"],
        /(?<=\brclone\s+config\s+(?:create|update)\s[^\n|;&]{0,300}?)\s(?:key|pass|password|secret_access_key|client_secret|token|account_key|api_key|app_key)[ =]/,
        /rclone\s+config/,
        (p: string) => [
          `rclone config create b2 b2 account 000abc key ${p}`,
          `cmd: rclone config update s3 secret_access_key '${p}'`,
        ],
      ],
      [
        "rdp-client-password",
        "Password given to an RDP client as /p: or /password: (xfreerdp, wfreerdp, sdl-freerdp)",
        ["freerdp"],
        /\s\/p(?:assword)?:/,
        /freerdp/,
        (p: string) => [
          `xfreerdp /v:jump01.corp /u:Administrator /p:${p} /cert:ignore`,
          `cmd: xfreerdp3 /u:admin /p:'${p}' /v:10.0.0.5`,
        ],
      ],
      [
        "minio-client-secret",
        "Secret key of an S3 endpoint saved by the MinIO client (mc alias set NAME URL ACCESS SECRET)",
        ["alias set", "host add"],
        /\bmc\s+(?:alias\s+set|config\s+host\s+add)\s+\S+\s+\S+\s+\S+\s+/,
        undefined,
        (p: string) => [
          `mc alias set backup https://minio.backup.lan:9000 backupadmin ${p}`,
          `cmd: mc config host add s3 https://s3.amazonaws.com AKIAEXAMPLEID '${p}'`,
        ],
      ],
      [
        "positional-cli-password",
        "A password given by position to a command whose syntax puts one there (wpa_passphrase SSID PASS, poetry/composer config http-basic.REPO USER PASS, isql DSN USER PASS, openssl passwd PASS)",
        ["wpa_passphrase", "http-basic.", "isql ", "openssl passwd"],
        /(?:wpa_passphrase\s+(?:"[^"\r\n]{1,64}"|'[^'\r\n]{1,64}'|\S+)|(?:poetry|composer)\s+config\s+(?:--?[\w-]+\s+)*http-basic\.\S+\s+\S+|\bisql\s+(?:-\w+\s+)*[^\s-]\S*\s+\S+|openssl\s+passwd(?:\s+-(?:salt|in)\s+\S+|\s+-[\w-]+)*)\s+/,
        undefined,
        (p: string) => [
          `wpa_passphrase HomeNet ${p}`,
          `cmd: poetry config http-basic.acme ci '${p}'`,
        ],
      ],
      [
        "snmp-v3-passphrase",
        "SNMP secret given to snmpwalk/snmpget/snmpset: a v1/v2c community with -c, a v3 authentication or privacy passphrase with -A or -X",
        ["snmpwalk", "snmpget", "snmpset", "snmpbulkwalk", "snmpbulkget", "snmptrap", "snmptable"],
        /\s-[AXc]\s+/,
        /snmp[a-z]+\s/,
        (p: string) => [
          `snmpwalk -v3 -u mon -l authPriv -a SHA -A ${p} -x AES 10.0.0.1`,
          `cmd: snmpget -v3 -u mon -X '${p}' 10.0.0.1 sysName.0`,
          `snmpbulkwalk -v2c -c ${p} 10.0.0.1 1.3.6.1.2.1.1`,
        ],
      ],
      [
        "openssl-key-argument",
        "A passphrase given to openssl enc with -k",
        ["openssl"],
        /\s-k\s+/,
        /openssl\s/,
        (p: string) => [
          `openssl enc -aes-256-cbc -k ${p} -in a -out b`,
          `cmd: openssl enc -d -aes256 -k '${p}' -in b`,
        ],
      ],
      [
        "sshpass-attached-password",
        "A password attached to sshpass's -p (sshpass -pSECRET ssh …)",
        ["sshpass"],
        /sshpass(?:\s+-[a-oq-zA-Z]\S*)*\s+-p(?=[^\s])/,
        undefined,
        (p: string) => [
          `sshpass -p${p} ssh root@host`,
          `cmd: sshpass -p'${p}' scp a host:/tmp`,
        ],
      ],
      [
        "here-string-secret",
        "A secret fed as a here-string to a command that reads one (gh auth login --with-token, wrangler secret put)",
        ["<<<"],
        /<<<\s*/,
        /(?:secret|token|passw|login|auth|credential|api[-_]?key|env add)/i,
        (p: string) => [
          `wrangler secret put API_KEY <<< ${p}`,
          `cmd: vercel env add API_TOKEN production <<< '${p}'`,
        ],
      ],
      [
        "secret-store-value",
        "A value stored in a secret manager from the command line (az keyvault secret set --value, aws secretsmanager --secret-string, gh secret set --body)",
        ["--value", "--secret-string", "--body"],
        /\s--(?:value|secret-string|body)[ =]/,
        /(?:secret|put-parameter|credential)/,
        (p: string) => [
          `az keyvault secret set --vault-name kv --name db --value ${p}`,
          `cmd: aws secretsmanager create-secret --name db --secret-string '${p}'`,
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
  {
    id: "piped-password",
    category: "password-assignment",
    description:
      "A password echoed into a command that reads it from stdin (docker login --password-stdin, sudo -S, chpasswd, passwd --stdin)",
    keywords: [
      "password-stdin",
      "sudo -s",
      "chpasswd",
      "--stdin",
      "with-token",
      "secret create",
      "passphrase-fd",
      "kinit",
      "passwd",
      "login",
    ],
    pattern: new RegExp(
      String.raw`\b(?:echo|printf)\s+(?:-[neE]{1,3}\s+)?(?:(?:"%s(?:\\n)?"|'%s(?:\\n)?')\s+)?` +
        ARG.replace("+", "{1,512}") +
        String
          .raw`\s*\|\s*[^|\r\n]{0,200}?(?:--password-stdin|\bsudo\s+(?:-\w+\s+)*-S|\bchpasswd|\bpasswd\s+--stdin|--with-token|\bsecret\s+create\s+\S+\s+-(?!\S)|--passphrase-fd\s+0|\bkinit\b|\b(?:smb|ht|ldap)passwd\s+(?:-\w+\s+)*-[si]\b|\blogin\s+(?:[^|\r\n]{0,120}\s)?(?:-|--stdin)(?=\s|$))`,
    ),
    window: { before: 300, after: 40 },
    tier: 1,
    refine: argumentOf(),
    examples: {
      match: [
        `echo ${pw("ps1")} | docker login -u ci --password-stdin registry.acme.io`,
        `echo '${pw("ps2")}' | sudo -S apt-get update`,
        `run: echo "deploy:${pw("ps3")}" | chpasswd`,
        `# kerberos\necho '${pw("ps4")}' | kinit svc_etl@CORP.EXAMPLE.TEST`,
        `printf '%s' '${pw("ps5")}' | vault login -`,
      ],
      ignore: [
        'echo "$REGISTRY_TOKEN" | docker login -u ci --password-stdin',
        "cat token.txt | gh auth login --with-token",
        "echo 'Deploy-Step-2 done' | logger -t login",
      ],
    },
  },
  {
    id: "config-set-secret",
    category: "password-assignment",
    description:
      "A secret stored with a tool's `config set KEY VALUE` under a secret-named key (npm, yarn, pnpm, dotnet user-secrets, aws configure)",
    keywords: ["config set", "secrets set"],
    pattern: new RegExp(
      String
        .raw`(?:config|secrets)\s+set\s+(?:--?[\w-]+\s+)*(?<key>"[^"\r\n]{1,120}"|'[^'\r\n]{1,120}'|[^\s="']{1,120})[ =]` +
        ARG.replace("+", "{1,512}"),
    ),
    tier: 1,
    refine: (ctx) => {
      const key = (ctx.match.groups?.key ?? "").replace(/^["']|["']$/g, "").split(/[:/.]/).pop()!;
      return secretUnderKey(key, ctx.text.slice(ctx.start, ctx.end).replace(/^["']|["']$/g, ""))
        ? argumentOf()(ctx)
        : null;
    },
    examples: {
      match: [
        `npm config set //registry.acme.io/:_authToken ${fakeToken("cs1", Charset.alnum, 36)}`,
        `yarn config set npmAuthToken ${fakeToken("cs2", Charset.alnum, 36)}`,
        `cmd: dotnet user-secrets set "DbPassword" "${pw("cs3")}"`,
      ],
      ignore: [
        "npm config set registry https://registry.acme.io/",
        "yarn config set npmAuthToken $NPM_TOKEN",
      ],
    },
  },
  {
    id: "substituted-password-file",
    category: "password-assignment",
    description:
      "A password echoed into a process substitution given as a password file (--vault-password-file <(echo X), --pwfile=<(echo X))",
    keywords: ["<(echo", "<(printf"],
    pattern: new RegExp(
      String.raw`<\(\s*(?:echo|printf)\s+(?:-[neE]{1,3}\s+)?` + ARG.replace("+", "{1,512}") +
        String.raw`\s*\)`,
    ),
    window: { before: 0, after: 560 },
    tier: 1,
    refine: argumentOf(
      /(?:pass|pw|secret|token|key)[\w-]*(?:=|\s+)<\(\s*(?:echo|printf)\s+(?:-[neE]{1,3}\s+)?["']?$/i,
    ),
    examples: {
      match: [
        `ansible-vault encrypt --vault-password-file <(echo ${pw("sp1")}) secrets.yml`,
        `cmd: initdb --pwfile=<(printf '${pw("sp2")}') -D data`,
        `gpg --batch --passphrase-file <(echo "${fakeToken("sp3", Charset.alnum, 24)}") -d x.gpg`,
      ],
      ignore: ["diff <(echo a1b2c3d4e5) <(echo a1b2c3d4e6)"],
    },
  },
  {
    id: "impacket-target-password",
    category: "password-assignment",
    description:
      "Password in an impacket target (impacket-psexec DOMAIN/user:password@host, secretsdump.py …)",
    keywords: ["impacket", "secretsdump", "psexec.py", "wmiexec"],
    pattern: /(?<=\s)(?:[\w.-]{1,64}\/)?[\w.$-]{1,64}:(?<secret>[^\s@'"]{1,256})@[\w.-]{1,253}/,
    window: { before: 0, after: 300 },
    tier: 1,
    refine: argumentOf(/(?:impacket|secretsdump|psexec|wmiexec|smbexec|atexec|dcomexec)/),
    examples: {
      match: [
        `impacket-psexec corp/admin:${pw("ip1")}@10.0.0.5`,
        `secretsdump.py -just-dc acme.local/backup:${pw("ip2")}@dc01.acme.local`,
        `cmd: impacket-wmiexec svc:${pw("ip3")}@10.1.2.3 whoami`,
      ],
      ignore: ["impacket-psexec corp/admin@10.0.0.5 -hashes :aad3b435"],
    },
  },
  {
    id: "cli-named-secret-flag",
    category: "password-assignment",
    description:
      "A secret passed to any command under a flag whose name says so (--db-password X, --redis-pass X, --pwd X, --apiKey X, --gpg-passphrase=X)",
    // `pass=`: flags with the word joined to its owner (`--dbpass=…`, `--adminpwd=…`).
    keywords: [
      "-pass",
      "-pw",
      "-token",
      "-secret",
      "-apikey",
      "-api",
      "-key",
      "-auth",
      "pass=",
      "pwd=",
      "pw=",
      "_authorization",
      "-authorization",
    ],
    pattern: new RegExp(
      // The value never starts with `-`: that is the next flag, which must stay matchable.
      String.raw`(?<![\w-])--?(?<flag>[A-Za-z][A-Za-z0-9_.-]{0,48})[ =]` +
        String.raw`(?<secret>"[^"\r\n]{1,512}"|'[^'\r\n]{1,512}'|[^\s"'|;&-][^\s"'|;&]{0,511})`,
      "g",
    ),
    window: { before: 48, after: 560 },
    tier: 1,
    gate: "strict",
    refine: (ctx) => {
      const flag = ctx.match.groups?.flag ?? "";
      if (!secretFlag(flag)) return null;
      const raw = ctx.text.slice(ctx.start, ctx.end).replace(/^(["'])(.*)\1$/s, "$2");
      // A key file, not a key: `--key server.key`, `--token-file t.txt`.
      if (/\.(?:pem|key|crt|cer|der|txt|json|ya?ml|p12|pfx|jks|env|gpg|asc|pub)$/i.test(raw)) {
        return null;
      }
      // `--key` and `--auth` also name modes and files: only a random token counts there.
      if (/^(?:key|auth)$/i.test(flag) && !looksRandom(raw, { minLength: 16, minEntropy: 3.2 })) {
        return null;
      }
      return argumentOf()(ctx);
    },
    examples: {
      match: [
        `app --db-password ${pw("nf1")} --port 80`,
        `tool --redis-pass=${pw("nf2")}`,
        `cli --apiKey ${fakeToken("nf3", Charset.alnum, 32)} list`,
        `gpg --batch --passphrase ${pw("nf4")} -d x.gpg`,
        `wp config create --dbname=wp --dbuser=wp --dbpass=${pw("nf6")}`,
        `steps:\n  - run: ./migrate --db-password '${pw("nf5")}'\n`,
      ],
      ignore: [
        "tool --key server.key --cert server.crt",
        "app --db-password-file /run/secrets/db",
        "deploy --api-token $API_TOKEN",
        "cli --token-type bearer",
        "impacket-psexec -k -no-pass corp/admin@dc01",
      ],
    },
  },
  {
    id: "cli-login-secret",
    category: "password-assignment",
    description:
      "A token or password given by position to a command's login verb (b2 account authorize ID KEY, cf auth USER PASS, snyk auth TOKEN, vault login TOKEN)",
    // No keyword starts with a space: the prefilter would step through more states after every
    // space of every text. The word's left edge is checked by the pattern.
    keywords: ["authorize", "login ", "auth ", "signin ", "authenticate "],
    pattern:
      /(?:authorize(?:-account)?|(?<=[ \t])(?:login|auth|signin|authenticate))(?<args>(?:[ \t]+[^\s|;&<>()]{1,256}){1,4})/i,
    tier: 1,
    gate: "strict",
    refine: ({ text, match, mode }) => {
      // A command line: the command and at most one subcommand before the verb (`b2 account`,
      // `cf`, `$ snyk`), no English word as the command (prose says "the login page").
      const before = lineBefore(text, match.index);
      const command =
        /^[ \t]*(?:[$>#][ \t]+|-[ \t]+|run:[ \t]+)?(?<name>[a-z][\w.-]{0,30})(?:[ \t]+[a-z][\w.-]{0,30})?[ \t]*$/
          .exec(before);
      if (!command || PROSE_WORDS.has(command.groups!.name!.toLowerCase())) return null;
      const at = match.indices?.groups?.args?.[0];
      if (at === undefined) return null;
      for (const arg of (match.groups?.args ?? "").matchAll(/[^\s]+/g)) {
        const value = arg[0].replace(/^(["'])(.*)\1$/s, "$2");
        if (/^-/.test(value) || !credibleInGate(value) || !credibleLiteral(value, mode)) continue;
        // A server, a user or a file, not a credential.
        if (/:\/\/|@|^[\w.-]+\.[a-z]{2,}(?::\d+)?$|\//i.test(value)) continue;
        const start = at + arg.index! + (value === arg[0] ? 0 : 1);
        return { start, end: start + value.length };
      }
      return null;
    },
    examples: {
      match: [
        `b2 account authorize 0e2dd7bb01a3 ${fakeToken("cl1", Charset.alnum, 31)}`,
        `$ cf auth admin ${pw("cl2")}`,
        `run: snyk auth ${fakeToken("cl3", Charset.alnum, 36)}`,
      ],
      ignore: [
        "b2 account authorize $B2_KEY_ID $B2_APP_KEY",
        "the login page shows Welcome-Back-2 after a reset",
        "cf auth admin",
      ],
    },
  },
  {
    id: "command-word-secret",
    category: "password-assignment",
    description:
      "A secret after a bare secret word among a command's or a device config's arguments (nmcli … password X, username admin secret 0 X, ipmitool user set password 2 X)",
    // The word's left edge is checked by the pattern (no keyword starts with a space).
    keywords: ["password ", "passwd ", "secret ", "psk ", "pass ", "key-string "],
    pattern:
      /(?<=[ \t])(?:password|passwd|secret|psk|pass|key-string)(?:[ \t]+[0-9])?[ \t]+(?<secret>"[^"\r\n]{1,128}"|'[^'\r\n]{1,128}'|[^\s"'|;&]{1,256})/i,
    tier: 1,
    gate: "strict",
    refine: ({ text, match, start, end }) => {
      // Both credential shapes have a digit: most words after "password" in code have none.
      if (!/\d/.test(text.slice(start, end))) return null;
      // A command or config line, not a sentence: no English function word before the secret
      // word, and the line starts with a lowercase word (a command, a directive).
      const before = lineBefore(text, match.index);
      if (
        !/^[ \t]*(?:-[ \t]+)?(?:[\w-]+:[ \t]+)?(?:[$#>][ \t]+|sudo[ \t]+)?[a-z][\w.-]*(?:[ \t]|$)/
          .test(before)
      ) return null;
      if (SENTENCE_WORD.test(before)) return null;
      const span = unquoted(text, start, end);
      const value = text.slice(span.start, span.end);
      // A credential's own shape; a name with a version (`Vault-Agent-v2`) is none.
      if (!credibleInGate(value) || /[-_.]v\d+$|\d+\.\d+/.test(value)) return null;
      return span;
    },
    examples: {
      match: [
        `nmcli dev wifi connect "Cafe Lumen" password ${pw("cw1")}`,
        `username admin privilege 15 secret 0 ${pw("cw2")}`,
        `ipmitool user set password 2 ${pw("cw3")}`,
        `steps:\n  - run: nmcli dev wifi connect Lab password ${pw("cw4")}`,
      ],
      ignore: [
        "nmcli dev wifi connect Cafe password $WIFI_PASSWORD",
        "the new password Vault-Agent-v2 is not a password",
        "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0",
      ],
    },
  },
  {
    id: "prompt-answer-secret",
    category: "password-assignment",
    description:
      "The answer an automation script sends to a password prompt (expect's send after expect \"*assword:\", pexpect's sendline)",
    keywords: ["send ", "sendline(", "send(", "send_line("],
    pattern:
      /send(?:line|_line)?\(?[ \t]*(?:--[ \t]+)?["'](?<secret>[^"'\r\n]{4,128}?)(?:\\r|\\n)?["']/,
    window: { before: 0, after: 160 },
    tier: 1,
    gate: "strict",
    refine: ({ text, match, start, end, mode }) => {
      // The prompt expected just before names a secret.
      const lead = text.slice(Math.max(0, match.index - 200), match.index);
      const prompt =
        /expect[\w.]*\(?[ \t]*(?:-(?:re|exact)[ \t]+)?["'{]([^"'}\r\n]{1,80})["'}][^\n]*\n?[^\n]*$/i
          .exec(lead);
      if (
        !prompt || !/pass|assword|pwd|secret|token|phrase|pin\b|kennwort|senha/i.test(prompt[1]!)
      ) {
        return null;
      }
      const value = text.slice(start, end);
      return credibleLiteral(value, mode) && !/^\$|\[/.test(value) ? { start, end } : null;
    },
    examples: {
      match: [
        `expect "*assword:"\nsend "${pw("pa1")}\\r"`,
        `child.expect('Password:')\nchild.sendline('${pw("pa2")}')`,
        `spawn ssh admin@sw1\nexpect "password: "\nsend -- "${pw("pa3")}\\r"`,
      ],
      ignore: [
        'expect "*assword:"\nsend "$env(SW_PASSWORD)\\r"',
        'expect "login:"\nsend "admin\\r"',
        'expect "Password:"\nsend "[lindex $argv 0]\\r"',
      ],
    },
  },
];

/** English function words: a line holding one before the secret word is a sentence. */
const SENTENCE_WORD =
  /(?:^|\s)(?:the|a|an|is|are|was|were|your|our|my|this|that|these|please|for|to|of|with|when|if|you|we|it|new|old|and|or|not|no)(?=\s|$)/i;

/** Words that start a sentence, not a command line. */
const PROSE_WORDS = new Set([
  "the",
  "a",
  "an",
  "to",
  "my",
  "your",
  "our",
  "their",
  "his",
  "her",
  "please",
  "and",
  "or",
  "for",
  "with",
  "via",
  "after",
  "before",
  "on",
  "in",
  "of",
  "failed",
  "successful",
  "user",
  "invalid",
  "new",
  "no",
  "if",
  "when",
  "then",
]);

/** Words a flag name ends with when its value is a secret. */
const SECRET_FLAG =
  /(?:^|[-_.])(?:password|passwd|pass|pwd|pw|passphrase|secret|token|api-?key|apikey|auth-?token|access-?token|key|auth|authorization|credentials?|bearer)$|(?:password|passwd|secret|apikey)$|^(?:db|admin|root|user|ftp|smtp|mail|ssh|sql|mysql|pg|redis|ldap|bind|proxy|api|app|store|trust|key|sa|http|wifi)(?:pass|pwd|pw)$/i;

/** Whether a flag's name says it carries a secret (`--db-password`, `--apiKey`, `--pw`). */
function secretFlag(flag: string): boolean {
  const dashed = flag.replace(/([a-z0-9])([A-Z])/g, "$1-$2");
  // A negated switch takes no value: `-no-pass corp/admin@dc01`.
  if (/^no-/i.test(dashed)) return false;
  if (
    /(?:^|[-_.])(?:file|path|dir|env|var|name|id|type|length|prompt|stdin|command|cmd|helper|policy|url|header)(?:[-_.]|$)/i
      .test(dashed)
  ) {
    return false;
  }
  return SECRET_FLAG.test(dashed);
}
