import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, pick, queueOf } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { stageOf } from '../stage.ts';
import { md1MeanWait } from '../theory.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'M/D/1';

/**
 * M/D/1: one always-warm instance, Poisson arrivals, a function that always takes 10 ms, at
 * rho = 0.7. Pollaczek-Khinchine: mean wait rho D / (2 (1 - rho)) = 11.67 ms, half the M/M/1
 * wait at the same load.
 */
export const md1: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const d = 10;
    const lambda = 70;
    const customers = pick(quick, 100_000, 10_000);
    const reps = pick(quick, 20, 10);
    const warmup = 10_000;
    const data = replicate(
      {
        name: 'verify-md1',
        duration: warmup + (customers / lambda) * 1000,
        warmup,
        workload: { poisson: { perSecond: lambda } },
        client: INSIDE_CLIENT,
        platform: queueOf(1),
        function: { execution: d },
      },
      reps,
      caseSeed(seed, NAME),
    );
    const rho = (lambda * d) / 1000;
    return [
      judgeRow(
        {
          case: NAME,
          quantity: 'mean wait',
          unit: 'ms',
          values: data.map((r) => stageOf(r, 'queue').mean),
          note: `D = ${d} ms, rho = ${rho}; the queue stage`,
        },
        { kind: 'equals', expected: md1MeanWait(rho, d) },
      ),
    ];
  },
};
