// The edges of the program: everything a command reads from or writes to the outside world.
// bin/ builds the real one from `process`; tests build their own.

export interface OutStream {
  /** Text, or bytes already encoded as UTF-8 (large outputs, to skip a copy). */
  write(chunk: string | Uint8Array): void;
  /** True when the stream is a terminal (decides colour, pager, table width). */
  isTTY?: boolean;
  /** Terminal width in columns, when a terminal. */
  columns?: number;
  /** Set once the reader has gone away (a closed pipe): later output goes nowhere. */
  readonly closed?: boolean;
  /** Resolves once what was written is with the operating system (for a writer that pages: backpressure). */
  flushed?(): Promise<void>;
}

/** A terminal to read keys from and draw on. */
export interface Terminal {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

export interface IO {
  stdout: OutStream;
  stderr: OutStream;
  /** The whole of standard input (only read when a path needs it). */
  readStdin(): Promise<string>;
  env: Record<string, string | undefined>;
  cwd: string;
  now(): Date;
  /**
   * The terminal the auto-prompt works on: standard input, and standard output (standard error when
   * only that one is a terminal). Absent where there is none to offer (tests, inner runs).
   */
  terminal?(): Terminal;
  /**
   * Runs `hook` when the command has ended, as Python's atexit does: each hook once, however often it is
   * registered (cli.ts gives every command this).
   */
  atExit?(hook: ExitHook): void;
  /**
   * Set where the process ends with the command (bin/aws): what the command holds open, such as its
   * pooled connections, is left for the operating system to close, as Python leaves urllib3's pool.
   * (Closing a socket in Node also makes process.stderr's stream, about 1 ms of a command that wrote
   * nothing to it.) Unset (tests, inner runs): the command closes what it opened.
   */
  endsProcess?: boolean;
}

/** What runs at exit, on the command's IO. */
export type ExitHook = (io: IO) => void;
