import { duration } from '../../spec/duration.ts';
import { object, transform } from '../../spec/schema.ts';
import { exponential as exponentialDistribution } from '../distributions/exponential.ts';
import type { DistributionFamily } from './family.ts';

/** Exponential with mean `mean` ms (> 0), i.e. rate 1 / mean per ms. */
export interface ExponentialSpec {
  kind: 'exponential';
  mean: number;
}

export const exponential: DistributionFamily<ExponentialSpec> = {
  name: 'exponential',
  kinds: ['exponential'],
  words: 'Exponential with the given mean (memoryless, as M/M/1 service).',
  schema: () =>
    transform(
      object({ mean: duration({ allowZero: false }) }),
      ({ mean }): ExponentialSpec => ({ kind: 'exponential', mean }),
    ),
  build: (s) => exponentialDistribution(s.mean),
};
