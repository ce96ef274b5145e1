import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, pick, queueOf } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { mm1SojournQuantile } from '../theory.ts';
import type { VerifyCase } from '../types.ts';

export interface Mm1Params {
  /** Arrivals per second. */
  lambda: number;
  /** Services per second (the execution is exponential with mean 1000 / mu ms). */
  mu: number;
  /** The arrival rate the closed form is told (a negative control sets it wrong). */
  theoryLambda?: number;
}

/** rho = 0.5 on a 10 ms function: mean time in system 20 ms. */
export const MM1_DEFAULTS: Mm1Params = { lambda: 50, mu: 100 };

/**
 * M/M/1: one always-warm instance, Poisson arrivals, exponential execution. The time in system
 * (queue + execution, all other stages being zero) is exponential with rate mu - lambda.
 */
export function mm1Case(params: Mm1Params = MM1_DEFAULTS): VerifyCase {
  const name = 'M/M/1';
  return {
    name,
    run({ quick, seed }) {
      const { lambda, mu } = params;
      const customers = pick(quick, 100_000, 10_000);
      const reps = pick(quick, 20, 10);
      // The queue starts empty; 10 s is some 80 relaxation times at rho = 0.5.
      const warmup = 10_000;
      const data = replicate(
        {
          name: 'verify-mm1',
          duration: warmup + (customers / lambda) * 1000,
          warmup,
          workload: { poisson: { perSecond: lambda } },
          client: INSIDE_CLIENT,
          platform: queueOf(1),
          function: { execution: { exponential: { mean: 1000 / mu } } },
        },
        reps,
        caseSeed(seed, name),
      );
      // Rates per ms, as the simulation's times are in ms.
      const l = (params.theoryLambda ?? lambda) / 1000;
      const m = mu / 1000;
      const note = `lambda ${lambda}/s, mu ${mu}/s; end to end = queue + execution`;
      const rows = [
        judgeRow(
          {
            case: name,
            quantity: 'mean time in system',
            unit: 'ms',
            values: data.map((d) => d.endToEnd.mean),
            note,
          },
          { kind: 'equals', expected: 1 / (m - l) },
        ),
      ];
      for (const p of [0.5, 0.99]) {
        rows.push(
          judgeRow(
            {
              case: name,
              quantity: `p${p * 100} time in system`,
              unit: 'ms',
              values: data.map((d) => d.endToEnd.quantile(p)),
            },
            { kind: 'equals', expected: mm1SojournQuantile(p, l, m) },
          ),
        );
      }
      return rows;
    },
  };
}

export const mm1 = mm1Case();
