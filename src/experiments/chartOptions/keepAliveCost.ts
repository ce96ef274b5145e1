import { enumOf, object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { axis } from './common.ts';

export const keepAliveCost = chartOptionsKind(
  'keepAliveCost',
  object({
    x: optional(axis),
    cost: optional(enumOf(['memory', 'warmers', 'usdPerMillionRoots', 'usd'])).describe(
      'The right axis: memory kept alive, warmer pings, the bill per million requests or per run',
    ),
  }),
);
