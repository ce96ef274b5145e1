import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { atLeastOne } from '../theory.ts';
import type { VerifyCase, VerifyRow } from '../types.ts';

const NAME = 'chain cold';

/**
 * A chain of depth d whose hops are each cold with probability q, independently: a request
 * meets at least one cold start with probability 1 - (1 - q)^d.
 *
 * The hops of one chain see the same gaps between requests, so with Poisson traffic and a fixed
 * keep-alive their cold starts go together and the formula does not apply. Independence is
 * built in instead: requests every G = 100 ms exactly, functions that take no time, and a
 * keep-alive drawn afresh (exponential, mean M) for each idle spell of each function. A hop is
 * then cold exactly when its draw is shorter than G: q = 1 - exp(-G / M) = 0.1, independently
 * across hops and requests.
 */
export const chainCold: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const gap = 100;
    const q = 0.1;
    const meanKeepAlive = -gap / Math.log(1 - q);
    const roots = pick(quick, 5_000, 1_000);
    const reps = pick(quick, 20, 10);
    const warmup = 1_000;
    const seedOf = caseSeed(seed, NAME);
    return [1, 6].map((depth): VerifyRow => {
      const data = replicate(
        {
          name: 'verify-chain-cold',
          duration: warmup + roots * gap,
          warmup,
          workload: { constant: { perSecond: 1000 / gap } },
          client: INSIDE_CLIENT,
          platform: idealPlatform('verify-random-keep-alive', {
            keepAlive: { exponential: { mean: meanKeepAlive } },
          }),
          graph: { chain: { depth } },
          function: { execution: 0 },
        },
        reps,
        seedOf,
      );
      return judgeRow(
        {
          case: NAME,
          quantity: `share with a cold hop, depth ${depth}`,
          unit: '',
          values: data.map((d) => d.coldRoots / d.completed),
          note:
            depth === 1
              ? `q = ${q} per hop: requests every ${gap} ms, ` +
                `keep-alive exponential, mean ${meanKeepAlive.toFixed(1)} ms`
              : undefined,
        },
        { kind: 'equals', expected: atLeastOne(q, depth) },
      );
    });
  },
};
