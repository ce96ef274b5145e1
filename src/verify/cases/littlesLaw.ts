import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase, VerifyRow } from '../types.ts';

const NAME = "Little's law";

/**
 * L = lambda W for the instances: the time-weighted mean number of busy instances equals the
 * arrival rate times the mean time a request holds instances. Instances are reclaimed the moment
 * they are idle and start in no time, so every instance counted is a busy one.
 *
 * In a chain each function holds its instance while it waits for the functions below it, so
 * hop i of d is held for the executions of hops i..d: W = E[S] (d + (d - 1) + ... + 1).
 */
export const littlesLaw: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const lambda = 100;
    const seconds = pick(quick, 300, 60);
    const reps = pick(quick, 20, 10);
    const warmup = 2_000;
    const platform = idealPlatform('verify-no-keep-alive', { keepAlive: 0 });
    const seedOf = caseSeed(seed, NAME);
    const shapes: [string, number, number][] = [
      // [label, depth, mean execution ms]
      ['pool', 1, 50],
      ['chain of 3', 3, 20],
    ];
    return shapes.map(([label, depth, mean]): VerifyRow => {
      const data = replicate(
        {
          name: 'verify-little',
          duration: warmup + seconds * 1000,
          warmup,
          workload: { poisson: { perSecond: lambda } },
          client: INSIDE_CLIENT,
          platform,
          graph: { chain: { depth } },
          function: { execution: { exponential: { mean } } },
        },
        reps,
        seedOf,
      );
      const held = (mean * depth * (depth + 1)) / 2;
      return judgeRow(
        {
          case: NAME,
          quantity: `mean instances busy, ${label}`,
          unit: '',
          values: data.map((d) => d.instances.mean),
          note: `lambda ${lambda}/s x W ${held} ms (execution exponential, mean ${mean} ms)`,
        },
        { kind: 'equals', expected: (lambda * held) / 1000 },
      );
    });
  },
};
