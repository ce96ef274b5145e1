/**
 * A problem in a trace file, located precisely enough to fix it in an editor:
 * "trace.csv:14: timestamp: must be a non-negative number (got "abc")".
 *
 * What the file holds (`got`) is kept apart from the reason, so that a file
 * that may not be the user's own (outside the experiment's folder, such as a
 * system file named by mistake or by a hostile experiment) can be refused
 * without its contents being echoed: see withoutContents.
 */
export class TraceError extends Error {
  readonly file: string;
  /** 1-based line number in the file. */
  readonly line: number;
  /** The column (or "header", "row", "trace") the problem is in. */
  readonly field: string;
  /** What is wrong, with what the file holds there when `got` is given. */
  readonly reason: string;
  /** The text of the file at fault, quoted, when the message shows it. */
  readonly got?: string;

  constructor(file: string, line: number, field: string, reason: string, got?: string) {
    const full = got === undefined ? reason : `${reason} (got ${got})`;
    super(`${file}:${line}: ${field}: ${full}`);
    this.name = 'TraceError';
    this.file = file;
    this.line = line;
    this.field = field;
    this.reason = full;
    this.got = got;
  }

  /**
   * The same problem, said without quoting the file: that it is not a trace of
   * `format`, and where (line, column) the reading stopped.
   */
  withoutContents(format: string, why: string): TraceError {
    const bare =
      this.got === undefined ? this.reason : this.reason.slice(0, -` (got ${this.got})`.length);
    return new TraceError(
      this.file,
      this.line,
      this.field,
      `not a trace in the "${format}" format (${bare}); its lines are not shown: ${why}`,
    );
  }
}

const MAX_SHOWN = 60;

/** Text of the file for a message: a JSON string, cut short when long (a header of 1,444 columns). */
export function quoteText(text: string): string {
  return JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}...` : text);
}
