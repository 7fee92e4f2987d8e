// The error type every layer throws and the exit-code table main.ts maps it to.

/** Exit codes: 0 ok, 1 found something, 2 usage/config/rule error, 3 runtime failure. */
export const ExitCode = {
  ok: 0,
  found: 1,
  usage: 2,
  runtime: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An expected failure with a one-sentence message, an exit code and an optional hint. */
export class KorvaError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(
    message: string,
    options: { exitCode?: ExitCode; hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "KorvaError";
    this.exitCode = options.exitCode ?? ExitCode.usage;
    this.hint = options.hint;
  }
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
