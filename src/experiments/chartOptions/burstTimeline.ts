import { object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { pointIndex } from './common.ts';

export const burstTimeline = chartOptionsKind(
  'burstTimeline',
  object({
    point: optional(
      pointIndex.describe(
        'The point whose timeline to draw, by its index (default: the first 4 points with a timeline)',
      ),
    ),
  }),
);
