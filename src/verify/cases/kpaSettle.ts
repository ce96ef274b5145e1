import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'Knative settle';

export interface KpaSettleParams {
  /** The utilisation the model runs with; the row expects Knative's 0.7 (negative control). */
  utilisation?: number;
}

/**
 * Knative's KPA under a constant load: Poisson calls at 245/s of 100 ms each keep 24.5
 * calls in flight on average; with a target of 10 per instance at 70 % utilisation the
 * autoscaler settles at ceil(24.5 / (10 x 0.7)) = ceil(3.5) = 4 instances. The load sits
 * halfway between two counts, so the stable window's noise (about 1 % of the mean) never
 * moves the ceiling; panic needs twice that.
 */
export function kpaSettleCase(params: KpaSettleParams = {}): VerifyCase {
  return {
    name: NAME,
    run({ quick, seed }) {
      const lambda = 245;
      const execution = 100;
      const target = 10;
      const utilisation = 0.7;
      const warmup = 120_000;
      const data = replicate(
        {
          name: 'verify-kpa-settle',
          duration: warmup + pick(quick, 300_000, 60_000),
          warmup,
          workload: { poisson: { perSecond: lambda } },
          client: INSIDE_CLIENT,
          platform: idealPlatform('verify-kpa', {
            coldStart: { sandbox: 1000 },
            keepAlive: 'forever',
            concurrencyPerInstance: 100,
            coldStartBinding: 'late',
            routing: 'lru',
            scaling: { policy: 'kpa', target, utilisation: params.utilisation ?? utilisation },
          }),
          function: { execution },
        },
        pick(quick, 10, 4),
        caseSeed(seed, NAME),
      );
      const load = (lambda * execution) / 1000;
      return [
        judgeRow(
          {
            case: NAME,
            quantity: 'instances under a constant load (time-weighted mean)',
            unit: '',
            values: data.map((d) => d.instances.mean),
            note: `load ${load} calls in flight, target ${target} x utilisation ${utilisation}; ceil(load / (target x utilisation))`,
          },
          { kind: 'equals', expected: Math.ceil(load / (target * utilisation)) },
        ),
      ];
    },
  };
}

export const kpaSettle = kpaSettleCase();
