import { judgeRow } from '../judge.ts';
import { fanOutExperiment, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { maxOfExponentialsQuantile } from '../theory.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'fan-out';

/**
 * Fan-out to n leaves, waiting for all: the root answers when its slowest leaf does, so
 * P(max <= x) = F(x)^n and the p-quantile is F^-1(p^(1/n)). Leaves run an exponential 10 ms;
 * the root itself takes no time, and nothing queues (no limit, instances start in no time).
 */
export const fanOut: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const n = 10;
    const mean = 10;
    const lambda = 20;
    const roots = pick(quick, 10_000, 1_500);
    const reps = pick(quick, 20, 10);
    const warmup = 1_000;
    const data = replicate(
      fanOutExperiment('verify-fan-out', {
        n,
        lambda,
        roots,
        warmup,
        leaf: { exponential: { mean } },
      }),
      reps,
      caseSeed(seed, NAME),
    );
    return [0.5, 0.99].map((p) =>
      judgeRow(
        {
          case: NAME,
          quantity: `p${p * 100}, wait for all ${n}`,
          unit: 'ms',
          values: data.map((d) => d.endToEnd.quantile(p)),
          note: p === 0.5 ? `leaves exponential, mean ${mean} ms` : undefined,
        },
        { kind: 'equals', expected: maxOfExponentialsQuantile(p, n, mean) },
      ),
    );
  },
};
