export type { CountsSpread, CountsToArrivalsOptions } from './countsToArrivals.ts';
export { countsToArrivals } from './countsToArrivals.ts';
export { MAX_LINE, type TraceText } from './forEachCsvRow.ts';
export type { AzureFunctionCounts } from './parseAzureCountsCsv.ts';
export { parseAzureCountsCsv } from './parseAzureCountsCsv.ts';
export { parseTimestampCsv } from './parseTimestampCsv.ts';
export { TraceError } from './traceError.ts';
