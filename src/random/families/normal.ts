import { duration } from '../../spec/duration.ts';
import { object, transform } from '../../spec/schema.ts';
import { normalTruncated } from '../distributions/normalTruncated.ts';
import type { DistributionFamily } from './family.ts';

/**
 * Normal with mean `mean` ms (>= 0) and standard deviation `sd` ms (> 0),
 * truncated at zero: conditioned on x >= 0 (not clamped), so the actual
 * mean is a little above `mean` when sd is large relative to it.
 */
export interface NormalSpec {
  kind: 'normal';
  mean: number;
  sd: number;
}

export const normal: DistributionFamily<NormalSpec> = {
  name: 'normal',
  kinds: ['normal'],
  words: 'Normal, truncated at zero (conditioned on x >= 0, not clamped).',
  schema: () =>
    transform(
      object({
        mean: duration().describe('mean before truncation at zero'),
        sd: duration({ allowZero: false }).describe('standard deviation'),
      }),
      ({ mean, sd }): NormalSpec => ({ kind: 'normal', mean, sd }),
    ),
  build: (s) => normalTruncated(s.mean, s.sd),
};
