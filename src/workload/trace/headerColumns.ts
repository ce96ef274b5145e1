import { quoteText, TraceError } from './traceError.ts';

/**
 * The positions of the named columns in a header row: formats documented by their column names
 * are read by name, so that a file with the columns in another order, or with more of them,
 * still reads. A missing or repeated column is refused, naming it.
 */
export function headerColumns<const N extends string>(
  cells: string[],
  names: readonly N[],
  file: string,
  line: number,
): Record<N, number> {
  const out = {} as Record<N, number>;
  for (const name of names) {
    const at = cells.indexOf(name);
    if (at < 0) {
      const shown = quoteText(cells.join(','));
      throw new TraceError(file, line, 'header', `no "${name}" column`, shown);
    }
    if (cells.indexOf(name, at + 1) >= 0) {
      throw new TraceError(file, line, 'header', `more than one "${name}" column`);
    }
    out[name] = at;
  }
  return out;
}

// Plain decimals only: Number() alone would also take "", "0x1f" and "Infinity".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A cell read as a finite number, or NaN. */
export function decimal(cell: string): number {
  return DECIMAL.test(cell) ? Number(cell) : Number.NaN;
}

/** A cell that must be a non-negative number: its value, or a TraceError naming line and column. */
export function nonNegativeCell(cell: string, file: string, line: number, column: string): number {
  const v = decimal(cell);
  if (!(v >= 0) || !Number.isFinite(v)) {
    throw new TraceError(file, line, column, 'must be a non-negative number', quoteText(cell));
  }
  return v;
}

/** Checks that a row has as many cells as the header. */
export function checkWidth(cells: string[], columns: number, file: string, line: number): void {
  if (cells.length !== columns) {
    throw new TraceError(file, line, 'row', `expected ${columns} columns, got ${cells.length}`);
  }
}
