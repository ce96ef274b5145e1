/**
 * results.json, as `coldtail chart` and the library read it back: the schema of
 * ExperimentResults (src/experiments/results.ts), with what must hold of any run's results, so
 * that an edited or damaged file is refused with its field instead of drawing nonsense: counts
 * whole and non-negative, percentiles in order and at most the max, the calls that ended no
 * more than those that arrived, one CDF rising from 0 to 1, one value per timeline window.
 *
 * To add a field to the results: add it to the interface in results.ts and here, in the object
 * it belongs to (`pointShape`, `callsShape`, `coldShape`, ...), optional() if older files lack
 * it. The SameKeys lines at the end fail to compile until both agree.
 */
import { PERCENTILES } from '../metrics/summary.ts';
import { STAGES, type Stage } from '../platform/call.ts';
import {
  array,
  boolean,
  count,
  type Infer,
  integer,
  lazy,
  nullable,
  number,
  object,
  oneOfType,
  optional,
  record,
  refine,
  type SameKeys,
  type Schema,
  string,
  tuple,
} from '../spec/schema.ts';
import { chartsSchema } from './chartsSpec.ts';
import { functionsSummarySchema } from './functionTableSchema.ts';
import { MAX_TIMELINE_WINDOWS } from './resolve.ts';
import type {
  CallCounts,
  ClientResult,
  Estimate,
  ExperimentResults,
  FailureResult,
  LatencyStats,
  PointResult,
  StageBreakdown,
  Timeline,
} from './results.ts';

const nonNegative = number({ min: 0 });
const ms = nullable(nonNegative);

/**
 * A value and its 95% interval; all null when there is nothing to estimate. The interval is
 * the mean's across replications, ± a t quantile: it may reach below 0, and need not hold the
 * value (that of all replications pooled).
 */
const estimateSchema = refine(
  object({ value: ms, low: nullable(number()), high: nullable(number()) }),
  (e) =>
    e.low === null ||
    e.high === null ||
    e.low <= e.high || {
      path: 'low',
      reason: `is above high (${e.low} > ${e.high})`,
    },
);

/** A share in [0, 1] with its interval. */
const shareSchema = refine(
  estimateSchema,
  (e) =>
    e.value === null || e.value <= 1 || { path: 'value', reason: `must be <= 1 (got ${e.value})` },
);

const PERCENTILE_KEYS = PERCENTILES.map(([key]) => key);
const estimateRef = lazy(() => estimateSchema, 'estimate');

const latencyShape = {
  count: count(),
  mean: estimateRef,
  p50: estimateRef,
  p90: estimateRef,
  p95: estimateRef,
  p99: estimateRef,
  p999: estimateRef,
  max: ms,
};

/** Percentiles in order, none above the max; no value without calls. */
const latencySchema = refine(object(latencyShape), (l) => {
  if (l.count === 0) {
    if (l.max !== null) return { path: 'max', reason: 'must be null with no calls' };
    return;
  }
  let previous: { key: string; value: number } | null = null;
  for (const key of PERCENTILE_KEYS) {
    const value = l[key].value;
    if (value === null) continue;
    if (previous !== null && value < previous.value) {
      return {
        path: [key, 'value'],
        reason: `is below ${previous.key} (${value} < ${previous.value})`,
      };
    }
    previous = { key, value };
  }
  for (const key of ['mean', ...PERCENTILE_KEYS] as const) {
    const value = l[key].value;
    // The mean is the sum of values rounded to 2^-20 ms over the count: a hair above the max.
    const slack = key === 'mean' ? 2 ** -20 : 0;
    if (value !== null && l.max !== null && value > l.max + slack) {
      return { path: [key, 'value'], reason: `is above the max (${value} > ${l.max})` };
    }
  }
});

// One definition in the JSON Schema ($defs), referred to by the end-to-end and each stage.
const latencyRef = lazy(() => latencySchema, 'latencyStats');

const stagesOf = <T>(schema: Schema<T>) =>
  object(Object.fromEntries(STAGES.map((s) => [s, schema]))) as unknown as Schema<Record<Stage, T>>;

const breakdownSchema = nullable(
  object({ ...Object.fromEntries(STAGES.map((s) => [s, nonNegative])), latency: nonNegative }),
) as unknown as Schema<StageBreakdown | null>;

const callsShape = {
  arrivals: count(),
  completed: count(),
  throttled: count(),
  timedOut: count(),
  // Absent without a caller's policy, and from results written before callers had one.
  clientTimedOut: optional(count()),
  failed: optional(count()),
  // Absent where nothing can crash, and from results written before crashes were modelled.
  crashed: optional(count()),
  inFlight: count(),
};

const callsSchema = refine(object(callsShape), (c) => {
  const ended =
    c.completed +
    c.throttled +
    c.timedOut +
    (c.clientTimedOut ?? 0) +
    (c.failed ?? 0) +
    (c.crashed ?? 0) +
    c.inFlight;
  if (ended !== c.arrivals) {
    return {
      path: 'arrivals',
      reason: `is ${c.arrivals}, not the ${ended} calls completed, throttled, timed out, given up by the caller, failed, crashed or in flight`,
    };
  }
});

const share = nullable(number({ min: 0, max: 1 }));

const clientShape = {
  requests: count(),
  attempts: count(),
  retries: count(),
  hedges: count(),
  attemptsPerRequest: nullable(number({ min: 1 })),
  callsPerRequest: nullable(number({ min: 1 })),
  timedOutShare: share,
  failedShare: share,
  cancelled: count(),
  extraUsd: nonNegative,
  extraUsdPerMillionRoots: ms,
  extraBilledShare: share,
};

const clientSchema = refine(object(clientShape), (c) =>
  c.retries === c.attempts - c.requests
    ? undefined
    : { path: 'retries', reason: `is not attempts - requests (${c.attempts - c.requests})` },
);

const failureShape = {
  instanceCrashes: count(),
  hostFailures: count(),
  callsLost: count(),
  crashedShare: share,
};

const coldShape = {
  share: shareSchema,
  coldStarts: count(),
  hopsCold: array(count()),
  meanHops: ms,
  // Absent from results written before calls were counted both ways.
  servedFresh: optional(shareSchema),
  waitedOnStart: optional(shareSchema),
  servedFreshCalls: optional(count()),
  waitedOnStartCalls: optional(count()),
};

const costShape = {
  requests: nonNegative,
  gbSeconds: nonNegative,
  usd: nonNegative,
  usdPerMillionRoots: ms,
  instanceGbSeconds: nonNegative,
  // Absent from results written before wasted memory time was measured.
  idleGbSeconds: optional(nonNegative),
};

const perWindow = array(nonNegative, { maxItems: MAX_TIMELINE_WINDOWS + 1 });

const timelineShape = {
  widthMs: number({ exclusiveMin: 0 }),
  t: perWindow,
  starting: perWindow,
  busy: perWindow,
  idle: perWindow,
  arrivals: perWindow,
  throttled: perWindow,
  p99: array(ms, { maxItems: MAX_TIMELINE_WINDOWS + 1 }),
};

const timelineSchema = refine(object(timelineShape), (t) => {
  for (const key of ['starting', 'busy', 'idle', 'arrivals', 'throttled', 'p99'] as const) {
    if (t[key].length !== t.t.length) {
      return {
        path: key,
        reason: `must hold one value per window (${t.t.length}), got ${t[key].length}`,
      };
    }
  }
});

/** The CDF at fixed percentiles: [p, latency] pairs, p from 0 to 1, both rising. */
const cdfSchema = refine(
  // A few dozen pairs in any run; the bound keeps the charts' work bounded too.
  array(tuple(number({ min: 0, max: 1 }), nonNegative), { maxItems: 10_000 }),
  (pairs) => {
    for (let i = 1; i < pairs.length; i++) {
      if (pairs[i][0] <= pairs[i - 1][0]) return { path: [i, 0], reason: 'p must rise' };
      if (pairs[i][1] < pairs[i - 1][1]) return { path: [i, 1], reason: 'latency must not fall' };
    }
  },
);

const sweepValue = oneOfType({ string: string(), number: number(), boolean: boolean() });

const pointShape = {
  index: count(),
  params: record(sweepValue),
  label: string(),
  endToEnd: latencyRef,
  stages: stagesOf(latencyRef),
  breakdown: object({ p50: breakdownSchema, p99: breakdownSchema }),
  calls: callsSchema,
  client: optional(clientSchema),
  failures: optional(object(failureShape)),
  cold: object(coldShape),
  warmers: nullable(
    refine(
      object({ calls: count(), cold: count(), usd: nonNegative }),
      (w) => w.cold <= w.calls || { path: 'cold', reason: `is more than the pings (${w.calls})` },
    ),
  ),
  cost: object(costShape),
  instances: refine(
    object({ mean: nonNegative, max: nonNegative }),
    // A time-weighted mean of a level that never passed the max: above it only by rounding.
    (i) => i.mean <= i.max * (1 + 1e-9) || { path: 'mean', reason: `is above the max (${i.max})` },
  ),
  timeline: nullable(timelineSchema),
  cdf: cdfSchema,
  // Absent from results written before the warm-up check and the drain.
  warmupCheck: optional(object({ mser: nullable(nonNegative), tooShort: boolean() })),
  drain: optional(object({ mean: nonNegative, max: nonNegative })),
  // Only for workloads of many functions (perFunction.ts).
  functions: optional(functionsSummarySchema),
};

const pointSchema = refine(object(pointShape), (p) => {
  if (p.endToEnd.count !== p.calls.completed) {
    return {
      path: ['endToEnd', 'count'],
      reason: `is ${p.endToEnd.count}, not the ${p.calls.completed} completed calls`,
    };
  }
  const cold = p.cold.hopsCold.reduce((a, b) => a + b, 0);
  if (cold !== p.calls.completed) {
    return {
      path: ['cold', 'hopsCold'],
      reason: `holds ${cold} calls, not the ${p.calls.completed} completed`,
    };
  }
});

const axisSchema = refine(
  object({
    path: string({ minLength: 1 }),
    name: string(),
    values: array(sweepValue, { minItems: 1 }),
    ms: optional(array(nonNegative)),
  }),
  (a) =>
    a.ms === undefined ||
    a.ms.length === a.values.length || {
      path: 'ms',
      reason: `must hold one value per value of the axis (${a.values.length}), got ${a.ms.length}`,
    },
);

const resultsShape = {
  coldtail: object({ version: string() }),
  experiment: object({
    name: string({ minLength: 1 }),
    description: string(),
    title: string(),
    charts: optional(chartsSchema),
  }),
  seed: oneOfType({ string: string(), number: integer({ min: 0 }) }),
  replications: integer({ min: 1 }),
  duration: number({ exclusiveMin: 0 }),
  warmup: nonNegative,
  axes: array(axisSchema),
  points: array(pointSchema),
  partial: boolean(),
};

export const resultsSchema = refine(object(resultsShape), (r) => {
  for (let i = 1; i < r.points.length; i++) {
    if (r.points[i].index <= r.points[i - 1].index) {
      return { path: ['points', i, 'index'], reason: 'point indices must rise' };
    }
  }
});

export type ResultsSpec = Infer<typeof resultsSchema>;

// results.ts and this schema describe one file: each line fails to compile when a field is in
// one and not the other.
const _results: ExperimentResults = {} as ResultsSpec;
const _fields: [
  SameKeys<ExperimentResults, typeof resultsShape>,
  SameKeys<PointResult, typeof pointShape>,
  SameKeys<LatencyStats, typeof latencyShape>,
  SameKeys<CallCounts, typeof callsShape>,
  SameKeys<PointResult['cold'], typeof coldShape>,
  SameKeys<PointResult['cost'], typeof costShape>,
  SameKeys<Timeline, typeof timelineShape>,
  SameKeys<Estimate, Infer<typeof estimateSchema>>,
  SameKeys<ClientResult, typeof clientShape>,
  SameKeys<FailureResult, typeof failureShape>,
] = [true, true, true, true, true, true, true, true, true, true];
void [_results, _fields];
