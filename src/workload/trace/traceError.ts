/**
 * A problem in a trace file, located precisely enough to fix it in an editor:
 * "trace.csv:14: timestamp: must be a non-negative number (got "abc")".
 */
export class TraceError extends Error {
  readonly file: string;
  /** 1-based line number in the file. */
  readonly line: number;
  /** The column (or "header", "row", "trace") the problem is in. */
  readonly field: string;
  readonly reason: string;

  constructor(file: string, line: number, field: string, reason: string) {
    super(`${file}:${line}: ${field}: ${reason}`);
    this.name = 'TraceError';
    this.file = file;
    this.line = line;
    this.field = field;
    this.reason = reason;
  }
}
