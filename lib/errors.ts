// The error type every layer throws and the exit-code table main.ts maps it to.

/**
 * Exit codes: 0 ok, 1 found something, 2 usage/config/rule error, 3 runtime failure, 4 the
 * named memory or session does not exist.
 */
export const ExitCode = {
  ok: 0,
  found: 1,
  usage: 2,
  runtime: 3,
  notFound: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An expected failure with a one-sentence message, an exit code, an optional hint for a person
 * at a terminal (a command to run) and an optional hint for a model (a tool to call).
 */
export class KorvaError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;
  readonly modelHint: string | undefined;

  constructor(
    message: string,
    options: { exitCode?: ExitCode; hint?: string; modelHint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "KorvaError";
    this.exitCode = options.exitCode ?? ExitCode.usage;
    this.hint = options.hint;
    this.modelHint = options.modelHint;
  }
}

/** A memory or session that does not exist (exit 4, HTTP 404). */
export function notFoundError(what: "memory" | "session", id: string): KorvaError {
  const listing = what === "memory"
    ? {
      hint: "run `korva search` or `korva list` to find ids",
      modelHint: "call vault_search to find the id",
    }
    : {
      hint: "sessions are started by editors through MCP",
      modelHint: "call vault_session_start first and use the id it returns",
    };
  return new KorvaError(`No ${what} with id "${id.trim()}"`, {
    exitCode: ExitCode.notFound,
    ...listing,
  });
}

/** A usage error (exit 2): bad input the user can correct. */
export function usageError(message: string, hint?: string): KorvaError {
  return new KorvaError(message, hint === undefined ? { exitCode: 2 } : { exitCode: 2, hint });
}

/** A runtime failure (exit 3): the environment, not the input, is at fault. */
export function runtimeError(message: string, cause?: unknown, hint?: string): KorvaError {
  return new KorvaError(message, {
    exitCode: 3,
    ...(cause === undefined ? {} : { cause }),
    ...(hint === undefined ? {} : { hint }),
  });
}

/** The message of any thrown value, for wrapping in a KorvaError. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An expected failure from a module that cannot import KorvaError (lib/privacy). */
export interface ExpectedError {
  message: string;
  exitCode: ExitCode;
  hint: string | undefined;
}

/** Whether an error is expected (KorvaError, or an Error carrying an exit code of the table). */
export function isExpected(error: unknown): error is Error & ExpectedError {
  if (error instanceof KorvaError) return true;
  const code = (error as { exitCode?: unknown } | null)?.exitCode;
  return error instanceof Error && typeof code === "number" &&
    (Object.values(ExitCode) as number[]).includes(code);
}
