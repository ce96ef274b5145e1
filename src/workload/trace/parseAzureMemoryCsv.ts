import type { TraceText } from './forEachCsvRow.ts';
import { forEachCsvRow } from './forEachCsvRow.ts';
import { checkWidth, headerColumns, nonNegativeCell } from './headerColumns.ts';
import { TraceError } from './traceError.ts';

const COLUMNS = ['HashOwner', 'HashApp', 'AverageAllocatedMb'] as const;

/**
 * Parses the Azure Functions 2019 memory file (app_memory_percentiles.anon.dNN.csv): HashOwner,
 * HashApp, SampleCount, AverageAllocatedMb, AverageAllocatedMb_pct1 ... _pct100, per
 * application. Returns the average allocated MB by HashApp (unique across owners in the
 * release, the dataset's notes say), the figure Shahrad et al. fit.
 */
export function parseAzureMemoryCsv(text: TraceText, file: string): Map<string, number> {
  let columns: Record<(typeof COLUMNS)[number], number> | undefined;
  let width = 0;
  const out = new Map<string, number>();
  forEachCsvRow(text, file, (cells, line) => {
    if (columns === undefined) {
      columns = headerColumns(cells, COLUMNS, file, line);
      width = cells.length;
      return;
    }
    checkWidth(cells, width, file, line);
    if (cells[columns.HashApp] === '')
      throw new TraceError(file, line, 'HashApp', 'must not be empty');
    const mb = nonNegativeCell(cells[columns.AverageAllocatedMb], file, line, 'AverageAllocatedMb');
    if (!out.has(cells[columns.HashApp])) out.set(cells[columns.HashApp], mb);
  });
  if (columns === undefined) throw new TraceError(file, 1, 'header', 'missing (the file is empty)');
  return out;
}
