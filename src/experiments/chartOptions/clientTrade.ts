import { object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { axis } from './common.ts';

export const clientTrade = chartOptionsKind(
  'clientTrade',
  object({
    x: optional(axis).describe(
      'The axis whose values label the points (default: the first axis of a `caller` field)',
    ),
  }),
);
