import { array, enumOf, object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { axis, percentile } from './common.ts';

export const percentileCurves = chartOptionsKind(
  'percentileCurves',
  object({
    x: optional(axis).describe('The sweep axis along x (default: the first numeric one)'),
    split: optional(enumOf(['facet', 'dash'])).describe(
      'How the other axes\' values are told apart: `"facet"`, a panel each (the default), or `"dash"`, a dash pattern each',
    ),
    percentiles: optional(array(percentile, { minItems: 1 })).describe(
      'The percentiles drawn, a list of `p50`, `p90`, `p95`, `p99`, `p999` (default: all but `p95`)',
    ),
  }),
);
