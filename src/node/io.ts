/**
 * Where a command writes and how it learns of Ctrl-C. The real process passes its own
 * streams and signal watcher (bin.ts); tests pass strings and a flag, and run every
 * command in-process, with the exit code returned instead of set on the process.
 */
export interface Writer {
  write(text: string): unknown;
  /** A terminal: progress bars and live status lines are drawn only on one. */
  isTTY?: boolean;
  columns?: number;
}

export interface Interrupts {
  /** True once Ctrl-C (SIGINT) or SIGTERM has come. */
  requested(): boolean;
}

export interface Io {
  stdout: Writer;
  stderr: Writer;
  interrupts: Interrupts;
}
