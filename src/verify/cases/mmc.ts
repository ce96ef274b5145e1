import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, pick, queueOf } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { stageOf } from '../stage.ts';
import { erlangC } from '../theory.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'M/M/c';

/**
 * M/M/c with c = 10, lambda = 9/s, mu = 1/s (a 1 s function): ten always-warm instances in
 * front of a FIFO queue. Erlang C gives the probability of waiting, C / (c mu - lambda) the mean
 * wait: both 0.6687 here (in seconds for the wait, since c mu - lambda = 1/s).
 */
export const mmc: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const c = 10;
    const lambda = 9;
    const mu = 1;
    const customers = pick(quick, 300_000, 15_000);
    const reps = pick(quick, 20, 10);
    // At rho = 0.9 the queue forgets its empty start in about 40 s; 1000 s leaves no trace.
    const warmup = 1_000_000;
    const data = replicate(
      {
        name: 'verify-mmc',
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
    const queue = data.map((d) => stageOf(d, 'queue'));
    return [
      judgeRow(
        {
          case: NAME,
          quantity: 'probability of waiting',
          unit: '',
          // Waits under 1 us are the histogram's zero bucket; at a 1 s scale they are ~1e-6 of
          // the waits, far inside the interval.
          values: queue.map((h) => 1 - h.cdf(0)),
          note: 'c = 10, lambda = 9/s, mu = 1/s; share of calls whose queue stage is not zero',
        },
        { kind: 'equals', expected: C },
      ),
      judgeRow(
        {
          case: NAME,
          quantity: 'mean wait',
          unit: 'ms',
          values: queue.map((h) => h.mean),
          note: 'the queue stage of results (stages.queue.mean)',
        },
        { kind: 'equals', expected: (C / (c * mu - lambda)) * 1000 },
      ),
    ];
  },
};
