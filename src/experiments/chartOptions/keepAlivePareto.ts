import { enumOf, object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { axis, pointIndex } from './common.ts';

export const keepAlivePareto = chartOptionsKind(
  'keepAlivePareto',
  object({
    label: optional(axis).describe(
      'The axis whose values label the points (default: the keep-alive axis)',
    ),
    measure: optional(enumOf(['requests', 'p75Function'])).describe(
      '`requests`: the share of requests with a cold start against idle GB-s per request (default); `p75Function`, for a region: the cold-start share of the 75th-percentile function against wasted memory time normalised to the fixed 10-minute keep-alive (Shahrad et al. 2020, Fig. 15)',
    ),
    reference: optional(pointIndex).describe(
      'With `p75Function`: the point whose wasted memory time is 100 % (default: the first point with a value of 10 min)',
    ),
  }),
);
