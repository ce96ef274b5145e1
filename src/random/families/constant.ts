import { duration } from '../../spec/duration.ts';
import { transform } from '../../spec/schema.ts';
import { constant as constantDistribution } from '../distributions/constant.ts';
import type { DistributionFamily } from './family.ts';

/** Always `value` ms (>= 0). Written "5ms", 5 or {"constant": "5ms"}. */
export interface ConstantSpec {
  kind: 'constant';
  value: number;
}

export const constant: DistributionFamily<ConstantSpec> = {
  name: 'constant',
  kinds: ['constant'],
  words: 'Always the same duration.',
  schema: () => transform(duration(), (value): ConstantSpec => ({ kind: 'constant', value })),
  build: (s) => constantDistribution(s.value),
};
