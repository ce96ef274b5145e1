import { duration } from '../../spec/duration.ts';
import { object, refine, transform } from '../../spec/schema.ts';
import { uniform as uniformDistribution } from '../distributions/uniform.ts';
import type { DistributionFamily } from './family.ts';

/** Uniform on [min, max] ms; 0 <= min <= max. */
export interface UniformSpec {
  kind: 'uniform';
  min: number;
  max: number;
}

export const uniform: DistributionFamily<UniformSpec> = {
  name: 'uniform',
  kinds: ['uniform'],
  words: 'Uniform between min and max.',
  schema: () =>
    transform(
      refine(
        object({ min: duration(), max: duration() }),
        ({ min, max }) => max >= min || { path: 'max', reason: 'must not be less than min' },
      ),
      ({ min, max }): UniformSpec => ({ kind: 'uniform', min, max }),
    ),
  build: (s) => uniformDistribution(s.min, s.max),
};
