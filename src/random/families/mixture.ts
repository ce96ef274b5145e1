import { array, object, probability, refine, transform } from '../../spec/schema.ts';
import { mixture as mixtureDistribution } from '../distributions/mixture.ts';
import type { DistributionFamily } from './family.ts';
import type { DistributionSpec } from './index.ts';

/**
 * A draw from one component chosen with probability `weight`. At least one
 * component; weights in [0, 1] summing to 1 within 1e-6 (not renormalised).
 */
export interface MixtureSpec {
  kind: 'mixture';
  components: { weight: number; dist: DistributionSpec }[];
}

const WEIGHT_TOLERANCE = 1e-6;

export const mixture: DistributionFamily<MixtureSpec> = {
  name: 'mixture',
  kinds: ['mixture'],
  words: 'A draw from one of several distributions, chosen by weight.',
  schema: (any) =>
    transform(
      refine(array(object({ weight: probability(), dist: any }), { minItems: 1 }), (components) => {
        const sum = components.reduce((s, c) => s + c.weight, 0);
        return (
          Math.abs(sum - 1) <= WEIGHT_TOLERANCE ||
          // toPrecision hides float noise: 0.1 + 0.2 + 0.65 reads "0.95".
          `weights must sum to 1 (got ${Number(sum.toPrecision(12))})`
        );
      }),
      (components): MixtureSpec => ({ kind: 'mixture', components }),
    ),
  build: (s, build) => {
    // The parser accepts weights summing to 1 within 1e-6 (hand-written
    // files round); renormalise so the sampler's stricter check holds.
    const total = s.components.reduce((sum, c) => sum + c.weight, 0);
    return mixtureDistribution(
      s.components.map((c) => ({ weight: c.weight / total, dist: build(c.dist) })),
    );
  },
};
