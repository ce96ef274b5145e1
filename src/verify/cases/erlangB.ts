import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { erlangB } from '../theory.ts';
import type { VerifyCase, VerifyRow } from '../types.ts';

const NAME = 'Erlang B';

/**
 * A concurrency cap of c with throttling (HTTP 429, no queue) is Erlang's loss system: the share
 * refused is Erlang B, whatever the distribution of the execution time for the same mean
 * (insensitivity). Checked with exponential and with lognormal (sigma 1) execution.
 */
export const erlangBCase: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const c = 5;
    const lambda = 40;
    const mean = 100;
    const calls = pick(quick, 100_000, 10_000);
    const reps = pick(quick, 20, 10);
    const warmup = 10_000;
    const a = (lambda * mean) / 1000;
    // Instances start at once (no cold-start phases) and are kept forever: at most c calls run.
    const platform = idealPlatform('verify-loss', {
      maxConcurrency: c,
      onLimit: 'throttle',
      keepAlive: 'forever',
    });
    const shapes: [string, unknown][] = [
      ['exponential', { exponential: { mean } }],
      // ln-mean chosen so that the mean is exactly `mean`: e^(mu + sigma^2 / 2).
      ['lognormal', { lognormal: { mu: Math.log(mean) - 0.5, sigma: 1 } }],
    ];
    const seedOf = caseSeed(seed, NAME);
    return shapes.map(([shape, execution]): VerifyRow => {
      const data = replicate(
        {
          name: 'verify-erlang-b',
          duration: warmup + (calls / lambda) * 1000,
          warmup,
          workload: { poisson: { perSecond: lambda } },
          client: INSIDE_CLIENT,
          platform,
          function: { execution },
        },
        reps,
        seedOf,
      );
      return judgeRow(
        {
          case: NAME,
          quantity: `share throttled, ${shape}`,
          unit: '',
          values: data.map((d) => d.throttled / (d.throttled + d.completed)),
          note: `c = ${c}, offered load ${a} (lambda ${lambda}/s, mean ${mean} ms)`,
        },
        { kind: 'equals', expected: erlangB(c, a) },
      );
    });
  },
};
