import { TraceError } from './traceError.ts';

/**
 * Splits one CSV line into trimmed cells. Double-quoted cells may contain
 * commas and doubled quotes (RFC 4180), but not line breaks: neither trace
 * format has them, and supporting them would tie line numbers to a full parser.
 */
export function splitCsvLine(text: string, file: string, line: number): string[] {
  // The common case (every cell of the Azure trace) needs no quote handling.
  if (!text.includes('"')) return text.split(',').map((cell) => cell.trim());
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) throw new TraceError(file, line, 'row', 'unterminated quoted cell');
        cell += text.slice(i, close);
        i = close + 1;
        if (text[i] !== '"') break;
        cell += '"';
        i++;
      }
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (i < text.length && text[i] !== ',') {
        throw new TraceError(
          file,
          line,
          'row',
          `unexpected text after a quoted cell at column ${i + 1}`,
        );
      }
    } else {
      const comma = text.indexOf(',', i);
      const stop = comma < 0 ? text.length : comma;
      cell = text.slice(i, stop).trim();
      i = stop;
    }
    cells.push(cell);
    if (i >= text.length) return cells;
    i++; // the comma
  }
}
