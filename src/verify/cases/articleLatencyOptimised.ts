import { LATENCY_OPTIMISED, MANAGED, RESPONSIVE_FUNCTION } from '../article.ts';
import { judgeRow } from '../judge.ts';
import { pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'article: latency-optimised';

/**
 * The article: called from the same region, a platform designed for latency answers in single
 * digit milliseconds, about 40x lower at the p99 than a managed platform. Both run the same
 * function at the same steady load; after the warm-up neither meets cold starts. Replication r
 * of both platforms sees the same arrivals and draws, so the per-replication ratios are paired.
 */
export const articleLatencyOptimised: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const reps = pick(quick, 20, 8);
    const seedOf = caseSeed(seed, NAME);
    const run = (platform: string) =>
      replicate(
        {
          name: 'verify-article-latency-optimised',
          duration: pick(quick, '5min', '2min'),
          warmup: pick(quick, '1min', '30s'),
          workload: { poisson: { perSecond: 50 } },
          client: 'same-region',
          platform,
          function: RESPONSIVE_FUNCTION,
        },
        reps,
        seedOf,
      );
    const fast = run(LATENCY_OPTIMISED);
    const managed = run(MANAGED);
    const cold = [...fast, ...managed].reduce((n, d) => n + d.coldRoots, 0);
    const calls = [...fast, ...managed].reduce((n, d) => n + d.completed, 0);
    const p = (d: (typeof fast)[number], q: number) => d.endToEnd.quantile(q);
    return [
      judgeRow(
        {
          case: NAME,
          quantity: 'p50 end to end, same region',
          unit: 'ms',
          values: fast.map((d) => p(d, 0.5)),
          note: `${LATENCY_OPTIMISED}, a 1-3 ms function, 50 calls/s`,
        },
        { kind: 'atMost', expected: 10 },
      ),
      judgeRow(
        {
          case: NAME,
          quantity: 'p99 end to end, same region',
          unit: 'ms',
          values: fast.map((d) => p(d, 0.99)),
        },
        { kind: 'atMost', expected: 10 },
      ),
      judgeRow(
        {
          case: NAME,
          quantity: 'p99 managed / latency-optimised',
          unit: 'x',
          values: fast.map((d, r) => p(managed[r], 0.99) / p(d, 0.99)),
          scale: 'log',
          note:
            'geometric mean over replications; ' +
            `cold starts after the warm-up: ${cold} of ${calls} calls on both platforms`,
        },
        { kind: 'between', expected: 30, expectedHigh: 50 },
      ),
    ];
  },
};
