// The effects every command and lib function reaches through: built once in main.ts, faked by
// nothing (tests build a real one over temp dirs with makeDeps()).

/** Terminal I/O: stdout, stderr, stdin and whether we talk to a person. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  readonly isTerminal: boolean;
  /** Whether stderr is a terminal (progress bars are drawn only then). */
  readonly stderrIsTerminal?: boolean;
  /** Ask a yes/no question on stderr; false when stdin is not a terminal. */
  confirm(question: string): Promise<boolean>;
}

/** How editors, hooks and launchers should start this korva (absolute paths). */
export interface SelfCommand {
  command: string;
  args: string[];
}

/** Everything effectful a command needs. */
export interface Deps {
  /** Absolute KORVA_HOME. */
  home: string;
  /** Whether home came from KORVA_HOME (so configs written for editors must carry it). */
  homeFromEnv: boolean;
  env: (name: string) => string | undefined;
  now: () => Date;
  cwd: string;
  io: Io;
  version: string;
  self: SelfCommand;
  /** A command that succeeded but found something (exit 1) sets this instead of throwing. */
  status: { exitCode: number };
}
