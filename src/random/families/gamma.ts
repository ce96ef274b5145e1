import { duration } from '../../spec/duration.ts';
import { number, object, optional, refine, transform } from '../../spec/schema.ts';
import { gamma as gammaDistribution } from '../distributions/gamma.ts';
import type { DistributionFamily } from './family.ts';

/**
 * Gamma with `shape` k > 0 and `scale` theta ms > 0: mean k theta ms.
 * The {"shape", "mean"} form arrives here already as scale = mean / shape.
 */
export interface GammaSpec {
  kind: 'gamma';
  shape: number;
  scale: number;
}

export const gamma: DistributionFamily<GammaSpec> = {
  name: 'gamma',
  kinds: ['gamma'],
  words: 'Gamma, by shape and scale or by shape and mean.',
  schema: () =>
    transform(
      refine(
        object({
          shape: number({ exclusiveMin: 0 }).describe('shape k'),
          scale: optional(
            duration({ allowZero: false }).describe('scale theta; give this or mean'),
          ),
          mean: optional(
            duration({ allowZero: false }).describe('mean (shape times scale); give this or scale'),
          ),
        }),
        ({ scale, mean }) => {
          if (scale !== undefined && mean !== undefined) {
            return 'give either "scale" or "mean", not both';
          }
          return (
            scale !== undefined ||
            mean !== undefined ||
            'missing required field "scale" (or "mean")'
          );
        },
        { jsonSchema: { oneOf: [{ required: ['scale'] }, { required: ['mean'] }] } },
      ),
      ({ shape, scale, mean }): GammaSpec => ({
        kind: 'gamma',
        shape,
        scale: scale ?? (mean as number) / shape,
      }),
    ),
  build: (s) => gammaDistribution(s.shape, s.scale),
};
