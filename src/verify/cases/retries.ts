import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'retries';

/**
 * Each attempt fails with probability p, independently, and the caller makes at most n: the mean
 * number of attempts is 1 + p + ... + p^(n-1) = (1 - p^n) / (1 - p), and the share of requests
 * that fail in the end is p^n.
 */
export const retries: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const p = 0.3;
    const n = 3;
    const lambda = 50;
    const requests = pick(quick, 20_000, 4_000);
    const warmup = 2_000;
    const data = replicate(
      {
        name: 'verify-retries',
        duration: warmup + (requests / lambda) * 1000,
        warmup,
        workload: { poisson: { perSecond: lambda } },
        client: INSIDE_CLIENT,
        platform: idealPlatform('verify-retries', { keepAlive: 'forever' }),
        function: { execution: { exponential: { mean: 20 } } },
        caller: { failure: p, retry: { attempts: n, backoff: { base: '10ms' } } },
      },
      pick(quick, 20, 10),
      caseSeed(seed, NAME),
    );
    const note = `failure p ${p} per attempt, at most ${n} attempts`;
    return [
      judgeRow(
        {
          case: NAME,
          quantity: 'attempts per request',
          unit: '',
          values: data.map((r) => r.client!.attempts / r.client!.requests),
          note,
        },
        { kind: 'equals', expected: (1 - p ** n) / (1 - p) },
      ),
      judgeRow(
        {
          case: NAME,
          quantity: 'share of requests failed',
          unit: '',
          values: data.map((r) => r.client!.failed / r.client!.requests),
          note,
        },
        { kind: 'equals', expected: p ** n },
      ),
    ];
  },
};
