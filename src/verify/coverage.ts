import { aggregatePoint } from '../experiments/aggregate.ts';
import { MIN_TAIL_CALLS } from '../metrics/confidence.ts';
import { INSIDE_CLIENT, queueOf } from './models.ts';
import { caseSeed, replicate } from './replicate.ts';
import { mm1SojournQuantile } from './theory.ts';

/**
 * Whether the 95% intervals of results.json cover the truth 95% of the time, at the smallest
 * sample that still gets a p99 interval: every replication has just MIN_TAIL_CALLS calls
 * beyond the p99. The model has known answers: M/M/1 through the platform (one always-warm
 * instance, a FIFO queue, no network) at rho = 0.5, whose time in system is exponential with
 * rate mu - lambda. Each trial is a whole experiment of 5 replications with a seed of its own;
 * coverage is the share of trials whose interval holds the true value.
 *
 * Slow (a few seconds per hundred trials): `coldtail verify --coverage`, not `npm test`.
 */
export interface CoverageRow {
  quantity: 'mean' | 'p50' | 'p99';
  truth: number;
  /** Experiments whose results gave this quantity an interval. */
  trials: number;
  covered: number;
  /** The Wilson 99% interval of the coverage itself: the sampling error of `trials` trials. */
  low: number;
  high: number;
  /** 0.95 lies inside [low, high]. */
  pass: boolean;
}

export interface CoverageOptions {
  trials?: number;
  seed?: number | string;
  /** Calls per replication (default: the fewest for which the p99 gets an interval). */
  calls?: number;
  /** Told after each trial (for progress). */
  onTrial?: (done: number, trials: number) => void;
}

export const COVERAGE_LEVEL = 0.95;
// The coverage is judged with a 99% interval of its own, so that three rows pass together
// nearly always when the intervals are right.
const Z99 = 2.5758293035489004;

/** Calls per replication by default: 15% above the fewest that get a p99 interval. */
export function coverageCalls(): number {
  // Poisson counts: 15% above the fewest clears the threshold in nearly every replication
  // (4.5 standard deviations at 1,000 calls, more above).
  return Math.ceil((1.15 * MIN_TAIL_CALLS) / (1 - 0.99));
}

export function runCoverage(options: CoverageOptions = {}): CoverageRow[] {
  const trials = options.trials ?? 400;
  const seed = options.seed ?? 1;
  const lambda = 50;
  const mu = 100;
  const calls = options.calls ?? coverageCalls();
  // The queue forgets its empty start within a second or so at rho = 0.5; 10 s leaves no trace.
  const warmup = 10_000;
  const l = lambda / 1000;
  const m = mu / 1000;
  const truth = {
    mean: 1 / (m - l),
    p50: mm1SojournQuantile(0.5, l, m),
    p99: mm1SojournQuantile(0.99, l, m),
  };
  const covered = { mean: 0, p50: 0, p99: 0 };
  // Trials whose results gave an interval: a replication short of the threshold gives none.
  const judged = { mean: 0, p50: 0, p99: 0 };
  for (let t = 0; t < trials; t++) {
    const reps = replicate(
      {
        name: 'verify-coverage',
        duration: warmup + (calls / lambda) * 1000,
        warmup,
        workload: { poisson: { perSecond: lambda } },
        client: INSIDE_CLIENT,
        platform: queueOf(1),
        function: { execution: { exponential: { mean: 1000 / mu } } },
      },
      5,
      caseSeed(seed, `coverage-${t}`),
    );
    const e = aggregatePoint({ index: 0, params: {}, label: '' }, reps).endToEnd;
    for (const key of ['mean', 'p50', 'p99'] as const) {
      const { low, high } = e[key];
      if (low === null || high === null) continue;
      judged[key]++;
      if (low <= truth[key] && truth[key] <= high) covered[key]++;
    }
    options.onTrial?.(t + 1, trials);
  }
  return (['mean', 'p50', 'p99'] as const).map((quantity) => {
    const n = judged[quantity];
    const [low, high] = n > 0 ? wilson(covered[quantity], n, Z99) : [0, 1];
    return {
      quantity,
      truth: truth[quantity],
      trials: n,
      covered: covered[quantity],
      low,
      high,
      pass: n >= trials / 2 && low <= COVERAGE_LEVEL && COVERAGE_LEVEL <= high,
    };
  });
}

/** The Wilson score interval of a binomial share k / n. */
export function wilson(k: number, n: number, z: number): [number, number] {
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The rows as a few lines of text. */
export function formatCoverage(rows: readonly CoverageRow[], calls = coverageCalls()): string {
  const lines = [
    `Coverage of the 95% intervals: M/M/1 at rho 0.5, 5 replications of ${calls} calls (${MIN_TAIL_CALLS} or more beyond the p99 in each), ${rows[0]?.trials ?? 0} experiments`,
    '',
  ];
  for (const r of rows) {
    lines.push(
      `  ${r.quantity.padEnd(5)} ${(r.covered / r.trials).toFixed(3)} (${r.covered}/${r.trials}; 99% interval [${r.low.toFixed(3)}, ${r.high.toFixed(3)}])  ${r.pass ? 'pass' : 'FAIL'}`,
    );
  }
  const failed = rows.filter((r) => !r.pass).length;
  lines.push('', `${rows.length - failed} passed, ${failed} failed`);
  return `${lines.join('\n')}\n`;
}
