import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { erlangB } from '../theory.ts';
import type { VerifyCase, VerifyRow } from '../types.ts';

const NAME = 'Erlang B, 50 servers';

/**
 * A concurrency cap of 50 with throttling, offered 45 Erlang: the share refused is Erlang B
 * whatever the execution time's distribution for the same mean (insensitivity), checked with
 * a constant and with a heavy-tailed lognormal (sigma 1.5) execution.
 */
export const erlangB50: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const c = 50;
    const lambda = 450;
    const mean = 100;
    const calls = pick(quick, 60_000, 6_000);
    const reps = pick(quick, 20, 10);
    const warmup = 2_000;
    const platform = idealPlatform('verify-loss-50', {
      maxConcurrency: c,
      onLimit: 'throttle',
      keepAlive: 'forever',
    });
    const sigma = 1.5;
    const shapes: [string, unknown][] = [
      ['constant', mean],
      ['lognormal', { lognormal: { mu: Math.log(mean) - (sigma * sigma) / 2, sigma } }],
    ];
    const a = (lambda * mean) / 1000;
    const seedOf = caseSeed(seed, NAME);
    return shapes.map(([shape, execution]): VerifyRow => {
      const data = replicate(
        {
          name: 'verify-erlang-b-50',
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
          note: `c = ${c}, offered load ${a} (lambda ${lambda}/s, mean ${mean} ms${shape === 'lognormal' ? `, sigma ${sigma}` : ''})`,
        },
        { kind: 'equals', expected: erlangB(c, a) },
      );
    });
  },
};
