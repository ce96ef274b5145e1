import type { TraceText } from './forEachCsvRow.ts';
import { forEachCsvRow } from './forEachCsvRow.ts';
import { checkWidth, decimal } from './headerColumns.ts';
import { quoteText, TraceError } from './traceError.ts';

/** Huawei's 2023 public trace, one day file: each function's requests per minute. */
export interface HuaweiCounts {
  /** The function ids of the header ("0" ... "5092"). */
  names: string[];
  /** counts[f][m]: requests of function f in minute m of the file. */
  counts: Uint32Array[];
}

const MAX_COUNT = 0xffff_ffff;

/**
 * Parses a day of Huawei's 2023 public serverless trace (sir-lab/data-release,
 * public_dataset/requests_minute/day_NN.csv): columns `day`, `time`, then one per function id,
 * one row a minute, `time` in seconds from the start of day 0, an empty cell for no requests.
 * Minute 0 is the file's first row: a day replays from the start of the run. Rows must be one
 * minute apart, in order. Counts may be written as decimals ("3.0", as pandas writes a column
 * with gaps) but must be whole. The public set has no execution times or memory: those come
 * from the experiment's `function` settings.
 */
export function parseHuawei2023Csv(text: TraceText, file: string): HuaweiCounts {
  let names: string[] | undefined;
  let width = 0;
  let timeColumn = -1;
  let firstColumn = 0;
  const rows: Uint32Array[] = [];
  let lastTime = Number.NaN;
  forEachCsvRow(text, file, (cells, line) => {
    if (names === undefined) {
      const day = cells.indexOf('day');
      timeColumn = cells.indexOf('time');
      if (day !== 0 || timeColumn !== 1) {
        throw new TraceError(
          file,
          line,
          'header',
          'expected day,time then one column per function',
          quoteText(cells.join(',')),
        );
      }
      firstColumn = 2;
      names = cells.slice(firstColumn);
      if (names.length === 0)
        throw new TraceError(file, line, 'header', 'no function columns after day,time');
      const seen = new Set<string>();
      for (const n of names) {
        if (n === '') throw new TraceError(file, line, 'header', 'a function column has no name');
        if (seen.has(n)) throw new TraceError(file, line, 'header', `more than one column "${n}"`);
        seen.add(n);
      }
      width = cells.length;
      return;
    }
    checkWidth(cells, width, file, line);
    const time = decimal(cells[timeColumn]);
    if (!(time >= 0))
      throw new TraceError(
        file,
        line,
        'time',
        'must be a non-negative number of seconds',
        quoteText(cells[timeColumn]),
      );
    if (!Number.isNaN(lastTime) && time !== lastTime + 60) {
      throw new TraceError(
        file,
        line,
        'time',
        `must be one minute after the row before (${lastTime + 60})`,
        quoteText(cells[timeColumn]),
      );
    }
    lastTime = time;
    const row = new Uint32Array(names.length);
    for (let f = 0; f < names.length; f++) {
      const cell = cells[firstColumn + f];
      if (cell === '') continue;
      const v = decimal(cell);
      if (!(v >= 0 && v <= MAX_COUNT && Number.isInteger(v))) {
        throw new TraceError(
          file,
          line,
          names[f],
          `must be a whole number of requests in [0, ${MAX_COUNT}] or empty`,
          quoteText(cell),
        );
      }
      row[f] = v;
    }
    rows.push(row);
  });
  if (names === undefined) throw new TraceError(file, 1, 'header', 'missing (the file is empty)');
  if (rows.length === 0) throw new TraceError(file, 1, 'trace', 'no minutes after the header');
  // Function by function: the transpose of the rows.
  const counts = names.map((_, f) => {
    const c = new Uint32Array(rows.length);
    for (let m = 0; m < rows.length; m++) c[m] = rows[m][f];
    return c;
  });
  return { names, counts };
}
