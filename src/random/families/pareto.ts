import { duration } from '../../spec/duration.ts';
import { number, object, transform } from '../../spec/schema.ts';
import { pareto as paretoDistribution } from '../distributions/pareto.ts';
import type { DistributionFamily } from './family.ts';

/**
 * Pareto (type I) with minimum `min` ms > 0 and `shape` alpha > 0:
 * P(X > x) = (min / x)^alpha for x >= min. The mean is infinite for alpha <= 1.
 */
export interface ParetoSpec {
  kind: 'pareto';
  min: number;
  shape: number;
}

export const pareto: DistributionFamily<ParetoSpec> = {
  name: 'pareto',
  kinds: ['pareto'],
  words: 'Pareto (type I), a power-law tail: P(X > x) = (min / x)^shape.',
  schema: () =>
    transform(
      object({
        min: duration({ allowZero: false }).describe('the smallest value (scale x_m)'),
        shape: number({ exclusiveMin: 0 }).describe(
          'tail index alpha; the mean is infinite for alpha <= 1',
        ),
      }),
      ({ min, shape }): ParetoSpec => ({ kind: 'pareto', min, shape }),
    ),
  build: (s) => paretoDistribution(s.min, s.shape),
};
