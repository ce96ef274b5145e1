import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { coldShare } from '../theory.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'keep-alive';

/**
 * One instance, Poisson arrivals at rate lambda, keep-alive K, short calls: a call is cold when
 * the gap since the previous call ended exceeds K, so P(cold) = exp(-lambda K). Here lambda K =
 * 0.25, 1 and 3.
 *
 * The formula is the limit of short calls. Exactly, a call finds the instance busy (and then
 * waits for it, warm) with probability rho = lambda x execution time, and a departure that
 * leaves the instance idle is followed by an Exp(lambda) gap, so P(cold) = (1 - rho) exp(-lambda
 * K): the formula is off by at most rho, relative, which is the tolerance.
 */
export const keepAlive: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const lambda = 10;
    const execution = 0.1;
    const calls = pick(quick, 20_000, 3_000);
    const reps = pick(quick, 20, 10);
    // Long enough for the first (always cold) call to be out of the window.
    const warmup = 1_000;
    const rho = (lambda * execution) / 1000;
    return [25, 100, 300].map((k) => {
      const data = replicate(
        {
          name: 'verify-keep-alive',
          duration: warmup + (calls / lambda) * 1000,
          warmup,
          workload: { poisson: { perSecond: lambda } },
          client: INSIDE_CLIENT,
          platform: idealPlatform('verify-keep-alive', {
            maxConcurrency: 1,
            onLimit: 'queue',
            keepAlive: k,
          }),
          function: { execution },
        },
        reps,
        caseSeed(seed, NAME),
      );
      return judgeRow(
        {
          case: NAME,
          quantity: `share of cold calls, lambda K = ${(lambda * k) / 1000}`,
          unit: '',
          values: data.map((d) => d.coldRoots / d.completed),
          note:
            (k === 100 ? `lambda ${lambda}/s, K ${k} ms, calls of ${execution} ms; ` : '') +
            `tolerance rho = ${rho}: exactly (1 - rho) exp(-lambda K)`,
        },
        { kind: 'equals', expected: coldShare(lambda / 1000, k), tolerance: rho },
      );
    });
  },
};
