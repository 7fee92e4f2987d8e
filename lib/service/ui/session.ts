// Dashboard sign-in: one-time login codes handed out to `korva ui` over the token-protected API,
// traded once for a session cookie; each session carries its CSRF token. Kept in memory only, so
// a service restart signs everyone out.

/** A signed-in browser. */
export interface UiSession {
  id: string;
  csrf: string;
  expiresAt: number;
}

/** How long a login URL stays valid, and a session after it. */
export const LOGIN_CODE_MS = 2 * 60_000;
export const SESSION_MS = 12 * 60 * 60_000;

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Compare two secrets in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The service's sign-in state. */
export class UiSessions {
  readonly #codes = new Map<string, number>();
  readonly #sessions = new Map<string, UiSession>();
  readonly #now: () => Date;
  /** Cookie name; carries the port because browsers share cookies across ports of a host. */
  readonly cookieName: string;

  constructor(port: number, now: () => Date) {
    this.#now = now;
    this.cookieName = `korva_ui_${port}`;
  }

  /** A fresh one-time login code. */
  issueLoginCode(): string {
    this.#sweep();
    const code = randomToken();
    this.#codes.set(code, this.#now().getTime() + LOGIN_CODE_MS);
    return code;
  }

  /** Trade a login code for a session; undefined when the code is unknown, used or expired. */
  redeem(code: string): UiSession | undefined {
    this.#sweep();
    const entry = [...this.#codes.entries()].find(([known]) => sameSecret(known, code));
    if (!entry) return undefined;
    this.#codes.delete(entry[0]);
    const session = {
      id: randomToken(),
      csrf: randomToken(),
      expiresAt: this.#now().getTime() + SESSION_MS,
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The session named by a request's Cookie header, if valid. */
  fromCookie(cookieHeader: string | null): UiSession | undefined {
    if (!cookieHeader) return undefined;
    this.#sweep();
    for (const pair of cookieHeader.split(";")) {
      const [name, value] = pair.trim().split("=", 2);
      if (name !== this.cookieName || !value) continue;
      const session = this.#sessions.get(value);
      if (session && sameSecret(session.id, value)) return session;
    }
    return undefined;
  }

  /** The Set-Cookie header value for a session. */
  cookie(session: UiSession): string {
    return `${this.cookieName}=${session.id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${
      Math.floor(SESSION_MS / 1000)
    }`;
  }

  #sweep(): void {
    const now = this.#now().getTime();
    for (const [code, expires] of this.#codes) if (expires < now) this.#codes.delete(code);
    for (const [id, session] of this.#sessions) {
      if (session.expiresAt < now) this.#sessions.delete(id);
    }
  }
}
