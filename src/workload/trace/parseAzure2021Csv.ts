import type { TraceText } from './forEachCsvRow.ts';
import { forEachCsvRow } from './forEachCsvRow.ts';
import { checkWidth, headerColumns, nonNegativeCell } from './headerColumns.ts';
import { TraceError } from './traceError.ts';

const COLUMNS = ['app', 'func', 'end_timestamp', 'duration'] as const;

/** One function of the Azure 2021 trace: its calls' start times (ms, sorted) and durations (ms, sorted). */
export interface Azure2021Function {
  /** "app/func": func is unique only within its app (the dataset's notes). */
  name: string;
  starts: Float64Array;
  durations: Float64Array;
}

/**
 * Parses the Azure Functions 2021 invocation trace (AzureFunctionsInvocationTraceForTwoWeeksJan2021):
 * one row per invocation, columns app, func, end_timestamp, duration, in seconds, read by name.
 * A call starts at end_timestamp - duration (at 0 when that is before the trace began: the call
 * was running when recording started). Rows need not be in time order. Functions are returned
 * in the order they first appear. The dataset says nothing of cold starts in the duration (issue
 * 21 says it excludes them): coldtail adds its own cold starts to it.
 */
export function parseAzure2021Csv(text: TraceText, file: string): Azure2021Function[] {
  let columns: Record<(typeof COLUMNS)[number], number> | undefined;
  let width = 0;
  const byName = new Map<string, { starts: number[]; durations: number[] }>();
  forEachCsvRow(text, file, (cells, line) => {
    if (columns === undefined) {
      columns = headerColumns(cells, COLUMNS, file, line);
      width = cells.length;
      return;
    }
    checkWidth(cells, width, file, line);
    const app = cells[columns.app];
    const func = cells[columns.func];
    if (app === '') throw new TraceError(file, line, 'app', 'must not be empty');
    if (func === '') throw new TraceError(file, line, 'func', 'must not be empty');
    const end = nonNegativeCell(cells[columns.end_timestamp], file, line, 'end_timestamp');
    const duration = nonNegativeCell(cells[columns.duration], file, line, 'duration');
    const name = `${app}/${func}`;
    let f = byName.get(name);
    if (f === undefined) byName.set(name, (f = { starts: [], durations: [] }));
    f.starts.push(Math.max(0, end - duration) * 1000);
    f.durations.push(duration * 1000);
  });
  if (columns === undefined) throw new TraceError(file, 1, 'header', 'missing (the file is empty)');
  if (byName.size === 0) throw new TraceError(file, 1, 'trace', 'no invocations after the header');
  return [...byName].map(([name, f]) => ({
    name,
    starts: Float64Array.from(f.starts).sort(),
    durations: Float64Array.from(f.durations).sort(),
  }));
}
