import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { mm1PatienceAbandon } from '../theory.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'M/M/1 + patience';

/**
 * M/M/1 whose queued calls give up after a fixed wait (maxQueueWait, reported as throttled):
 * a call leaves exactly when the work ahead of it that will be served exceeds its patience,
 * which gives the abandonment probability in closed form (theory.ts).
 */
export const patience: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const lambda = 80;
    const mu = 100;
    const tau = 20;
    const customers = pick(quick, 50_000, 5_000);
    const warmup = 2_000;
    const data = replicate(
      {
        name: 'verify-patience',
        duration: warmup + (customers / lambda) * 1000,
        warmup,
        workload: { poisson: { perSecond: lambda } },
        client: INSIDE_CLIENT,
        platform: idealPlatform('verify-patience', {
          provisioned: 1,
          maxConcurrency: 1,
          onLimit: 'queue',
          maxQueueWait: tau,
          keepAlive: 'forever',
        }),
        function: { execution: { exponential: { mean: 1000 / mu } } },
      },
      pick(quick, 20, 10),
      caseSeed(seed, NAME),
    );
    return [
      judgeRow(
        {
          case: NAME,
          quantity: 'share that gives up waiting',
          unit: '',
          values: data.map((d) => d.throttled / (d.throttled + d.completed)),
          note: `lambda ${lambda}/s, mu ${mu}/s, patience ${tau} ms (maxQueueWait)`,
        },
        { kind: 'equals', expected: mm1PatienceAbandon(lambda / 1000, mu / 1000, tau) },
      ),
    ];
  },
};
