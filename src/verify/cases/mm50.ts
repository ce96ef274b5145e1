import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, pick, queueOf } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { stageOf } from '../stage.ts';
import { erlangC } from '../theory.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'M/M/50';

/**
 * M/M/c at scale: 50 always-warm instances, a 1 s function, 47.5 calls/s (rho 0.95). Erlang
 * C gives the probability of waiting C; the wait beyond zero is exponential with rate
 * c mu - lambda, so the mean wait is C / (c mu - lambda) and the wait's p99 is
 * ln(C / 0.01) / (c mu - lambda).
 */
export const mm50: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const c = 50;
    const lambda = 47.5;
    const mu = 1;
    const customers = pick(quick, 60_000, 8_000);
    const reps = pick(quick, 20, 10);
    // The queue relaxes in about 1 / (sqrt(c mu) - sqrt(lambda))^2 s, some 30 s here.
    const warmup = pick(quick, 300_000, 100_000);
    const data = replicate(
      {
        name: 'verify-mm50',
        duration: warmup + (customers / lambda) * 1000,
        warmup,
        workload: { poisson: { perSecond: lambda } },
        client: INSIDE_CLIENT,
        platform: queueOf(c),
        function: { execution: { exponential: { mean: 1000 / mu } } },
      },
      reps,
      caseSeed(seed, NAME),
    );
    const C = erlangC(c, lambda / mu);
    const rate = (c * mu - lambda) / 1000; // per ms
    const queue = data.map((d) => stageOf(d, 'queue'));
    return [
      judgeRow(
        {
          case: NAME,
          quantity: 'probability of waiting',
          unit: '',
          values: queue.map((h) => 1 - h.cdf(0)),
          note: `c = ${c}, lambda = ${lambda}/s, mu = ${mu}/s (rho ${lambda / (c * mu)}); Erlang C`,
        },
        { kind: 'equals', expected: C },
      ),
      judgeRow(
        {
          case: NAME,
          quantity: 'mean wait',
          unit: 'ms',
          values: queue.map((h) => h.mean),
        },
        { kind: 'equals', expected: C / rate },
      ),
      judgeRow(
        {
          case: NAME,
          quantity: 'p99 wait',
          unit: 'ms',
          values: queue.map((h) => h.quantile(0.99)),
        },
        { kind: 'equals', expected: Math.log(C / 0.01) / rate },
      ),
    ];
  },
};
