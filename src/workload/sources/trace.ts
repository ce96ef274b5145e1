import type { Rng } from '../../random/rng.ts';
import type { Infer } from '../../spec/schema.ts';
import { enumOf, object, optional, string, transform, withDefault } from '../../spec/schema.ts';
import { SpecError } from '../../spec/specError.ts';
import type { ArrivalProcess } from '../arrivals/arrivalProcess.ts';
import { TimestampArrivals } from '../arrivals/timestampArrivals.ts';
import { tag } from '../kindTag.ts';
import { countsToArrivals } from '../trace/countsToArrivals.ts';
import type { TraceText } from '../trace/index.ts';
import { parseAzureCountsCsv } from '../trace/parseAzureCountsCsv.ts';
import { parseTimestampCsv } from '../trace/parseTimestampCsv.ts';
import { TraceError } from '../trace/traceError.ts';
import type { SourceKind } from './sourceKind.ts';

const schema = transform(
  object({
    file: string({ minLength: 1 }).describe('A CSV file, relative to the experiment file'),
    format: enumOf(['timestamps', 'azure'] as const),
    function: optional(string()).describe(
      'Which function of the trace (a name, or a HashFunction); absent: all of them together',
    ),
    spread: withDefault(enumOf(['uniform', 'poisson'] as const), 'uniform').describe(
      'azure format: spread each minute uniformly (exact counts) or as Poisson',
    ),
  }),
  tag('trace'),
).describe('Replays a recorded trace.');

export type TraceSource = Infer<typeof schema>;

/**
 * A trace file as the host hands it over: its text in chunks, read as they are parsed (a trace
 * of any size never sits whole in memory), and whether its contents may be quoted in messages.
 */
export interface TraceFile {
  chunks: TraceText;
  /**
   * True when the file lies outside the experiment's folder: it may be anything (a system
   * file named by mistake, or by someone else's experiment), so a message says that it is not
   * a trace and where, never what it holds.
   */
  outside?: boolean;
}

/**
 * Reads a trace file named in an experiment (the CLI supplies one; a browser may not): its
 * whole text, or a TraceFile. Called once per file; what it read is kept (TraceData).
 */
export type ReadText = (file: string) => string | TraceFile;

export interface TraceData {
  file: string;
  timestamps?: Map<string, Float64Array>;
  azure?: ReturnType<typeof parseAzureCountsCsv>;
}

/**
 * Loads and checks a trace once, before any run, so that a bad file is
 * reported up front (with its line) rather than in the middle of a sweep.
 */
export function loadTrace(spec: TraceSource, path: string, readText?: ReadText): TraceData {
  if (!readText) throw new SpecError(`${path}.trace.file`, 'trace files cannot be read here');
  let source: TraceFile;
  try {
    const read = readText(spec.file);
    source = typeof read === 'string' ? { chunks: read } : read;
  } catch (e) {
    throw new SpecError(
      `${path}.trace.file`,
      `cannot read "${spec.file}": ${(e as Error).message}`,
    );
  }
  const data: TraceData = { file: spec.file };
  try {
    if (spec.format === 'timestamps') data.timestamps = parseTimestampCsv(source.chunks, spec.file);
    else data.azure = parseAzureCountsCsv(source.chunks, spec.file);
  } catch (e) {
    // The trace's own line and column, under the experiment field that named the file.
    if (e instanceof TraceError) {
      const shown = source.outside
        ? e.withoutContents(spec.format, "the file is outside the experiment's folder")
        : e;
      throw new SpecError(`${path}.trace.file`, shown.message);
    }
    // Anything else, such as a read that fails half-way (the host's error, naming the file).
    throw e;
  }
  const names =
    data.timestamps !== undefined
      ? [...data.timestamps.keys()]
      : data.azure!.map((r) => r.function);
  if (spec.function !== undefined && !names.includes(spec.function)) {
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', ...' : '');
    throw new SpecError(
      `${path}.trace.function`,
      source.outside
        ? `no function "${spec.function}" in ${spec.file}`
        : `no function "${spec.function}" in ${spec.file} (it has ${shown})`,
    );
  }
  return data;
}

function traceArrivals(spec: TraceSource, rng: Rng, trace: TraceData): ArrivalProcess {
  if (trace.timestamps) {
    const picked =
      spec.function !== undefined
        ? [trace.timestamps.get(spec.function)!]
        : [...trace.timestamps.values()];
    const total = picked.reduce((n, a) => n + a.length, 0);
    const all = new Float64Array(total);
    let at = 0;
    for (const a of picked) {
      all.set(a, at);
      at += a.length;
    }
    all.sort();
    return new TimestampArrivals(all);
  }
  const rows = trace.azure!.filter(
    (r) => spec.function === undefined || r.function === spec.function,
  );
  // A loop, not Math.max(...): a trace may hold more functions than a call has arguments.
  const minutes = rows.reduce((m, r) => Math.max(m, r.counts.length), 0);
  const counts = new Uint32Array(minutes);
  for (const r of rows) for (let m = 0; m < r.counts.length; m++) counts[m] += r.counts[m];
  return countsToArrivals(counts, { spread: spec.spread }, rng);
}

/** Only the replayed function(s), and only what falls inside the run. */
function traceExpectedArrivals(s: TraceSource, durationMs: number, trace?: TraceData): number {
  let n = 0;
  if (trace?.timestamps) {
    for (const [name, times] of trace.timestamps) {
      if (s.function !== undefined && name !== s.function) continue;
      for (const t of times) if (t < durationMs) n++;
    }
    return n;
  }
  const minutes = Math.ceil(durationMs / 60_000);
  for (const r of trace?.azure ?? []) {
    if (s.function !== undefined && r.function !== s.function) continue;
    for (let m = 0; m < Math.min(minutes, r.counts.length); m++) n += r.counts[m];
  }
  return n;
}

export const trace: SourceKind<TraceSource> = {
  name: 'trace',
  schema,
  // The trace was loaded by loadTrace when the experiment was resolved.
  create: (s, rng, data) => traceArrivals(s, rng, data!),
  expectedArrivals: traceExpectedArrivals,
};
