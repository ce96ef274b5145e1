/**
 * The results of an experiment: plain JSON data, written as `results.json`
 * and read by the charts, the report and `coldtail explain`. All latencies in
 * milliseconds. Where a value cannot exist (no calls) it is null, never NaN.
 */
import type { Stage } from '../platform/call.ts';
import type { ExperimentSpec } from './experimentSpec.ts';
import type { FunctionsSummary } from './perFunction.ts';

export type ChartList = NonNullable<ExperimentSpec['charts']>;

/** A point estimate with its 95% interval across replications (null bounds with one replication). */
export interface Estimate {
  value: number | null;
  low: number | null;
  high: number | null;
}

export interface LatencyStats {
  count: number;
  mean: Estimate;
  p50: Estimate;
  p90: Estimate;
  p95: Estimate;
  p99: Estimate;
  p999: Estimate;
  max: number | null;
}

/**
 * Where the time goes near a percentile: the calls whose end-to-end latency
 * lies within about 4.5% of it, their mean `latency`, and the mean time per
 * stage, which add up to that latency exactly.
 */
export type StageBreakdown = Record<Stage, number> & { latency: number };

export interface CallCounts {
  /** Root calls that started inside the measured window (after warm-up). */
  arrivals: number;
  completed: number;
  throttled: number;
  /** Timed out on the platform (the function's own timeout). */
  timedOut: number;
  /**
   * Given up by the caller after its timeout (`caller.timeout`); the call may have run on, and
   * was billed. 0 without a caller's timeout; absent from older results.
   */
  clientTimedOut?: number;
  /**
   * Ended with the function's error (`caller.failure`), retries spent. Absent without a caller's
   * policy and from older results.
   */
  failed?: number;
  /**
   * Ended because an instance on their path crashed (a function's `crashProbability`, a
   * cluster host's failure), retries spent. Absent where nothing can crash, and from older
   * results.
   */
  crashed?: number;
  /**
   * Started in the window and still unanswered when the run stopped: cut off by the drain
   * limit (`limits.drain`), or stuck for good. Left out of the percentiles.
   */
  inFlight: number;
}

export interface Timeline {
  /** Width of a window in ms; window i covers [i * widthMs, (i + 1) * widthMs). */
  widthMs: number;
  /** Start of each window, ms from the start of the run (warm-up included). */
  t: number[];
  /** Time-weighted mean instances of the entry function in each state. */
  starting: number[];
  busy: number[];
  idle: number[];
  /** Root calls that arrived in the window, and those of them throttled. */
  arrivals: number[];
  throttled: number[];
  /** p99 of end-to-end latency of the root calls that started in the window; null if none. */
  p99: (number | null)[];
}

export interface PointResult {
  /** Position in the sweep (0-based), in cartesian-product order. */
  index: number;
  /** The sweep's values at this point, by axis path (empty without a sweep). */
  params: Record<string, string | number | boolean>;
  /** "platform=aws-lambda-2019, depth=3" (empty without a sweep). */
  label: string;
  /** Root calls, completed only, from the client's send to its answer. */
  endToEnd: LatencyStats;
  /** Each stage's time along the critical path of completed root calls. */
  stages: Record<Stage, LatencyStats>;
  /** Where the time goes for calls near the median and near the p99. */
  breakdown: { p50: StageBreakdown | null; p99: StageBreakdown | null };
  calls: CallCounts;
  cold: {
    /** Share of completed root calls that met at least one cold start. */
    share: Estimate;
    /** Instances started (cold starts) in the window, all functions. */
    coldStarts: number;
    /** hopsCold[k]: completed root calls that met exactly k cold starts. */
    hopsCold: number[];
    /** Mean number of calls (hops) per completed root call. */
    meanHops: number | null;
    /**
     * Share of completed root calls with a call served by a fresh instance: handed to it the
     * moment it finished starting (the same as `share`). Absent from older results.
     */
    servedFresh?: Estimate;
    /**
     * Share of completed root calls with a call whose wait overlapped an instance start made
     * for it or for the queue it waited in, whichever instance then served it: the calls cold
     * starts slowed, as users count them. At least `servedFresh`. Absent from older results.
     */
    waitedOnStart?: Estimate;
    /** Completed root calls counted in servedFresh and waitedOnStart, summed over replications. */
    servedFreshCalls?: number;
    waitedOnStartCalls?: number;
  };
  /**
   * What the caller did (timeouts, retries, hedges), with a caller's policy (`caller`); absent
   * without one and from older results. Counts are summed over the replications.
   */
  client?: ClientResult;
  /** Crashes, where the point models them; absent otherwise and from older results. */
  failures?: FailureResult;
  /** Warmer pings (not in endToEnd); null when the experiment has no warmers. */
  warmers: { calls: number; cold: number; usd: number } | null;
  cost: {
    /** Function invocations of every kind (roots, children, warmers). */
    requests: number;
    gbSeconds: number;
    usd: number;
    /** USD per million root calls. */
    usdPerMillionRoots: number | null;
    /**
     * GB-seconds of instances alive (starting, busy or idle) whether billed or
     * not: what keeping instances warm costs the provider (keep-alive's price).
     */
    instanceGbSeconds: number;
    /**
     * GB-seconds of idle instances (loaded, serving no call): wasted memory time, what a
     * keep-alive policy spends to avoid cold starts. Absent from older results.
     */
    idleGbSeconds?: number;
  };
  /** Instances of all functions (starting + busy + idle), time-weighted mean and max. */
  instances: { mean: number; max: number };
  /**
   * Whether the warm-up looks long enough: `mser` is the MSER-5 truncation point of the run's
   * mean latency per window (500 windows from time 0, batches of 5), the median over the
   * replications, in ms from the start; `tooShort` when it lies past the warm-up, so that the
   * start's empty pools may still bias the results. Absent from older results.
   */
  warmupCheck?: { mser: number | null; tooShort: boolean };
  /**
   * Arrivals stop at `duration`; the calls then in flight drain. How long that took after
   * `duration`, in ms: the mean and the longest over the replications (the drain limit when
   * it cut calls off). Absent from results written before the drain existed.
   */
  drain?: { mean: number; max: number };
  /** Present when the experiment asks for one (e.g. a burst). */
  timeline: Timeline | null;
  /**
   * For workloads of many functions (a population, a trace replayed function by function): the
   * distribution across functions (cold-start share and p99), in a size that does not grow with
   * their number; each function's own row is in functions.csv. Absent otherwise.
   */
  functions?: FunctionsSummary;
  /** The end-to-end CDF at fixed percentiles, for distribution charts: [p, latency] pairs. */
  cdf: [number, number][];
}

export interface ExperimentResults {
  coldtail: { version: string };
  experiment: {
    name: string;
    description: string;
    title: string;
    /** The experiment's `charts` list, when it has one, so that the charts can be redrawn alike. */
    charts?: ChartList;
  };
  seed: string | number;
  replications: number;
  /** Simulated time per replication, and the part of it not recorded, in ms. */
  duration: number;
  warmup: number;
  /**
   * The sweep axes in order, with their values as written; `ms` holds the
   * values in milliseconds when every value is a duration (e.g. "10min").
   */
  axes: { path: string; name: string; values: (string | number | boolean)[]; ms?: number[] }[];
  points: PointResult[];
  /** True when the run was interrupted: only the points listed were completed. */
  partial: boolean;
}

/** Stages renamed since older results were written: old name, new name. */
const RENAMED_STAGES = [['scheduler', 'frontEnd']] as const;

/**
 * Brings results.json data written by an older coldtail to the current shape, in place, before
 * it is checked: the stage once called `scheduler` is `frontEnd` (the same numbers). Anything
 * not an object is left for the checks to refuse.
 */
export function upgradeResults(json: unknown): unknown {
  if (typeof json !== 'object' || json === null) return json;
  const points = (json as { points?: unknown }).points;
  if (!Array.isArray(points)) return json;
  const rename = (o: unknown) => {
    if (typeof o !== 'object' || o === null) return;
    const rec = o as Record<string, unknown>;
    for (const [old, now] of RENAMED_STAGES) {
      if (old in rec && !(now in rec)) {
        rec[now] = rec[old];
        delete rec[old];
      }
    }
  };
  for (const p of points) {
    if (typeof p !== 'object' || p === null) continue;
    const point = p as Record<string, unknown>;
    rename(point.stages);
    const breakdown = point.breakdown as Record<string, unknown> | undefined;
    if (typeof breakdown === 'object' && breakdown !== null) {
      rename(breakdown.p50);
      rename(breakdown.p99);
    }
  }
  return json;
}

/** A caller's requests and the calls they made, summed over the replications (see Caller). */
export interface ClientResult {
  /** Requests started in the window that ended, with any outcome. */
  requests: number;
  /** Their attempts (the first and the retries) and hedged copies. */
  attempts: number;
  retries: number;
  hedges: number;
  /** Attempts per request, and calls (attempts and hedges) per request; null without requests. */
  attemptsPerRequest: number | null;
  callsPerRequest: number | null;
  /** Share of requests given up by the caller, and share failed; null without requests. */
  timedOutShare: number | null;
  failedShare: number | null;
  /** Losers of a hedge withdrawn from a queue or an instance (`caller.hedge.cancel`). */
  cancelled: number;
  /**
   * Retries and hedges at the entry function's prices (requests and billed time), per
   * replication, and per million completed requests; the share of the entry function's billed
   * time they took.
   */
  extraUsd: number;
  extraUsdPerMillionRoots: number | null;
  extraBilledShare: number | null;
}

/** Instance crashes and host failures, summed over the replications (after warm-up). */
export interface FailureResult {
  /** Instances that crashed: a call's crash, or their host's failure. */
  instanceCrashes: number;
  /** Cluster hosts that failed. */
  hostFailures: number;
  /** Calls of every kind (roots, calls between functions, retries, pings) a crash ended. */
  callsLost: number;
  /** Share of the arrivals that ended crashed (calls.crashed / calls.arrivals); null without any. */
  crashedShare: number | null;
}
