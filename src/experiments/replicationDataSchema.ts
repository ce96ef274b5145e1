/**
 * What one replication measured, as a worker thread or a shard file hands it back
 * (ReplicationDataJSON): the schema that `coldtail merge` reads shard files with. Beyond the
 * shapes, it checks what must hold of any recording, so that a damaged or tampered file is
 * refused with its field instead of merging into nonsense or into a run out of memory: counts
 * are whole and non-negative, each histogram's buckets add up to its count and lie between its
 * min and max, the calls that ended are no more than those that arrived, and every histogram of
 * the completed calls holds each of them once.
 *
 * A field added to ReplicationData (src/experiments/recorder.ts) goes into `replicationShape`
 * below, with its bounds; the type check at the end fails to compile until it is there.
 */
import {
  bucketLowerBound,
  bucketUpperBound,
  HIGHEST_TRACKABLE,
  type HistogramJSON,
  LOWEST_DISCERNIBLE,
  OCTAVES,
  SUB_BUCKETS,
} from '../metrics/histogram.ts';
import type { TimeSeriesJSON } from '../metrics/timeSeries.ts';
import { STAGES } from '../platform/call.ts';
import {
  array,
  count,
  type Infer,
  integer,
  lazy,
  literal,
  nullable,
  number,
  object,
  optional,
  record,
  refine,
  type SameKeys,
  string,
  tuple,
} from '../spec/schema.ts';
import { functionTableSchema } from './functionTableSchema.ts';
import { BREAKDOWN_STRIDE, breakdownBin } from './recorder.ts';
import type { ReplicationDataJSON } from './replicationData.ts';
import { MAX_TIMELINE_WINDOWS } from './resolve.ts';

const BUCKETS = OCTAVES * SUB_BUCKETS;
const nonNegative = number({ min: 0 });

/** A Histogram's JSON (Histogram.toJSON), checked so that Histogram.fromJSON cannot be fooled. */
export const histogramSchema = refine(
  object({
    format: literal('coldtail-histogram/1'),
    unit: literal('ms'),
    count: count(),
    min: nullable(number({ min: 0, max: HIGHEST_TRACKABLE })),
    max: nullable(number({ min: 0, max: HIGHEST_TRACKABLE })),
    // At most 2^53 values of at most 2^50 units each: under 2^103, 32 digits.
    sumUnits: string({
      pattern: /^\d{1,32}$/,
      patternHint: 'a whole number of 2^-20 ms written as a string',
    }),
    zero: count(),
    overflow: count(),
    buckets: array(tuple(integer({ min: 0, max: BUCKETS - 1 }), count()), { maxItems: BUCKETS }),
  }),
  (h) => {
    let total = h.zero;
    for (let i = 0; i < h.buckets.length; i++) {
      const [index, n] = h.buckets[i];
      if (i > 0 && index <= h.buckets[i - 1][0]) {
        return { path: ['buckets', i, 0], reason: 'bucket indices must increase' };
      }
      if (n === 0)
        return { path: ['buckets', i, 1], reason: 'must be > 0 (empty buckets are left out)' };
      total += n;
    }
    if (total !== h.count) {
      return {
        path: 'count',
        reason: `is ${h.count}, but zero and the buckets hold ${total} values`,
      };
    }
    if (h.overflow > h.count) {
      return { path: 'overflow', reason: `is more than the count (${h.overflow} > ${h.count})` };
    }
    if (h.count === 0) {
      if (h.min !== null || h.max !== null)
        return { path: 'min', reason: 'must be null with no values' };
      return;
    }
    if (h.min === null || h.max === null) {
      return {
        path: h.min === null ? 'min' : 'max',
        reason: 'must be a number when there are values',
      };
    }
    if (h.min > h.max) return { path: 'min', reason: `is above max (${h.min} > ${h.max})` };
    if (h.zero > 0 && h.min >= LOWEST_DISCERNIBLE) {
      return {
        path: 'min',
        reason: `is ${h.min}, but zero counts values below ${LOWEST_DISCERNIBLE}`,
      };
    }
    // A bucket holds values in [lower, upper), all of them within [min, max].
    if (h.buckets.length > 0) {
      const first = h.buckets[0][0];
      const last = h.buckets[h.buckets.length - 1][0];
      if (bucketUpperBound(first) <= h.min) {
        return {
          path: 'min',
          reason: `is above the values of bucket ${first} (below ${bucketUpperBound(first)})`,
        };
      }
      if (bucketLowerBound(last) > h.max) {
        return {
          path: 'max',
          reason: `is below the values of bucket ${last} (from ${bucketLowerBound(last)})`,
        };
      }
    } else if (h.max >= LOWEST_DISCERNIBLE) {
      return {
        path: 'max',
        reason: `is ${h.max}, but every value is in zero (below ${LOWEST_DISCERNIBLE})`,
      };
    }
  },
);

// The breakdown table's length in every recording: one row per bin, the top bin for the
// longest latencies.
const BREAKDOWN_LENGTH = (breakdownBin(Number.MAX_VALUE) + 1) * BREAKDOWN_STRIDE;

/** A breakdown table, sparse: [index, value] of its non-zero cells (ReplicationDataJSON). */
export const breakdownSchema = array(
  tuple(integer({ min: 0, max: BREAKDOWN_LENGTH - 1 }), nonNegative),
  { maxItems: BREAKDOWN_LENGTH },
);

const perWindow = array(nonNegative, { maxItems: MAX_TIMELINE_WINDOWS + 1 });

/** A TimeSeries' JSON, every series one value per window. */
const timeSeriesSchema = refine(
  object({
    widthMs: number({ exclusiveMin: 0 }),
    // One more than the windows of the duration: the end may fall just past a boundary.
    windows: integer({ min: 1, max: MAX_TIMELINE_WINDOWS + 1 }),
    endMs: nonNegative,
    counts: record(perWindow),
    gauges: record(object({ mean: perWindow, max: perWindow })),
  }),
  (s) => {
    for (const [name, c] of Object.entries(s.counts)) {
      if (c.length !== s.windows) return windowsIssue(['counts', name], c.length, s.windows);
    }
    for (const [name, g] of Object.entries(s.gauges)) {
      if (g.mean.length !== s.windows)
        return windowsIssue(['gauges', name, 'mean'], g.mean.length, s.windows);
      if (g.max.length !== s.windows)
        return windowsIssue(['gauges', name, 'max'], g.max.length, s.windows);
    }
  },
);

function windowsIssue(path: (string | number)[], got: number, windows: number) {
  return { path, reason: `must hold one value per window (${windows}), got ${got}` };
}

// One definition in the JSON Schema ($defs), referred to by every histogram.
const histogramRef = lazy(() => histogramSchema, 'histogram');

const replicationShape = {
  endToEnd: histogramRef,
  stages: array(histogramRef, { minItems: STAGES.length, maxItems: STAGES.length }),
  breakdown: breakdownSchema,
  breakdownLength: integer({ min: BREAKDOWN_LENGTH, max: BREAKDOWN_LENGTH }),
  arrivals: count(),
  completed: count(),
  throttled: count(),
  timedOut: count(),
  client: nullable(
    object({
      clientTimedOut: count(),
      failed: count(),
      requests: count(),
      attempts: count(),
      hedges: count(),
      cancelled: count(),
      extraCalls: count(),
      billedMs: nonNegative,
      extraBilledMs: nonNegative,
      extraUsd: nonNegative,
    }),
  ),
  // Absent from shard files written before crashes were modelled.
  failures: optional(
    nullable(
      object({
        crashed: count(),
        instanceCrashes: count(),
        hostFailures: count(),
        callsLost: count(),
      }),
    ),
  ),
  coldRoots: count(),
  startWaitRoots: count(),
  hopsCold: array(count()),
  hops: count(),
  coldStarts: count(),
  warmers: nullable(object({ calls: count(), cold: count() })),
  cost: object({
    requests: count(),
    gbSeconds: nonNegative,
    usd: nonNegative,
    warmerUsd: nonNegative,
  }),
  instances: object({
    mean: nonNegative,
    max: nonNegative,
    gbSeconds: nonNegative,
    idleGbSeconds: optional(nonNegative),
  }),
  timeline: nullable(
    refine(
      object({ series: timeSeriesSchema, p99: array(nullable(histogramRef)) }),
      (t) =>
        t.p99.length === t.series.windows || windowsIssue(['p99'], t.p99.length, t.series.windows),
    ),
  ),
  events: count(),
  drainMs: nonNegative,
  mserMs: nullable(nonNegative),
  warmupMs: nonNegative,
  functions: optional(functionTableSchema),
};

export const replicationDataSchema = refine(object(replicationShape), (d) => {
  const gaveUp = d.client?.clientTimedOut ?? 0;
  const failed = d.client?.failed ?? 0;
  const crashed = d.failures?.crashed ?? 0;
  const ended = d.completed + d.throttled + d.timedOut + gaveUp + failed + crashed;
  if (ended > d.arrivals) {
    const client =
      (d.client === null ? '' : ` + ${gaveUp} given up by the caller + ${failed} failed`) +
      (d.failures ? ` + ${crashed} crashed` : '');
    return {
      path: 'arrivals',
      reason: `is ${d.arrivals}, fewer than the calls that ended (${d.completed} completed + ${d.throttled} throttled + ${d.timedOut} timed out${client})`,
    };
  }
  if (d.client !== null && d.client.requests !== ended) {
    return {
      path: 'client.requests',
      reason: `is ${d.client.requests}, not the ${ended} requests that ended`,
    };
  }
  if (d.client !== null && d.client.attempts < d.client.requests) {
    return { path: 'client.attempts', reason: 'is fewer than the requests (each makes one)' };
  }
  if (d.coldRoots > d.completed) {
    return { path: 'coldRoots', reason: `is more than the completed calls (${d.completed})` };
  }
  if (d.startWaitRoots > d.completed) {
    return { path: 'startWaitRoots', reason: `is more than the completed calls (${d.completed})` };
  }
  // Each completed call is in each histogram once, and in one breakdown bin and hopsCold entry.
  if (d.endToEnd.count !== d.completed) {
    return {
      path: ['endToEnd', 'count'],
      reason: `is ${d.endToEnd.count}, not the ${d.completed} completed calls`,
    };
  }
  for (let i = 0; i < d.stages.length; i++) {
    if (d.stages[i].count !== d.completed) {
      return {
        path: ['stages', i, 'count'],
        reason: `is ${d.stages[i].count}, not the ${d.completed} completed calls`,
      };
    }
  }
  const hopsCold = d.hopsCold.reduce((a, b) => a + b, 0);
  if (hopsCold !== d.completed) {
    return {
      path: 'hopsCold',
      reason: `holds ${hopsCold} calls, not the ${d.completed} completed`,
    };
  }
  let binned = 0;
  for (let k = 0; k < d.breakdown.length; k++) {
    const [index, value] = d.breakdown[k];
    if (k > 0 && index <= d.breakdown[k - 1][0]) {
      return { path: ['breakdown', k, 0], reason: 'cell indices must increase' };
    }
    if (index % BREAKDOWN_STRIDE === 0) binned += value;
  }
  if (binned !== d.completed) {
    return {
      path: 'breakdown',
      reason: `counts ${binned} calls, not the ${d.completed} completed`,
    };
  }
  // An instance starts only for a call that found none free (a scaling policy starts one per
  // call waiting uncovered), and every call, root, nested or warmer ping, reaches its pool in an
  // event of its own (Invoker schedules pool.arrive): a run starts no more instances than it
  // processed events. Starts are counted after warm-up, events over the whole run, so honest
  // data stays well inside this; a scaling policy that starts instances with no call waiting
  // (ahead of demand) must revisit it.
  if (d.coldStarts > d.events) {
    return {
      path: 'coldStarts',
      reason: `is ${d.coldStarts}, more than the ${d.events} events of the run (each instance start answers a call's arrival, an event of its own)`,
    };
  }
  if (d.warmers !== null && d.warmers.cold > d.warmers.calls) {
    return {
      path: ['warmers', 'cold'],
      reason: `is more than the pings sent (${d.warmers.calls})`,
    };
  }
  // A time-weighted mean of a level that never passed the max: above it only by rounding.
  if (d.instances.mean > d.instances.max * (1 + 1e-9)) {
    return { path: ['instances', 'mean'], reason: `is above the max (${d.instances.max})` };
  }
});

export type ReplicationDataSpec = Infer<typeof replicationDataSchema>;

// The schema parses to what replicationFromJSON takes, and covers all of it: these lines fail
// to compile when a field is added to one and not the other.
const _sameFields: SameKeys<ReplicationDataJSON, ReplicationDataSpec> = true;
const _fromSchema: ReplicationDataJSON = {} as ReplicationDataSpec;
const _toSchema: ReplicationDataSpec = {} as ReplicationDataJSON;
const _histogram: HistogramJSON = {} as Infer<typeof histogramSchema>;
const _series: TimeSeriesJSON = {} as Infer<typeof timeSeriesSchema>;
void [_sameFields, _fromSchema, _toSchema, _histogram, _series];
