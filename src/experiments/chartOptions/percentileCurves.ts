import { array, enumOf, object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { axis, percentile } from './common.ts';

export const percentileCurves = chartOptionsKind(
  'percentileCurves',
  object({
    x: optional(axis),
    split: optional(enumOf(['facet', 'dash'])).describe(
      'How the other axes are told apart: small multiples (facet) or dash patterns',
    ),
    percentiles: optional(array(percentile, { minItems: 1 })),
  }),
);
