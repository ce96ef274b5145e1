import type { Rng } from '../random/rng.ts';
import { duration, formatDuration } from '../spec/duration.ts';
import {
  array,
  enumOf,
  type Infer,
  integer,
  number,
  object,
  oneKey,
  oneOfType,
  optional,
  probability,
  refine,
  select,
  string,
  transform,
  withDefault,
} from '../spec/schema.ts';
import { SpecError } from '../spec/specError.ts';
import type { ArrivalProcess } from './arrivals/arrivalProcess.ts';
import {
  burstRate,
  ConstantArrivals,
  dailyCycle,
  onOffRate,
  PoissonArrivals,
  piecewiseRate,
  RateFunctionArrivals,
  TimestampArrivals,
} from './arrivals/index.ts';
import {
  countsToArrivals,
  parseAzureCountsCsv,
  parseTimestampCsv,
  TraceError,
  type TraceText,
} from './trace/index.ts';

const rate = number({ min: 0, max: 1e7 }).describe('Calls per second');
const positiveRate = number({ exclusiveMin: 0, max: 1e7 }).describe('Calls per second');

/** The shortest phase of a periodic rate, ms: arrivals step through phases one by one. */
const MIN_PHASE_MS = 1;

function atLeastPhase(field: string, ms: number): { path: string; reason: string } | undefined {
  if (ms >= MIN_PHASE_MS) return undefined;
  return { path: field, reason: `must be at least ${formatDuration(MIN_PHASE_MS)} (got ${ms} ms)` };
}

const tag =
  <K extends string>(kind: K) =>
  <T extends object>(v: T) => ({ kind, ...v });

/** One source of root calls; times are from the start of the run (warm-up included). */
export const sourceSchema = oneKey({
  poisson: transform(object({ perSecond: rate }), tag('poisson')).describe(
    'Poisson arrivals at a steady rate.',
  ),
  constant: transform(object({ perSecond: positiveRate }), tag('constant')).describe(
    'Evenly spaced arrivals.',
  ),
  burst: transform(
    object({
      base: withDefault(rate, 0).describe('Calls per second before and after the burst'),
      peak: rate,
      at: duration(),
      duration: duration({ allowZero: false }),
    }),
    tag('burst'),
  ).describe('Poisson at `base`, jumping to `peak` per second at `at` for `duration`.'),
  onOff: transform(
    refine(
      object({
        on: rate,
        onDuration: duration({ allowZero: false }),
        offDuration: duration({ allowZero: false }),
        off: withDefault(rate, 0),
      }),
      // The arrivals step through every phase: sub-millisecond phases would take for ever.
      ({ onDuration, offDuration }) =>
        atLeastPhase('onDuration', onDuration) ?? atLeastPhase('offDuration', offDuration),
    ),
    tag('onOff'),
  ).describe('Poisson, alternating between an on rate and an off rate.'),
  piecewise: transform(
    refine(
      object({
        points: array(object({ at: duration(), perSecond: rate }), { minItems: 1 }),
      }),
      ({ points }) => {
        for (let i = 1; i < points.length; i++) {
          if (!(points[i].at > points[i - 1].at)) {
            return {
              path: ['points', i, 'at'],
              reason: `must be later than points[${i - 1}].at (${formatDuration(points[i - 1].at)})`,
            };
          }
        }
        return undefined;
      },
    ),
    tag('piecewise'),
  ).describe('Poisson whose rate steps to `perSecond` at each `at`.'),
  daily: transform(
    refine(
      object({
        mean: rate,
        amplitude: probability().describe('0: flat; 1: the rate falls to zero at the trough'),
        peakAt: withDefault(duration(), 14 * 3_600_000),
        period: withDefault(duration({ allowZero: false }), 86_400_000),
      }),
      ({ period }) => atLeastPhase('period', period),
    ),
    tag('daily'),
  ).describe('Poisson with a sinusoidal daily cycle.'),
  trace: transform(
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
  ).describe('Replays a recorded trace.'),
});

export type SourceSpec = Infer<typeof sourceSchema>;

export const workloadSchema = oneOfType({
  array: array(sourceSchema, { minItems: 1 }),
  object: transform(sourceSchema, (s) => [s]),
}).describe('A source of root calls, or a list of sources mixed together');

export const warmersSchema = refine(
  object({
    // "none" switches the warmers off, so that one sweep can compare with and
    // without them (a very long period would stretch a log axis instead).
    period: select<number | 'none'>(
      [{ when: (v) => v === 'none', schema: enumOf(['none'] as const) }],
      duration({ allowZero: false }),
    ).describe(
      'Time between rounds of pings, or "none": no warmers (e.g. as one value of a sweep)',
    ),
    instances: withDefault(integer({ min: 1, max: 10_000 }), 1).describe(
      'Pings sent at once each round: instances kept warm',
    ),
    jitter: withDefault(duration(), 0),
    functions: optional(
      oneOfType({
        string: enumOf(['all'] as const),
        array: array(string({ minLength: 1 }), { minItems: 1 }),
      }),
    ).describe(
      'Functions to ping, each with `instances` pings a round: a list of names, or "all" (default: the entry function)',
    ),
  }),
  // Each round fires within its own period, so the rounds stay in order.
  ({ period, jitter }) =>
    period === 'none' ||
    jitter <= period || {
      path: 'jitter',
      reason: `must not be longer than the period (${formatDuration(period)})`,
    },
);

export type WarmersSpec = Infer<typeof warmersSchema>;

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
export function loadTrace(
  spec: Extract<SourceSpec, { kind: 'trace' }>,
  path: string,
  readText?: ReadText,
): TraceData {
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

/** Makes a fresh arrival process for one run. */
export function createArrivals(spec: SourceSpec, rng: Rng, trace?: TraceData): ArrivalProcess {
  switch (spec.kind) {
    case 'poisson':
      return new PoissonArrivals(spec.perSecond, rng);
    case 'constant':
      return new ConstantArrivals(spec.perSecond);
    case 'burst':
      return RateFunctionArrivals.fromShape(burstRate(spec), rng);
    case 'onOff':
      return RateFunctionArrivals.fromShape(onOffRate(spec), rng);
    case 'piecewise':
      return RateFunctionArrivals.fromShape(piecewiseRate(spec.points), rng);
    case 'daily':
      return RateFunctionArrivals.fromShape(
        dailyCycle({
          mean: spec.mean,
          amplitude: spec.amplitude,
          peakAt: spec.peakAt,
          periodMs: spec.period,
        }),
        rng,
      );
    case 'trace':
      return traceArrivals(spec, rng, trace!);
  }
}

function traceArrivals(
  spec: Extract<SourceSpec, { kind: 'trace' }>,
  rng: Rng,
  trace: TraceData,
): ArrivalProcess {
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

export { TraceError };
