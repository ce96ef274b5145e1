import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { mm1SetupMeanTime, mm1SetupShares } from '../theory.ts';
import type { VerifyCase, VerifyRow } from '../types.ts';

const NAME = 'M/M/1 + setup';

/**
 * One instance at most, calls queue behind it, keep-alive 0: the instance goes the moment it
 * is idle, and the next call waits for a cold start (a setup time) before the queue is served
 * again. Mean time in system (Welch's exceptional first service) and the share of calls that
 * wait while a start is under way (1 - rho, whatever the setup time: cold.waitedOnStart),
 * with exponential and with constant setup times of mean 20 ms.
 */
export const setup: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const lambda = 50;
    const mu = 100;
    const meanI = 20;
    const customers = pick(quick, 30_000, 3_000);
    const reps = pick(quick, 20, 10);
    const warmup = 2_000;
    const seedOf = caseSeed(seed, NAME);
    const shapes: [string, unknown, number][] = [
      ['exponential', { exponential: { mean: meanI } }, 2 * meanI * meanI],
      ['constant', meanI, meanI * meanI],
    ];
    const l = lambda / 1000;
    const m = mu / 1000;
    return shapes.flatMap(([shape, setupTime, second]): VerifyRow[] => {
      const data = replicate(
        {
          name: 'verify-setup',
          duration: warmup + (customers / lambda) * 1000,
          warmup,
          workload: { poisson: { perSecond: lambda } },
          client: INSIDE_CLIENT,
          platform: idealPlatform('verify-setup', {
            maxConcurrency: 1,
            onLimit: 'queue',
            keepAlive: 0,
            coldStart: { sandbox: setupTime },
          }),
          function: { execution: { exponential: { mean: 1000 / mu } } },
        },
        reps,
        seedOf,
      );
      return [
        judgeRow(
          {
            case: NAME,
            quantity: `mean time in system, ${shape} setup`,
            unit: 'ms',
            values: data.map((d) => d.endToEnd.mean),
            note: `lambda ${lambda}/s, mu ${mu}/s, setup mean ${meanI} ms, keep-alive 0`,
          },
          { kind: 'equals', expected: mm1SetupMeanTime(l, m, meanI, second) },
        ),
        judgeRow(
          {
            case: NAME,
            quantity: `share that waits on a setup, ${shape}`,
            unit: '',
            values: data.map((d) => d.startWaitRoots / d.completed),
            note: shape === 'exponential' ? 'cold.waitedOnStart of results' : undefined,
          },
          { kind: 'equals', expected: mm1SetupShares(l, m, meanI).waited },
        ),
      ];
    });
  },
};
