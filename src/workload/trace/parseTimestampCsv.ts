import { forEachCsvRow, type TraceText } from './forEachCsvRow.ts';
import { quoteText, TraceError } from './traceError.ts';

// Header names (lower case) of the time column and what to multiply by for ms.
const TIME_COLUMNS: ReadonlyMap<string, number> = new Map([
  ['timestamp', 1],
  ['time_ms', 1],
  ['time_s', 1000],
  ['seconds', 1000],
]);

const DEFAULT_FUNCTION = 'main';

// Plain decimals only: Number() alone would also take "", "0x1f" and "Infinity".
const DECIMAL = /^\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a CSV of arrival times, one arrival per row, with a header naming
 * the columns:
 * - a time column, relative to the start of the trace: `timestamp` or
 *   `time_ms` in milliseconds, or `time_s` or `seconds` in seconds;
 * - optionally `function`, the function invoked (default "main").
 * Other columns are ignored; names are case-insensitive. Rows need not be in
 * time order.
 *
 * Returns the arrival times (ms) of each function, sorted ascending, ready for
 * TimestampArrivals. Throws a TraceError naming the line of the first problem.
 * The text may come in chunks (see TraceText).
 */
export function parseTimestampCsv(text: TraceText, fileName: string): Map<string, Float64Array> {
  let header: string[] | undefined;
  let headerLine = 1;
  let timeIndex = -1;
  let timeScale = 1;
  let functionIndex = -1;
  const times = new Map<string, number[]>();

  forEachCsvRow(text, fileName, (cells, line) => {
    if (header === undefined) {
      header = cells;
      headerLine = line;
      ({ timeIndex, timeScale, functionIndex } = readHeader(cells, fileName, line));
      return;
    }
    if (cells.length !== header.length) {
      throw new TraceError(
        fileName,
        line,
        'row',
        `expected ${header.length} columns, got ${cells.length}`,
      );
    }
    const cell = cells[timeIndex];
    const value = DECIMAL.test(cell) ? Number(cell) * timeScale : Number.NaN;
    if (!Number.isFinite(value)) {
      throw new TraceError(
        fileName,
        line,
        header[timeIndex],
        'must be a non-negative number',
        quoteText(cell),
      );
    }
    const name = functionIndex < 0 ? DEFAULT_FUNCTION : cells[functionIndex];
    if (name === '')
      throw new TraceError(fileName, line, header[functionIndex], 'must not be empty');
    let list = times.get(name);
    if (list === undefined) times.set(name, (list = []));
    list.push(value);
  });

  if (header === undefined)
    throw new TraceError(fileName, 1, 'header', 'missing (the file is empty)');
  if (times.size === 0)
    throw new TraceError(fileName, headerLine, 'trace', 'no arrivals after the header');
  const result = new Map<string, Float64Array>();
  for (const [name, list] of times) result.set(name, Float64Array.from(list).sort());
  return result;
}

function readHeader(
  cells: string[],
  file: string,
  line: number,
): { timeIndex: number; timeScale: number; functionIndex: number } {
  const names = cells.map((c) => c.toLowerCase());
  const timeIndexes = names.flatMap((n, i) => (TIME_COLUMNS.has(n) ? [i] : []));
  const got = quoteText(cells.join(','));
  if (timeIndexes.length === 0) {
    const expected = [...TIME_COLUMNS.keys()].join(', ');
    throw new TraceError(file, line, 'header', `no time column, expected one of ${expected}`, got);
  }
  if (timeIndexes.length > 1) {
    const found = timeIndexes.map((i) => quoteText(cells[i])).join(', ');
    throw new TraceError(file, line, 'header', `more than one time column (${found})`);
  }
  const functionIndexes = names.flatMap((n, i) => (n === 'function' ? [i] : []));
  if (functionIndexes.length > 1) {
    throw new TraceError(file, line, 'header', 'more than one "function" column');
  }
  const timeIndex = timeIndexes[0];
  return {
    timeIndex,
    timeScale: TIME_COLUMNS.get(names[timeIndex])!,
    functionIndex: functionIndexes.length === 1 ? functionIndexes[0] : -1,
  };
}
