/**
 * Hand-made experiment results for the chart tests. The numbers come from
 * small closed-form models (lognormal hops, cold starts as a mixture, the max
 * of n leaves), so the charts are drawn over data with the shapes real runs
 * have: percentiles that spread with depth, 95% intervals, a burst, and some
 * nulls where a real run has no calls.
 */

import { CDF_PERCENTILES } from '../../src/experiments/aggregate.ts';
import type {
  ClientResult,
  Estimate,
  ExperimentResults,
  LatencyStats,
  PointResult,
  StageBreakdown,
  Timeline,
} from '../../src/experiments/results.ts';
import { STAGES, type Stage } from '../../src/platform/call.ts';
import { normalCdf } from '../../src/special/normalCdf.ts';
import { normalQuantile } from '../../src/special/normalQuantile.ts';

/** The CDF is stored at these quantiles, as a real run's results are. */
const CDF_PS = [
  0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999,
  0.9995, 0.9999,
];

/** A lognormal component: median in ms, shape sigma, mixture weight. */
interface Component {
  weight: number;
  median: number;
  sigma: number;
}

function mixtureCdf(parts: readonly Component[], x: number): number {
  let f = 0;
  for (const c of parts) f += c.weight * normalCdf(Math.log(x / c.median) / c.sigma);
  return f;
}

/** The p-quantile of a lognormal mixture, by bisection on log x. */
function mixtureQuantile(parts: readonly Component[], p: number): number {
  if (parts.length === 1) return parts[0].median * Math.exp(parts[0].sigma * normalQuantile(p));
  let lo = Math.log(1e-3);
  let hi = Math.log(1e6);
  for (let i = 0; i < 100; i += 1) {
    const mid = (lo + hi) / 2;
    if (mixtureCdf(parts, Math.exp(mid)) < p) lo = mid;
    else hi = mid;
  }
  return round3(Math.exp((lo + hi) / 2));
}

function round3(x: number): number {
  return Number(x.toPrecision(6));
}

/** An estimate with a 95% interval of +-spread (relative), or none with one replication. */
function est(value: number | null, spread: number | null): Estimate {
  if (value === null) return { value: null, low: null, high: null };
  if (spread === null) return { value, low: null, high: null };
  return { value, low: round3(value * (1 - spread)), high: round3(value * (1 + spread)) };
}

function statsOf(q: (p: number) => number, count: number, spread: number | null): LatencyStats {
  // Tail percentiles are noisier across replications than the median.
  const s = (k: number) => (spread === null ? null : spread * k);
  return {
    count,
    mean: est(round3(q(0.55)), s(1)),
    p50: est(q(0.5), s(1)),
    p90: est(q(0.9), s(1.5)),
    p95: est(q(0.95), s(2)),
    p99: est(q(0.99), s(3)),
    p999: est(q(0.999), s(5)),
    max: round3(q(0.99995)),
  };
}

function emptyStats(): LatencyStats {
  const none = est(null, null);
  return {
    count: 0,
    mean: none,
    p50: none,
    p90: none,
    p95: none,
    p99: none,
    p999: none,
    max: null,
  };
}

/** Stage times that add up to a latency, from relative weights. */
function breakdownOf(latency: number, weights: Partial<Record<Stage, number>>): StageBreakdown {
  const total = STAGES.reduce((s, k) => s + (weights[k] ?? 0), 0);
  const out = { latency } as StageBreakdown;
  for (const k of STAGES) out[k] = round3((latency * (weights[k] ?? 0)) / total);
  return out;
}

interface PointSpec {
  index: number;
  params: Record<string, string | number | boolean>;
  parts: Component[];
  count: number;
  spread: number | null;
  coldShare: number;
  meanHops: number;
  weights50: Partial<Record<Stage, number>>;
  weights99: Partial<Record<Stage, number>>;
  usd: number;
  timeline?: Timeline | null;
  throttled?: number;
  warmers?: PointResult['warmers'];
}

function labelOf(params: Record<string, string | number | boolean>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k.split('.').pop()}=${String(v)}`)
    .join(', ');
}

function pointOf(s: PointSpec): PointResult {
  const q = (p: number) => mixtureQuantile(s.parts, p);
  const e2e = statsOf(q, s.count, s.spread);
  const stages = {} as Record<Stage, LatencyStats>;
  for (const k of STAGES) {
    const w = (s.weights50[k] ?? 0) / STAGES.reduce((t, j) => t + (s.weights50[j] ?? 0), 0);
    stages[k] =
      w === 0
        ? statsOf(() => 0, s.count, null)
        : statsOf((p) => round3(q(p) * w), s.count, s.spread);
  }
  const throttled = s.throttled ?? 0;
  const hopsCold = [Math.round(s.count * (1 - s.coldShare)), Math.round(s.count * s.coldShare)];
  return {
    index: s.index,
    params: s.params,
    label: labelOf(s.params),
    endToEnd: e2e,
    stages,
    breakdown: {
      p50: breakdownOf(e2e.p50.value!, s.weights50),
      p99: breakdownOf(e2e.p99.value!, s.weights99),
    },
    calls: {
      arrivals: s.count + throttled,
      completed: s.count,
      throttled,
      timedOut: 0,
      inFlight: 0,
    },
    cold: {
      share: est(s.coldShare, s.spread === null ? null : 0.2),
      coldStarts: hopsCold[1],
      hopsCold,
      meanHops: s.meanHops,
    },
    warmers: s.warmers ?? null,
    cost: {
      requests: Math.round(s.count * s.meanHops),
      gbSeconds: round3(s.usd / 0.0000166667),
      usd: s.usd,
      usdPerMillionRoots: round3((s.usd / s.count) * 1e6),
      instanceGbSeconds: round3(12.5 * 0.125 * 3600),
    },
    instances: { mean: 12.5, max: 40 },
    timeline: s.timeline ?? null,
    cdf: CDF_PS.map((p) => [p, q(p)] as [number, number]),
  };
}

/** A point where every call was throttled: no latency at all, nulls everywhere. */
function deadPoint(index: number, params: Record<string, string | number | boolean>): PointResult {
  const stages = {} as Record<Stage, LatencyStats>;
  for (const k of STAGES) stages[k] = emptyStats();
  return {
    index,
    params,
    label: labelOf(params),
    endToEnd: emptyStats(),
    stages,
    breakdown: { p50: null, p99: null },
    calls: { arrivals: 5000, completed: 0, throttled: 5000, timedOut: 0, inFlight: 0 },
    cold: { share: est(null, null), coldStarts: 0, hopsCold: [], meanHops: null },
    warmers: null,
    cost: { requests: 0, gbSeconds: 0, usd: 0, usdPerMillionRoots: null, instanceGbSeconds: 0 },
    instances: { mean: 0, max: 0 },
    timeline: null,
    cdf: [],
  };
}

function results(
  name: string,
  title: string,
  axes: ExperimentResults['axes'],
  points: PointResult[],
  replications: number,
): ExperimentResults {
  return {
    coldtail: { version: '0.1.0' },
    experiment: { name, title, description: `${title}: a hand-made fixture.` },
    seed: 42,
    replications,
    duration: 600_000,
    warmup: 60_000,
    axes,
    points,
    partial: false,
  };
}

const MANAGED = { internet: 10, gateway: 4, network: 2, frontEnd: 2, queue: 0.5, execution: 12 };

/** Chain depth 1..8 on two platforms, 5 replications with 95% intervals. */
export function chainDepthSweep(): ExperimentResults {
  const depths = [1, 2, 3, 4, 6, 8];
  const platforms = ['aws-lambda-2019', 'edge-isolates'];
  const points: PointResult[] = [];
  for (const platform of platforms) {
    for (const depth of depths) {
      const lambda = platform === 'aws-lambda-2019';
      const q = lambda ? 0.012 : 0;
      const coldShare = 1 - (1 - q) ** depth;
      const warm = lambda ? 30 + 18 * depth : 14 + 1.5 * depth;
      const parts: Component[] = [{ weight: 1 - coldShare, median: warm, sigma: 0.35 }];
      if (coldShare > 0) parts.push({ weight: coldShare, median: warm + 240, sigma: 0.3 });
      points.push(
        pointOf({
          index: points.length,
          params: { platform, 'graph.depth': depth },
          parts,
          count: 120_000,
          spread: 0.03,
          coldShare,
          meanHops: depth,
          weights50: lambda ? MANAGED : { internet: 10, network: 1, execution: 3 },
          weights99: lambda
            ? { ...MANAGED, coldStart: coldShare > 0.01 ? 60 : 2 }
            : { internet: 14, network: 1, execution: 4 },
          usd: lambda ? 0.21 * depth : 0.05 * depth,
        }),
      );
    }
  }
  return results(
    'chain-depth',
    'Chains of functions: how the tail grows with depth',
    [
      { path: 'platform', name: 'platform', values: platforms },
      { path: 'graph.depth', name: 'depth', values: depths },
    ],
    points,
    5,
  );
}

/** A burst from 0 to 2,000 requests per second: a timeline of instances and throttling. */
export function burst(): ExperimentResults {
  const width = 1000;
  const n = 90;
  const tl: Timeline = {
    widthMs: width,
    t: [],
    starting: [],
    busy: [],
    idle: [],
    arrivals: [],
    throttled: [],
    p99: [],
  };
  for (let i = 0; i < n; i += 1) {
    const t = i * width;
    const on = i >= 60 && i < 75;
    const rate = on ? 2000 : i >= 20 ? 5 : 0;
    const starting = on && i < 64 ? [900, 1000, 600, 200][i - 60] : 0;
    const busy = on ? Math.min(100, (i - 59) * 30) : i >= 20 ? 0.2 : 0;
    const idle = i >= 75 ? Math.max(0, 100 - (i - 75) * 2) : on ? 5 : i >= 20 ? 1 : 0;
    tl.t.push(t);
    tl.starting.push(starting);
    tl.busy.push(busy);
    tl.idle.push(idle);
    tl.arrivals.push(rate);
    tl.throttled.push(on && i < 63 ? [800, 1100, 300][i - 60] : 0);
    // No calls in a window: null, as in real results.
    tl.p99.push(rate === 0 ? null : on ? ([1450, 1300, 900, 420, 180][i - 60] ?? 95) : 80);
  }
  const point = pointOf({
    index: 0,
    params: {},
    parts: [
      { weight: 0.93, median: 70, sigma: 0.3 },
      { weight: 0.07, median: 700, sigma: 0.4 },
    ],
    count: 30_000,
    spread: null,
    coldShare: 0.07,
    meanHops: 1,
    weights50: MANAGED,
    weights99: { ...MANAGED, coldStart: 80 },
    usd: 2.4,
    timeline: tl,
    throttled: 2200,
  });
  point.label = '';
  return results('burst', 'A burst from 0 to 2,000 requests per second', [], [point], 1);
}

/** Fan-out to 1..200 leaves: the request waits for the slowest leaf. */
export function fanOutSweep(): ExperimentResults {
  const widths = [1, 2, 5, 10, 20, 50, 100, 200];
  const leaf: Component = { weight: 1, median: 20, sigma: 0.5 };
  const points = widths.map((n, index) => {
    // The max of n i.i.d. leaves: its p-quantile is the leaf's p^(1/n) quantile.
    const qLeaf = (p: number) => leaf.median * Math.exp(leaf.sigma * normalQuantile(p));
    const point = pointOf({
      index,
      params: { 'graph.fanOut': n },
      parts: [leaf],
      count: 50_000,
      spread: 0.02,
      coldShare: 0,
      meanHops: n + 1,
      weights50: { network: 2, execution: 10 },
      weights99: { network: 2, execution: 12 },
      usd: 0.02 * (n + 1),
    });
    const q = (p: number) => round3(10 + qLeaf(p ** (1 / n)));
    point.endToEnd = statsOf(q, 50_000, 0.02);
    point.cdf = CDF_PS.map((p) => [p, q(p)]);
    return point;
  });
  return results(
    'fan-out',
    'Fan-out: the slowest of n leaves',
    [{ path: 'graph.fanOut', name: 'fan-out', values: widths }],
    points,
    3,
  );
}

/** Keep-alive from 1 min to 1 h, one replication (null intervals), warmers off. */
export function keepAliveSweep(): ExperimentResults {
  const keepAlive = [60_000, 180_000, 600_000, 1_800_000, 3_600_000];
  const rate = 1 / 240_000; // one call every 4 minutes, Poisson
  const points = keepAlive.map((k, index) => {
    const coldShare = round3(Math.exp(-rate * k));
    const point = pointOf({
      index,
      params: { 'platform.keepAlive': k },
      parts: [
        { weight: 1 - coldShare, median: 25, sigma: 0.4 },
        { weight: coldShare, median: 260, sigma: 0.3 },
      ],
      count: 2_500,
      spread: null,
      coldShare,
      meanHops: 1,
      weights50: MANAGED,
      weights99: { ...MANAGED, coldStart: 70 },
      // The customer pays for run time only: the bill does not move with keep-alive.
      usd: 0.0048,
    });
    // The provider keeps the instance alive (128 MB) for the share of the time
    // it has not been reclaimed, 1 - coldShare for random arrivals.
    point.cost.instanceGbSeconds = round3(0.125 * 540 * (1 - coldShare) * 40);
    return point;
  });
  return results(
    'keep-alive',
    'Keep-alive: cold starts against the cost of idle instances',
    [{ path: 'platform.keepAlive', name: 'keep-alive', values: keepAlive }],
    points,
    1,
  );
}

/**
 * Warmer pings every 2 to 60 minutes, the periods written as durations
 * ("2min") as an experiment file has them: the results give them in ms too.
 */
export function warmersSweep(): ExperimentResults {
  const periods = ['2min', '5min', '9min', '11min', '20min', '1h'];
  const ms = [120_000, 300_000, 540_000, 660_000, 1_200_000, 3_600_000];
  const keepAlive = 600_000;
  const points = periods.map((period, index) => {
    // Pings within the keep-alive keep the instance; later ones let it go.
    const coldShare = ms[index] < keepAlive ? 0 : round3(0.3 * (1 - keepAlive / ms[index]));
    // Pings per replication, over the 540 s measured.
    const pings = 540_000 / ms[index];
    const point = pointOf({
      index,
      params: { 'warmers.period': period },
      parts: [
        { weight: 1 - coldShare, median: 25, sigma: 0.4 },
        ...(coldShare > 0 ? [{ weight: coldShare, median: 260, sigma: 0.3 }] : []),
      ],
      count: 2_500,
      spread: 0.03,
      coldShare,
      meanHops: 1,
      weights50: MANAGED,
      weights99: { ...MANAGED, coldStart: coldShare > 0.01 ? 70 : 0 },
      usd: round3(0.0048 + pings * 2e-7),
      warmers: { calls: Math.round(pings * 3), cold: 0, usd: round3(pings * 2e-7) },
    });
    return point;
  });
  return results(
    'warmers',
    'Warmers: pings against cold starts',
    [{ path: 'warmers.period', name: 'period', values: periods, ms }],
    points,
    3,
  );
}

/**
 * Fan-out to 1..100 leaves of which about 1% are slow (about 1.2 s, the rest
 * about 20 ms): the request's latency is that of its slowest leaf, so its CDF has
 * a fast and a slow mode with a gap between them.
 */
export function fanOutBimodal(): ExperimentResults {
  const widths = [1, 2, 5, 10, 20, 50, 100];
  // A hair under 1% slow, so that the p99 is the top of the fast calls, as in real runs.
  const leaf: Component[] = [
    { weight: 0.9902, median: 20, sigma: 0.3 },
    { weight: 0.0098, median: 1200, sigma: 0.2 },
  ];
  const points = widths.map((n, index) => {
    const point = pointOf({
      index,
      params: { 'graph.fanOut': n },
      parts: leaf,
      count: 50_000,
      spread: 0.02,
      coldShare: 0,
      meanHops: n + 1,
      weights50: { network: 2, execution: 10 },
      weights99: { network: 2, execution: 12 },
      usd: 0.02 * (n + 1),
    });
    // The max of n i.i.d. leaves: its p-quantile is the leaf's p^(1/n) quantile.
    const q = (p: number) => round3(5 + mixtureQuantile(leaf, p ** (1 / n)));
    point.endToEnd = statsOf(q, 50_000, 0.02);
    // At the percentiles real results store (without the extremes 0 and 1).
    point.cdf = CDF_PERCENTILES.filter((p) => p > 0 && p < 1).map((p) => [p, q(p)]);
    return point;
  });
  return results(
    'fan-out-bimodal',
    'Fan-out: 1% of leaves are slow',
    [{ path: 'graph.fanOut', name: 'fan-out', values: widths }],
    points,
    5,
  );
}

/**
 * A sweep over a second, numeric axis (calls per second) added after the
 * first, as an experiment file adds "workload.poisson.perSecond": [0.01, 0.001].
 */
export function onTwoRates(r: ExperimentResults): ExperimentResults {
  const rates = [0.01, 0.001];
  const points: PointResult[] = [];
  for (const p of r.points) {
    for (const [k, rate] of rates.entries()) {
      const q = structuredClone(p);
      q.index = points.length;
      q.params = { ...p.params, 'workload.poisson.perSecond': rate };
      q.label = `${p.label}, perSecond=${rate}`;
      if (k === 1 && q.cold.share.value !== null)
        q.cold.share.value = Math.min(1, q.cold.share.value * 2);
      points.push(q);
    }
  }
  return {
    ...r,
    axes: [...r.axes, { path: 'workload.poisson.perSecond', name: 'perSecond', values: rates }],
    points,
  };
}

/** The same results with an axis' ms values written as durations ("1min"), as experiment files may. */
export function withDurationStrings(r: ExperimentResults, path: string): ExperimentResults {
  const text = (ms: number) =>
    ms % 3_600_000 === 0
      ? `${ms / 3_600_000}h`
      : ms % 60_000 === 0
        ? `${ms / 60_000}min`
        : `${ms}ms`;
  return {
    ...r,
    axes: r.axes.map((a) =>
      a.path === path
        ? { ...a, values: a.values.map((v) => text(Number(v))), ms: a.values.map(Number) }
        : a,
    ),
    points: r.points.map((p) => ({
      ...p,
      params: { ...p.params, [path]: text(Number(p.params[path])) },
    })),
  };
}

/** Three platforms against the latency budgets, one of them throttling every call. */
export function budgetComparison(): ExperimentResults {
  const platforms = ['aws-lambda-2019', 'edge-isolates', 'azure-functions', 'overloaded'];
  const setups: Record<string, Component[]> = {
    'aws-lambda-2019': [
      { weight: 0.98, median: 70, sigma: 0.35 },
      { weight: 0.02, median: 320, sigma: 0.35 },
    ],
    'edge-isolates': [{ weight: 1, median: 9, sigma: 0.3 }],
    'azure-functions': [
      { weight: 0.95, median: 320, sigma: 0.4 },
      { weight: 0.05, median: 4000, sigma: 0.5 },
    ],
  };
  const points = platforms.map((platform, index) =>
    platform === 'overloaded'
      ? deadPoint(index, { platform })
      : pointOf({
          index,
          params: { platform },
          parts: setups[platform],
          count: 40_000,
          spread: 0.04,
          coldShare: setups[platform].length > 1 ? setups[platform][1].weight : 0,
          meanHops: 1,
          weights50: MANAGED,
          weights99: { ...MANAGED, coldStart: setups[platform].length > 1 ? 50 : 0 },
          usd: 0.8,
        }),
  );
  return results(
    'budgets',
    'Which platform fits which latency budget',
    [{ path: 'platform', name: 'platform', values: platforms }],
    points,
    4,
  );
}

/**
 * The same sweep on two platforms, "a" as given and "b" with half the cold
 * starts and 30% slower calls: for charts that split series into panels.
 */
export function onTwoPlatforms(r: ExperimentResults): ExperimentResults {
  const n = r.points.length;
  const copy = (p: PointResult, platform: string, index: number): PointResult => ({
    ...structuredClone(p),
    index,
    label: `platform=${platform}${p.label === '' ? '' : `, ${p.label}`}`,
    params: { platform, ...p.params },
  });
  const a = r.points.map((p, i) => copy(p, 'a', i));
  const b = r.points.map((p, i) => copy(p, 'b', n + i));
  for (const p of b) {
    if (p.cold.share.value !== null) p.cold.share.value /= 2;
    p.cdf = p.cdf.map(([q, ms]) => [q, round3(ms * 1.3)]);
  }
  return {
    ...r,
    axes: [{ path: 'platform', name: 'platform', values: ['a', 'b'] }, ...r.axes],
    points: [...a, ...b],
  };
}

/** Every fixture by name, for tests that loop over all of them. */
export const FIXTURES = {
  chainDepthSweep,
  burst,
  fanOutSweep,
  keepAliveSweep,
  budgetComparison,
  warmersSweep,
  fanOutBimodal,
} as const;

/**
 * A sweep of `n` points along one numeric axis (calls per second), one
 * lognormal each: cheap to build for n = 10,000, to test that charts cope
 * with sweeps of any size.
 */
export function wideSweep(
  n: number,
  axis: { path: string; name: string } = { path: 'workload.poisson.perSecond', name: 'perSecond' },
): ExperimentResults {
  const rates = Array.from({ length: n }, (_, i) => i + 1);
  const points = rates.map((rate, index) =>
    pointOf({
      index,
      params: { [axis.path]: rate },
      parts: [{ weight: 1, median: 20 + (30 * index) / Math.max(1, n - 1), sigma: 0.4 }],
      count: 1_000,
      spread: 0.03,
      coldShare: 0.01,
      meanHops: 1,
      weights50: MANAGED,
      weights99: { ...MANAGED, coldStart: 10 },
      usd: 0.001,
    }),
  );
  return results(`wide-${n}`, `A sweep of ${n} points`, [{ ...axis, values: rates }], points, 5);
}

/**
 * A caller's counts for 1,000 requests with `retries` retries and `hedges` hedges in all, or
 * with `callsPerRequest` calls each (the rest hedges): the fields the charts and sentences read.
 */
export function clientOf(
  o: { retries?: number; hedges?: number } | { callsPerRequest: number },
): ClientResult {
  const requests = 1000;
  const retries = 'retries' in o ? (o.retries ?? 0) : 0;
  const hedges =
    'callsPerRequest' in o ? Math.round((o.callsPerRequest - 1) * requests) : (o.hedges ?? 0);
  return {
    requests,
    attempts: requests + retries,
    retries,
    hedges,
    attemptsPerRequest: 1 + retries / requests,
    callsPerRequest: 'callsPerRequest' in o ? o.callsPerRequest : 1 + (retries + hedges) / requests,
    timedOutShare: 0,
    failedShare: 0,
    cancelled: 0,
    extraUsd: 0,
    extraUsdPerMillionRoots: 0,
    extraBilledShare: 0,
  };
}
