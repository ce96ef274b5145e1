import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, pick, queueOf } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { stageOf } from '../stage.ts';
import { mg1LognormalWaitQuantile, pkMeanWait } from '../theory.ts';
import type { VerifyCase, VerifyRow } from '../types.ts';

const NAME = 'M/G/1';

/**
 * M/G/1 with lognormal service (mean 10 ms, sigma 0.8, so E[S^2] = 1.9 E[S]^2): one
 * always-warm instance in front of a FIFO queue, at rho = 0.5 and 0.9. The mean wait is
 * Pollaczek-Khinchine's; the wait's p99 comes from the exact distribution of the wait,
 * computed numerically (theory.ts). Both read from the queue stage of results.
 */
export const mg1: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const sigma = 0.8;
    const meanS = 10;
    const mu = Math.log(meanS) - (sigma * sigma) / 2;
    const second = Math.exp(2 * mu + 2 * sigma * sigma);
    const reps = pick(quick, 20, 10);
    const seedOf = caseSeed(seed, NAME);
    return [0.5, 0.9].flatMap((rho): VerifyRow[] => {
      const lambda = rho / meanS; // per ms
      // At rho = 0.9 the queue relaxes in some (1 + c^2) / (1 - rho)^2 service times: the
      // warm-up is about 30 of those (some 5,000 calls at rho 0.9).
      const relax = ((1 + second / meanS ** 2 - 1) / (1 - rho) ** 2) * meanS;
      const warmup = Math.round(30 * relax);
      const customers = pick(quick, rho < 0.6 ? 30_000 : 150_000, rho < 0.6 ? 3_000 : 8_000);
      const data = replicate(
        {
          name: 'verify-mg1',
          duration: warmup + customers / lambda,
          warmup,
          workload: { poisson: { perSecond: lambda * 1000 } },
          client: INSIDE_CLIENT,
          platform: queueOf(1),
          function: { execution: { lognormal: { mu, sigma } } },
        },
        reps,
        seedOf,
      );
      const queue = data.map((d) => stageOf(d, 'queue'));
      return [
        judgeRow(
          {
            case: NAME,
            quantity: `mean wait, rho ${rho}`,
            unit: 'ms',
            values: queue.map((h) => h.mean),
            note: `lognormal service, mean ${meanS} ms, sigma ${sigma}; Pollaczek-Khinchine`,
          },
          { kind: 'equals', expected: pkMeanWait(lambda, meanS, second) },
        ),
        judgeRow(
          {
            case: NAME,
            quantity: `p99 wait, rho ${rho}`,
            unit: 'ms',
            values: queue.map((h) => h.quantile(0.99)),
            note:
              rho === 0.5
                ? 'the exact wait distribution (compound geometric of residual service times), numerically on a 0.05 ms grid'
                : undefined,
          },
          { kind: 'equals', expected: mg1LognormalWaitQuantile(0.99, lambda, mu, sigma, 0.05) },
        ),
      ];
    });
  },
};
