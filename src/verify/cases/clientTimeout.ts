import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'client timeout';

/**
 * A caller that gives up after T: the share of requests timed out is P(latency > T). With no
 * platform time and no queue, the latency is the execution, exponential with mean m:
 * P(S > T) = exp(-T / m).
 */
export const clientTimeout: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const m = 50;
    const timeout = 100;
    const lambda = 50;
    const requests = pick(quick, 20_000, 4_000);
    const warmup = 2_000;
    const data = replicate(
      {
        name: 'verify-client-timeout',
        duration: warmup + (requests / lambda) * 1000,
        warmup,
        workload: { poisson: { perSecond: lambda } },
        client: INSIDE_CLIENT,
        platform: idealPlatform('verify-client-timeout', { keepAlive: 'forever' }),
        function: { execution: { exponential: { mean: m } } },
        caller: { timeout: `${timeout}ms` },
      },
      pick(quick, 20, 10),
      caseSeed(seed, NAME),
    );
    return [
      judgeRow(
        {
          case: NAME,
          quantity: `share timed out, T = ${timeout} ms`,
          unit: '',
          values: data.map((r) => r.client!.clientTimedOut / r.client!.requests),
          note: `exponential service, mean ${m} ms: P(S > T) = exp(-T / m)`,
        },
        { kind: 'equals', expected: Math.exp(-timeout / m) },
      ),
    ];
  },
};
