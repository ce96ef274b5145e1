import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase, VerifyRow } from '../types.ts';

const NAME = 'hedged requests';

/**
 * Hedging after a fixed delay d (Dean and Barroso): with independent service times S, a request
 * answers at T = min(S1, d + S2), so P(T > t) = P(S > t) for t < d and P(S > t) P(S > t - d)
 * beyond. No platform time and no queue (instances without limit, kept forever): the service
 * time is the execution, exponential with mean m.
 */
export const hedging: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const m = 50;
    const d = 60;
    const lambda = 50;
    const requests = pick(quick, 20_000, 4_000);
    const warmup = 2_000;
    const data = replicate(
      {
        name: 'verify-hedging',
        duration: warmup + (requests / lambda) * 1000,
        warmup,
        workload: { poisson: { perSecond: lambda } },
        client: INSIDE_CLIENT,
        platform: idealPlatform('verify-hedging', { keepAlive: 'forever' }),
        function: { execution: { exponential: { mean: m } } },
        caller: { hedge: { after: `${d}ms` } },
      },
      pick(quick, 20, 10),
      caseSeed(seed, NAME),
    );
    const survival = (t: number) => Math.exp(-t / m);
    const rows: VerifyRow[] = [];
    for (const t of [40, 150]) {
      const expected = t < d ? survival(t) : survival(t) * survival(t - d);
      rows.push(
        judgeRow(
          {
            case: NAME,
            quantity: `P(T > ${t} ms), hedged after ${d} ms`,
            unit: '',
            values: data.map((r) => 1 - r.endToEnd.cdf(t)),
            note: `exponential service, mean ${m} ms; ${t < d ? 'before d: P(S > t)' : 'beyond d: P(S > t) P(S > t - d)'}`,
          },
          { kind: 'equals', expected },
        ),
      );
    }
    return rows;
  },
};
