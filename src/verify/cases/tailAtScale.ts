import { judgeRow } from '../judge.ts';
import { fanOutExperiment, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { atLeastOne } from '../theory.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'tail at scale';

/**
 * Dean and Barroso's example: when 1% of leaf calls take a second, a request that fans out to
 * 100 leaves and waits for all is that slow 1 - 0.99^100 = 63.4% of the time.
 */
export const tailAtScale: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const n = 100;
    const slow = 0.01;
    const lambda = 10;
    const roots = pick(quick, 1_500, 300);
    const reps = pick(quick, 20, 10);
    const warmup = 2_000;
    const data = replicate(
      fanOutExperiment('verify-tail-at-scale', {
        n,
        lambda,
        roots,
        warmup,
        leaf: {
          mixture: [
            { weight: 1 - slow, dist: { lognormal: { p50: '1ms', p99: '3ms' } } },
            { weight: slow, dist: '1s' },
          ],
        },
      }),
      reps,
      caseSeed(seed, NAME),
    );
    return [
      judgeRow(
        {
          case: NAME,
          quantity: `share of requests slow, n = ${n}`,
          unit: '',
          // Fast leaves take a few ms and slow ones 1 s, so "over 500 ms" means "met a slow leaf".
          values: data.map((d) => 1 - d.endToEnd.cdf(500)),
          note: `${slow * 100}% of leaves take 1 s, the rest about 1 ms; slow: over 500 ms`,
        },
        { kind: 'equals', expected: atLeastOne(slow, n) },
      ),
    ];
  },
};
