import { splitCsvLine } from './splitCsvLine.ts';
import { TraceError } from './traceError.ts';

/**
 * A trace's text: whole, or in chunks as a file is read (split anywhere, even inside a line),
 * so that a trace of any size is parsed with one chunk of text in memory at a time.
 */
export type TraceText = string | Iterable<string>;

/**
 * The longest line read, in characters. A line of the Azure trace (1,440 minutes) is about
 * 10 KB; a file with no line breaks at all (binary data) must not be held whole to find out.
 */
export const MAX_LINE = 1 << 20;

/**
 * Calls `visit` with the cells and 1-based line number of every non-blank line.
 * Accepts \n and \r\n line ends, a trailing newline and a byte-order mark.
 *
 * Walks the text with indexOf rather than splitting it: a day of the Azure
 * trace is some 100 MB, and an array of all its lines would double that.
 */
export function forEachCsvRow(
  text: TraceText,
  file: string,
  visit: (cells: string[], line: number) => void,
): void {
  let line = 0;
  let first = true;
  // The end of the last chunk that is not yet a whole line.
  let carry = '';
  const chunks = typeof text === 'string' ? [text] : text;
  for (const chunk of chunks) {
    let buffer = carry + chunk;
    if (first && buffer.length > 0) {
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
      first = false;
    }
    let from = 0;
    for (;;) {
      const newline = buffer.indexOf('\n', from);
      if (newline < 0) break;
      line++;
      row(buffer, from, newline, file, line, visit);
      from = newline + 1;
    }
    carry = buffer.slice(from);
    if (carry.length > MAX_LINE) {
      throw new TraceError(
        file,
        line + 1,
        'row',
        `longer than ${MAX_LINE} characters (is it a CSV file?)`,
      );
    }
  }
  // The last line, with no newline after it.
  if (carry.length > 0) row(carry, 0, carry.length, file, line + 1, visit);
}

function row(
  text: string,
  from: number,
  stop: number,
  file: string,
  line: number,
  visit: (cells: string[], line: number) => void,
): void {
  if (stop - from > MAX_LINE) {
    throw new TraceError(
      file,
      line,
      'row',
      `longer than ${MAX_LINE} characters (is it a CSV file?)`,
    );
  }
  const end = stop > from && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
  const content = text.slice(from, end);
  if (content.trim() !== '') visit(splitCsvLine(content, file, line), line);
}
