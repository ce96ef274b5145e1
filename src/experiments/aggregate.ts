import { meanInterval, summarizeReplications } from '../metrics/confidence.ts';
import { Histogram } from '../metrics/histogram.ts';
import { STAGES, type Stage } from '../platform/call.ts';
import { type FunctionRow, functionRows, summariseFunctions } from './perFunction.ts';
import {
  BREAKDOWN_STRIDE,
  breakdownBin,
  type ClientData,
  type ReplicationData,
} from './recorder.ts';
import type {
  ClientResult,
  Estimate,
  LatencyStats,
  PointResult,
  StageBreakdown,
  Timeline,
} from './results.ts';
import type { SweepPoint } from './sweep.ts';

/** Each function's row over the replications, for workloads of many functions; null otherwise. */
export function functionRowsOf(reps: ReplicationData[]): FunctionRow[] {
  return functionRows(reps.map((r) => r.functions!));
}

/** The percentiles at which the CDF is tabulated for charts. */
export const CDF_PERCENTILES = [
  0, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6,
  0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.925, 0.95, 0.96, 0.97, 0.98, 0.99, 0.995, 0.999, 0.9995,
  0.9999, 1,
];

function latencyStats(hs: Histogram[]): LatencyStats {
  const s = summarizeReplications(hs);
  return {
    count: s.count,
    mean: s.mean,
    p50: s.p50,
    p90: s.p90,
    p95: s.p95,
    p99: s.p99,
    p999: s.p999,
    max: s.max,
  };
}

function shareEstimate(numerators: number[], denominators: number[]): Estimate {
  const num = numerators.reduce((a, b) => a + b, 0);
  const den = denominators.reduce((a, b) => a + b, 0);
  if (den === 0) return { value: null, low: null, high: null };
  const per = denominators.flatMap((d, i) => (d > 0 ? [numerators[i] / d] : []));
  const ci = meanInterval(per);
  return { value: num / den, low: ci.low, high: ci.high };
}

function breakdownAt(merged: Histogram, table: Float64Array, p: number): StageBreakdown | null {
  if (merged.count === 0) return null;
  const b = breakdownBin(merged.quantile(p)) * BREAKDOWN_STRIDE;
  const n = table[b];
  if (n === 0) return null;
  // The bin's own mean latency, of which the stage means are an exact split.
  const out = { latency: table[b + 1] / n } as StageBreakdown;
  STAGES.forEach((stage: Stage, i) => {
    out[stage] = table[b + 2 + i] / n;
  });
  return out;
}

function timeline(reps: ReplicationData[]): Timeline | null {
  const first = reps[0].timeline;
  if (first === null) return null;
  const { widthMs, windows } = first.series;
  const mean = (pick: (r: ReplicationData, w: number) => number) =>
    Array.from(
      { length: windows },
      (_, w) => reps.reduce((s, r) => s + pick(r, w), 0) / reps.length,
    );
  const gauge = (name: string) => mean((r, w) => r.timeline!.series.gauges[name]?.mean[w] ?? 0);
  const count = (name: string) => mean((r, w) => r.timeline!.series.counts[name]?.[w] ?? 0);
  const p99 = Array.from({ length: windows }, (_, w) => {
    const h = new Histogram();
    for (const r of reps) {
      const rw = r.timeline!.p99[w];
      if (rw) h.add(rw);
    }
    return h.count > 0 ? h.quantile(0.99) : null;
  });
  return {
    widthMs,
    t: Array.from({ length: windows }, (_, w) => w * widthMs),
    starting: gauge('starting'),
    busy: gauge('busy'),
    idle: gauge('idle'),
    arrivals: count('arrivals'),
    throttled: count('throttled'),
    p99,
  };
}

/**
 * The warm-up diagnostic: the median over the replications of their MSER-5 truncation points,
 * against the warm-up the experiment chose. A median rather than one replication's: MSER
 * sometimes truncates at a lone burst of slow calls in a run that has no drift at all.
 */
function warmupCheck(reps: ReplicationData[]): PointResult['warmupCheck'] {
  const warmup = reps[0].warmupMs;
  const points = reps.flatMap((r) =>
    r.mserMs === null || r.mserMs === undefined ? [] : [r.mserMs],
  );
  if (points.length === 0) return { mser: null, tooShort: false };
  points.sort((a, b) => a - b);
  const mid = points.length >> 1;
  const mser = points.length % 2 === 1 ? points[mid] : (points[mid - 1] + points[mid]) / 2;
  return { mser, tooShort: mser > warmup };
}

/** Combines the replications of one sweep point into its results. */
export function aggregatePoint(
  point: Pick<SweepPoint, 'index' | 'params' | 'label'>,
  reps: ReplicationData[],
): PointResult {
  const merged = new Histogram();
  for (const r of reps) merged.add(r.endToEnd);
  const table = new Float64Array(reps[0].breakdown.length);
  for (const r of reps) for (let i = 0; i < table.length; i++) table[i] += r.breakdown[i];
  const sum = (f: (r: ReplicationData) => number) => reps.reduce((s, r) => s + f(r), 0);
  const stages = {} as Record<Stage, LatencyStats>;
  STAGES.forEach((stage, i) => {
    stages[stage] = latencyStats(reps.map((r) => r.stages[i]));
  });
  const hopsCold: number[] = [];
  for (const r of reps) {
    r.hopsCold.forEach((n, k) => {
      hopsCold[k] = (hopsCold[k] ?? 0) + n;
    });
  }
  const completed = sum((r) => r.completed);
  const waitedOnStart = reps.map((r) => r.startWaitRoots);
  const withCaller = reps[0].client !== null;
  const clientSum = (f: (c: ClientData) => number) => sum((r) => f(r.client!));
  const gaveUp = withCaller ? clientSum((c) => c.clientTimedOut) : 0;
  const failed = withCaller ? clientSum((c) => c.failed) : 0;
  const withFailures = reps[0].failures != null;
  const crashed = withFailures ? sum((r) => r.failures!.crashed) : 0;
  const ended = sum((r) => r.completed + r.throttled + r.timedOut) + gaveUp + failed + crashed;
  const arrivals = sum((r) => r.arrivals);
  const n = reps.length;
  const usd = sum((r) => r.cost.usd);
  return {
    index: point.index,
    params: point.params,
    label: point.label,
    endToEnd: latencyStats(reps.map((r) => r.endToEnd)),
    stages,
    breakdown: { p50: breakdownAt(merged, table, 0.5), p99: breakdownAt(merged, table, 0.99) },
    calls: {
      arrivals,
      completed,
      throttled: sum((r) => r.throttled),
      timedOut: sum((r) => r.timedOut),
      ...(withCaller ? { clientTimedOut: gaveUp, failed } : {}),
      ...(withFailures ? { crashed } : {}),
      inFlight: arrivals - ended,
    },
    ...(withFailures
      ? {
          failures: {
            instanceCrashes: sum((r) => r.failures!.instanceCrashes),
            hostFailures: sum((r) => r.failures!.hostFailures),
            callsLost: sum((r) => r.failures!.callsLost),
            crashedShare: arrivals > 0 ? crashed / arrivals : null,
          },
        }
      : {}),
    ...(withCaller ? { client: clientResult(reps, completed) } : {}),
    cold: {
      share: shareEstimate(
        reps.map((r) => r.coldRoots),
        reps.map((r) => r.completed),
      ),
      coldStarts: sum((r) => r.coldStarts),
      hopsCold,
      meanHops: completed > 0 ? sum((r) => r.hops) / completed : null,
      servedFresh: shareEstimate(
        reps.map((r) => r.coldRoots),
        reps.map((r) => r.completed),
      ),
      waitedOnStart: shareEstimate(
        waitedOnStart,
        reps.map((r) => r.completed),
      ),
      servedFreshCalls: sum((r) => r.coldRoots),
      waitedOnStartCalls: waitedOnStart.reduce((a, b) => a + b, 0),
    },
    warmers: reps[0].warmers
      ? {
          calls: sum((r) => r.warmers!.calls),
          cold: sum((r) => r.warmers!.cold),
          usd: sum((r) => r.cost.warmerUsd) / n,
        }
      : null,
    cost: {
      requests: sum((r) => r.cost.requests) / n,
      gbSeconds: sum((r) => r.cost.gbSeconds) / n,
      usd: usd / n,
      usdPerMillionRoots: completed > 0 ? (usd / completed) * 1e6 : null,
      instanceGbSeconds: sum((r) => r.instances.gbSeconds) / n,
      idleGbSeconds: sum((r) => r.instances.idleGbSeconds ?? 0) / n,
    },
    instances: {
      mean: sum((r) => r.instances.mean) / n,
      max: Math.max(...reps.map((r) => r.instances.max)),
    },
    warmupCheck: warmupCheck(reps),
    drain: {
      mean: sum((r) => r.drainMs) / n,
      max: Math.max(...reps.map((r) => r.drainMs)),
    },
    timeline: timeline(reps),
    cdf: merged.count > 0 ? CDF_PERCENTILES.map((p) => [p, merged.quantile(p)]) : [],
    ...(reps[0].functions ? { functions: summariseFunctions(functionRowsOf(reps)) } : {}),
  };
}

/** A caller's counts over the replications (all of which ran with the same policy). */
function clientResult(reps: ReplicationData[], completed: number): ClientResult {
  const sum = (f: (c: ClientData) => number) => reps.reduce((s, r) => s + f(r.client!), 0);
  const requests = sum((c) => c.requests);
  const attempts = sum((c) => c.attempts);
  const hedges = sum((c) => c.hedges);
  const extraUsd = sum((c) => c.extraUsd);
  const billed = sum((c) => c.billedMs);
  const per = (x: number) => (requests > 0 ? x / requests : null);
  return {
    requests,
    attempts,
    retries: attempts - requests,
    hedges,
    attemptsPerRequest: per(attempts),
    callsPerRequest: per(attempts + hedges),
    timedOutShare: per(sum((c) => c.clientTimedOut)),
    failedShare: per(sum((c) => c.failed)),
    cancelled: sum((c) => c.cancelled),
    extraUsd: extraUsd / reps.length,
    extraUsdPerMillionRoots: completed > 0 ? (extraUsd / completed) * 1e6 : null,
    extraBilledShare: billed > 0 ? sum((c) => c.extraBilledMs) / billed : null,
  };
}
