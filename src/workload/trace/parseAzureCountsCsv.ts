import { forEachCsvRow, type TraceText } from './forEachCsvRow.ts';
import { quoteText, TraceError } from './traceError.ts';

/** One row of the Azure Functions trace: a function and its invocations per minute. */
export interface AzureFunctionCounts {
  owner: string;
  app: string;
  /** HashFunction: the key of a function. */
  function: string;
  /** e.g. "http", "timer", "queue", "event", "storage", "orchestration", "others". */
  trigger: string;
  /** counts[m] invocations in minute m + 1 of the trace, i.e. in [m, m + 1) minutes. */
  counts: Uint32Array;
}

const KEY_COLUMNS = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger'] as const;
const MAX_COUNT = 0xffff_ffff;

/**
 * Parses the per-minute invocation counts of the public Azure Functions trace
 * (Shahrad et al., "Serverless in the Wild", USENIX ATC 2020; files
 * invocations_per_function_md.anon.d01.csv and so on):
 *
 *   HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440
 *
 * The minute columns must be 1, 2, ... in order; any number of them (at
 * least one) is accepted, so a cut-down sample parses too. Rows keep every
 * field, in file order. Throws a TraceError naming the line (and the minute)
 * of the first problem. The text may come in chunks (see TraceText).
 */
export function parseAzureCountsCsv(text: TraceText, fileName: string): AzureFunctionCounts[] {
  let columns = 0;
  let headerLine = 1;
  const rows: AzureFunctionCounts[] = [];

  forEachCsvRow(text, fileName, (cells, line) => {
    if (columns === 0) {
      checkHeader(cells, fileName, line);
      columns = cells.length;
      headerLine = line;
      return;
    }
    if (cells.length !== columns) {
      throw new TraceError(
        fileName,
        line,
        'row',
        `expected ${columns} columns, got ${cells.length}`,
      );
    }
    for (let i = 0; i < KEY_COLUMNS.length; i++) {
      if (cells[i] === '')
        throw new TraceError(fileName, line, KEY_COLUMNS[i], 'must not be empty');
    }
    const minutes = columns - KEY_COLUMNS.length;
    const counts = new Uint32Array(minutes);
    for (let m = 0; m < minutes; m++) {
      const count = parseCount(cells[KEY_COLUMNS.length + m]);
      if (count < 0) {
        const got = quoteText(cells[KEY_COLUMNS.length + m]);
        throw new TraceError(
          fileName,
          line,
          `minute ${m + 1}`,
          `must be an integer in [0, ${MAX_COUNT}]`,
          got,
        );
      }
      counts[m] = count;
    }
    rows.push({ owner: cells[0], app: cells[1], function: cells[2], trigger: cells[3], counts });
  });

  if (columns === 0) throw new TraceError(fileName, 1, 'header', 'missing (the file is empty)');
  if (rows.length === 0)
    throw new TraceError(fileName, headerLine, 'trace', 'no functions after the header');
  return rows;
}

function checkHeader(cells: string[], file: string, line: number): void {
  if (cells.length <= KEY_COLUMNS.length) {
    throw new TraceError(
      file,
      line,
      'header',
      `expected ${KEY_COLUMNS.join(',')} then minute columns 1,2,...`,
      quoteText(cells.join(',')),
    );
  }
  KEY_COLUMNS.forEach((name, i) => {
    if (cells[i] !== name) {
      throw new TraceError(
        file,
        line,
        'header',
        `column ${i + 1} must be "${name}"`,
        quoteText(cells[i]),
      );
    }
  });
  for (let i = KEY_COLUMNS.length; i < cells.length; i++) {
    const minute = i - KEY_COLUMNS.length + 1;
    if (cells[i] !== String(minute)) {
      throw new TraceError(
        file,
        line,
        'header',
        `column ${i + 1} must be the minute "${minute}"`,
        quoteText(cells[i]),
      );
    }
  }
}

// Digits only, by hand: a day of the trace has some 60 million cells, and a
// regex test plus Number() on each is several times slower. -1 means invalid.
function parseCount(cell: string): number {
  if (cell.length === 0 || cell.length > 10) return -1;
  let value = 0;
  for (let i = 0; i < cell.length; i++) {
    const digit = cell.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value <= MAX_COUNT ? value : -1;
}
