/**
 * A problem found in a user's spec (model or experiment file), located by a
 * path into the document so that the message points at the line to fix.
 */
export class SpecError extends Error {
  /** Where in the document, e.g. "platform.coldStart.lognormal.p99" or "sweep.depth[2]"; "" for the root. */
  readonly path: string;
  /** What is wrong: lowercase, no trailing period, e.g. "must be >= 0 (got -3)". */
  readonly reason: string;
  /** The file the document came from, when known. */
  readonly file?: string;

  constructor(path: string, reason: string, file?: string) {
    super(formatSpecMessage(path, reason, file));
    this.name = 'SpecError';
    this.path = path;
    this.reason = reason;
    this.file = file;
  }
}

function formatSpecMessage(path: string, reason: string, file?: string): string {
  return [file, path, reason].filter((part) => part !== undefined && part !== '').join(': ');
}

/**
 * The same error with the file it came from. Parsing code does not know file
 * names (it also runs in a browser), so the CLI adds them on the way out.
 * Anything that is not a SpecError is returned unchanged, so that a catch
 * block can rethrow `withFile(err, file)` whatever it caught.
 */
export function withFile(err: SpecError, file: string): SpecError;
export function withFile(err: unknown, file: string): unknown;
export function withFile(err: unknown, file: string): unknown {
  if (!(err instanceof SpecError)) return err;
  return new SpecError(err.path, err.reason, file);
}

/** One step into a document: a field name or an array index. */
export type PathSegment = string | number;

// Field names that read unambiguously after a dot; anything else (e.g. "p99.9",
// "my func") is written in brackets as a JSON string so the path stays parseable.
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Extends a path by one or more segments: ("a", "b") -> "a.b", ("a", 2) -> "a[2]". */
export function joinPath(path: string, ...segments: readonly PathSegment[]): string {
  let out = path;
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
