import { duration } from '../../spec/duration.ts';
import { number, object, transform } from '../../spec/schema.ts';
import { weibull as weibullDistribution } from '../distributions/weibull.ts';
import type { DistributionFamily } from './family.ts';

/** Weibull with `shape` k > 0 and `scale` lambda ms > 0: P(X > x) = exp(-(x / lambda)^k). */
export interface WeibullSpec {
  kind: 'weibull';
  shape: number;
  scale: number;
}

export const weibull: DistributionFamily<WeibullSpec> = {
  name: 'weibull',
  kinds: ['weibull'],
  words: 'Weibull: P(X > x) = exp(-(x / scale)^shape).',
  schema: () =>
    transform(
      object({
        shape: number({ exclusiveMin: 0 }).describe('shape k'),
        scale: duration({ allowZero: false }),
      }),
      ({ shape, scale }): WeibullSpec => ({ kind: 'weibull', shape, scale }),
    ),
  build: (s) => weibullDistribution(s.shape, s.scale),
};
