import { duration } from '../../spec/duration.ts';
import { object, transform } from '../../spec/schema.ts';
import { shifted as shiftedDistribution } from '../distributions/shifted.ts';
import type { DistributionFamily } from './family.ts';
import type { DistributionSpec } from './index.ts';

/** `by` ms (>= 0) plus a draw from `dist`: a floor such as propagation delay. */
export interface ShiftedSpec {
  kind: 'shifted';
  by: number;
  dist: DistributionSpec;
}

export const shifted: DistributionFamily<ShiftedSpec> = {
  name: 'shifted',
  kinds: ['shifted'],
  words: 'A fixed duration plus a draw from another distribution.',
  schema: (any) =>
    transform(
      object({ by: duration().describe('added to every draw'), dist: any }),
      ({ by, dist }): ShiftedSpec => ({ kind: 'shifted', by, dist }),
    ),
  build: (s, build) => shiftedDistribution(s.by, build(s.dist)),
};
