import type { TraceText } from './forEachCsvRow.ts';
import { forEachCsvRow } from './forEachCsvRow.ts';
import { checkWidth, headerColumns, nonNegativeCell } from './headerColumns.ts';
import { TraceError } from './traceError.ts';

/** The percentile columns of the durations file and the probabilities they stand for. */
export const DURATION_PERCENTILES = [
  ['percentile_Average_0', 0],
  ['percentile_Average_1', 0.01],
  ['percentile_Average_25', 0.25],
  ['percentile_Average_50', 0.5],
  ['percentile_Average_75', 0.75],
  ['percentile_Average_99', 0.99],
  ['percentile_Average_100', 1],
] as const;

const KEYS = ['HashOwner', 'HashApp', 'HashFunction'] as const;
const COLUMNS = [...KEYS, ...DURATION_PERCENTILES.map(([c]) => c)] as const;

/**
 * Parses the Azure Functions 2019 execution-time file (function_durations_percentiles.anon.dNN.csv):
 * HashOwner, HashApp, HashFunction, Average, Count, Minimum, Maximum, percentile_Average_0, _1,
 * _25, _50, _75, _99, _100, in ms, cold start excluded. Columns are read by name; Average,
 * Count, Minimum and Maximum are not used (the dataset notes say Minimum and Maximum are
 * sometimes missing). Returns, by "HashApp/HashFunction", the seven percentiles in order.
 * The percentiles are of 30-second averages, not of single calls (the dataset's notes): a
 * function's spread read from them is narrower than that of its calls.
 */
export function parseAzureDurationsCsv(text: TraceText, file: string): Map<string, number[]> {
  let columns: Record<(typeof COLUMNS)[number], number> | undefined;
  let width = 0;
  const out = new Map<string, number[]>();
  forEachCsvRow(text, file, (cells, line) => {
    if (columns === undefined) {
      columns = headerColumns(cells, COLUMNS, file, line);
      width = cells.length;
      return;
    }
    checkWidth(cells, width, file, line);
    for (const k of KEYS)
      if (cells[columns[k]] === '') throw new TraceError(file, line, k, 'must not be empty');
    const values = DURATION_PERCENTILES.map(([c]) =>
      nonNegativeCell(cells[columns![c]], file, line, c),
    );
    for (let i = 1; i < values.length; i++) {
      if (values[i] < values[i - 1]) {
        const [c, prev] = [DURATION_PERCENTILES[i][0], DURATION_PERCENTILES[i - 1][0]];
        throw new TraceError(
          file,
          line,
          c,
          `must not be less than ${prev} (${values[i - 1]})`,
          String(values[i]),
        );
      }
    }
    const key = `${cells[columns.HashApp]}/${cells[columns.HashFunction]}`;
    // A function seen twice (a file joined from several): its first row stands.
    if (!out.has(key)) out.set(key, values);
  });
  if (columns === undefined) throw new TraceError(file, 1, 'header', 'missing (the file is empty)');
  return out;
}
